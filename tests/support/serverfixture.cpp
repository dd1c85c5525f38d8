#include "tests/support/serverfixture.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <map>

using namespace Qt::StringLiterals;

ServerFixture::ServerFixture(int processes)
{
    for (int i = 0; i < processes; ++i)
        m_servers.push_back(std::make_unique<ServerProcess>());
}

bool ServerFixture::start()
{
    if (!m_workspace.isValid()) {
        m_error = u"workspace: "_s + m_workspace.errorMessage();
        return false;
    }
    for (const auto &server : m_servers) {
        if (!server->start(m_workspace.path())) {
            m_error = server->errorMessage();
            return false;
        }
    }
    return true;
}

std::unique_ptr<ApiClient> ServerFixture::client(const QString &login, int index)
{
    auto client = std::make_unique<ApiClient>(server(index).url());
    const ApiClient::Reply reply = client->signIn(login, u"password-"_s + login);
    if (reply.status != 200) {
        qWarning("sign-in of %s failed with %d: %s", qPrintable(login), reply.status,
                 reply.body.constData());
        return nullptr;
    }
    return client;
}

QString ServerFixture::errorMismatch(const ApiClient::Reply &reply, int status, const QString &code)
{
    return u"expected %1 %2, got %3 %4: %5"_s.arg(status)
        .arg(code)
        .arg(reply.status)
        .arg(reply.errorCode(), QString::fromUtf8(reply.body));
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QList<QString> itemIds(const ApiClient::Reply &reply)
{
    QList<QString> ids;
    for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
        ids.append(item[u"id"_s].toString());
    return ids;
}

void postConcurrently(const QList<ConcurrentRequest> &requests, QList<ApiClient::Reply> *replies)
{
    std::map<QString, std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> pending;
    int finished = 0;
    for (const ConcurrentRequest &r : requests) {
        auto &manager = managers[r.base.toString()];
        if (!manager)
            manager = std::make_unique<QNetworkAccessManager>();
        QUrl url = r.base;
        url.setPath(r.path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + r.token.toLatin1());
        QNetworkReply *reply =
            manager->post(request, QJsonDocument(r.body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, [&finished] { ++finished; });
        pending.append(reply);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, int(requests.size()), 60000);
    for (QNetworkReply *reply : std::as_const(pending)) {
        ApiClient::Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        if (result.status == 0)
            result.networkError = reply->errorString();
        replies->append(result);
        delete reply;
    }
}
