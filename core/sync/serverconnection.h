#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <atomic>
#include <memory>

// The desktop client's HTTP connection to a voucherdesk-server: JSON requests with the bearer
// token, answered synchronously on the calling thread's event loop, so it belongs on a worker
// thread (the sync engine's, or a sign-in task's), never the UI thread. A certificate the user
// chose to trust (a self-signed one) is accepted when the server presents exactly it.
class ServerConnection
{
public:
    struct Reply
    {
        int status = 0; // the HTTP status; 0 when no answer came
        QByteArray body;
        QJsonObject json;           // the body, when it is a JSON object
        QString networkError;       // why no answer came (status 0)
        QList<QSslError> sslErrors; // the certificate problems that refused the connection
        QSslCertificate peerCertificate;
        int retryAfterSeconds = 0;

        bool answered() const { return status != 0; }
        bool ok() const { return status >= 200 && status < 300; }
        // The error body's fields: {"error": {"code", "message", "requestId"}}.
        QString errorCode() const;
        QString errorMessage() const;
        QString requestId() const;
        // A certificate the system does not trust refused the connection.
        bool untrustedCertificate() const { return !sslErrors.isEmpty(); }
    };

    explicit ServerConnection(QUrl server);

    QUrl server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTrustedCertificate(const QSslCertificate &certificate) { m_trusted = certificate; }
    // The longest a request may take without progress before it counts as unanswered.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // From any thread: the request in flight ends unanswered.
    void abort() { *m_aborted = true; }
    // Shares the abort flag with whoever may cancel from another thread (a sign-in's Cancel).
    void setAbortFlag(std::shared_ptr<std::atomic_bool> flag) { m_aborted = std::move(flag); }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &ifMatch = {});
    Reply get(const QString &path) { return send("GET", path); }
    // POST /api/v1/auth/login; keeps the token of a successful answer.
    Reply signIn(const QString &login, const QString &password);

    // "vouchers.example.com:8443": the server's name for files and settings.
    static QString serverKey(const QUrl &server);
    // "https://host:port" from what a person types: a bare host means https.
    static QUrl normalised(const QString &typed);

private:
    QNetworkAccessManager m_network;
    QUrl m_server;
    QString m_token;
    QSslCertificate m_trusted;
    int m_timeoutMs = 15000;
    std::shared_ptr<std::atomic_bool> m_aborted = std::make_shared<std::atomic_bool>(false);
};
