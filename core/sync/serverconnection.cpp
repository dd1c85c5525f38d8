#include "core/sync/serverconnection.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QJsonObject errorObject(const QJsonObject &json)
{
    return json.value(u"error"_s).toObject();
}

} // namespace

QString ServerConnection::Reply::errorCode() const
{
    return errorObject(json).value(u"code"_s).toString();
}

QString ServerConnection::Reply::errorMessage() const
{
    return errorObject(json).value(u"message"_s).toString();
}

QString ServerConnection::Reply::requestId() const
{
    return errorObject(json).value(u"requestId"_s).toString();
}

ServerConnection::ServerConnection(QUrl server)
    : m_server(std::move(server))
{}

ServerConnection::Reply ServerConnection::send(const QByteArray &method, const QString &path,
                                               const QByteArray &body, const QByteArray &ifMatch)
{
    Reply result;
    if (*m_aborted) {
        result.networkError = QNetworkReply::tr("Operation canceled");
        return result;
    }
    QUrl url = m_server;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(m_server.path().chopped(m_server.path().endsWith(u'/') ? 1 : 0) +
                (question < 0 ? path : path.left(question)));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!ifMatch.isEmpty())
        request.setRawHeader("If-Match", ifMatch);

    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&](const QList<QSslError> &errors) {
        if (!m_trusted.isNull() && reply->sslConfiguration().peerCertificate() == m_trusted) {
            reply->ignoreSslErrors(errors);
            return;
        }
        result.sslErrors = errors;
        result.peerCertificate = reply->sslConfiguration().peerCertificate();
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // abort() comes from another thread: look at it now and then.
    QTimer abortWatch;
    QObject::connect(&abortWatch, &QTimer::timeout, &loop, [&] {
        if (*m_aborted)
            reply->abort();
    });
    abortWatch.start(100);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    if (result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

ServerConnection::Reply ServerConnection::signIn(const QString &login, const QString &password)
{
    const QJsonObject body{{u"login"_s, login}, {u"password"_s, password}};
    Reply reply = send("POST", u"/api/v1/auth/login"_s, QJsonDocument(body).toJson());
    if (reply.ok())
        m_token = reply.json.value(u"token"_s).toString();
    return reply;
}

QString ServerConnection::serverKey(const QUrl &server)
{
    const int defaultPort = server.scheme() == u"https"_s ? 443 : 80;
    return server.host() + u'_' + QString::number(server.port(defaultPort));
}

QUrl ServerConnection::normalised(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(u"://"_s))
        text.prepend(u"https://"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return {};
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) : url.path());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}
