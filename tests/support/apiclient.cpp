#include "tests/support/apiclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

QString ApiClient::Reply::errorCode() const
{
    return json().value(u"error"_s).toObject().value(u"code"_s).toString();
}

QByteArray ApiClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QNetworkReply *ApiClient::start(const QByteArray &method, const QString &path,
                                const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_network.sendCustomRequest(request, method, body);
}

ApiClient::Reply ApiClient::finish(QNetworkReply *reply)
{
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (!reply->isFinished())
        result.networkError = u"timed out"_s;
    else if (result.status == 0)
        result.networkError = reply->errorString();
    return result;
}

ApiClient::Reply ApiClient::send(const QByteArray &method, const QString &path,
                                 const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkReply *reply = start(method, path, body, headers);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit); // a hung server fails the test
    if (!reply->isFinished())
        loop.exec();
    const Reply result = finish(reply);
    reply->deleteLater();
    return result;
}

ApiClient::Reply ApiClient::get(const QString &path,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

ApiClient::Reply ApiClient::post(const QString &path, const QJsonObject &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ApiClient::Reply ApiClient::put(const QString &path, const QJsonObject &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ApiClient::Reply ApiClient::del(const QString &path)
{
    return send("DELETE", path, {});
}

ApiClient::Reply ApiClient::signIn(const QString &login, const QString &password)
{
    Reply reply =
        post(u"/api/v1/auth/login"_s, QJsonObject{{u"login"_s, login}, {u"password"_s, password}});
    if (reply.status == 200)
        m_token = reply.json().value(u"token"_s).toString();
    return reply;
}
