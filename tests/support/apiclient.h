#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QNetworkReply;

// A small HTTP client for the server suites: one request at a time, waited for on the event
// loop, with an optional bearer token. start() and finish() keep several requests in flight.
class ApiClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QString errorCode() const;
        QByteArray header(const QByteArray &name) const;
    };

    explicit ApiClient(QUrl base)
        : m_base(std::move(base))
    {}

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // For https: e.g. the CA certificates to trust.
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply post(const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply put(const QString &path, const QJsonObject &body,
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply del(const QString &path);
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // Sends without waiting; the caller owns the reply and reads it with finish() once it has
    // finished.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static Reply finish(QNetworkReply *reply);

    // POST /api/v1/auth/login; keeps the token for the next requests. Returns the reply.
    Reply signIn(const QString &login, const QString &password);

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_token;
    std::optional<QSslConfiguration> m_ssl;
};
