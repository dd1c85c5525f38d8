#pragma once

// The sync widget suites' server workspace: a session on a TestWorkspace store posing as a
// replica, its SyncController, and a stand-in voucherdesk-server.

#include "core/commands/session.h"
#include "core/sync/synccontroller.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

// Nothing listens on the discard port of the loopback: every round fails at once, Offline.
inline QUrl unreachableServer()
{
    return QUrl(QStringLiteral("http://127.0.0.1:9"));
}

// Makes `session` a server workspace's session on `server` and starts its sync, which retries
// every few milliseconds while the server cannot be reached; rounds run on commands and
// syncNow() otherwise.
inline std::unique_ptr<SyncController> startSync(Session &session, const QUrl &server)
{
    session.setServer(server.toString());
    SyncEngine::Settings settings;
    settings.server = server;
    settings.token = QStringLiteral("test-token");
    settings.actor = session.actor();
    settings.intervalMs = 60000;
    settings.maxRetryMs = 50;
    return std::make_unique<SyncController>(session, settings);
}

// A stand-in for a voucherdesk-server: HTTP/1.1 on a loopback port, in the suite's thread,
// answering every request with what `answer` says. The sync engine talks to it from its own
// thread; the suite's QTRY loops serve the requests.

class FakeSyncServer
{
public:
    struct Request
    {
        QByteArray method;
        QString path; // with the query
        QByteArray body;
    };
    struct Answer
    {
        int status = 200; // 0: no answer until release()
        QJsonObject json;
    };

    // An empty change feed: nothing new on the server.
    static Answer noChanges()
    {
        return {200, QJsonObject{{QStringLiteral("changes"), QJsonArray()},
                                 {QStringLiteral("nextSince"), 0},
                                 {QStringLiteral("hasMore"), false}}};
    }
    static Answer error(int status, const QString &code, const QString &message,
                        const QString &requestId)
    {
        const QJsonObject error{{QStringLiteral("code"), code},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("requestId"), requestId}};
        return {status, QJsonObject{{QStringLiteral("error"), error}}};
    }

    FakeSyncServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    ~FakeSyncServer()
    {
        // The sockets go with the server: not through serve() or the buffers any more.
        for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
            socket->disconnect();
    }

    bool isListening() const { return m_server.isListening(); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    // By default: an empty change feed for GET /changes, and 200 {} for anything else.
    std::function<Answer(const Request &)> answer = [](const Request &request) {
        return request.path.startsWith(QStringLiteral("/api/v1/changes")) ? noChanges() : Answer{};
    };
    // Answers the requests `answer` held back (status 0), asking it again.
    void release()
    {
        const QList<std::pair<QPointer<QTcpSocket>, Request>> held = std::exchange(m_held, {});
        for (const auto &[socket, request] : held) {
            if (socket)
                write(socket, answer(request));
        }
    }
    QList<Request> requests; // in the order they came
    int count(const QByteArray &method, const QString &pathStart) const
    {
        int n = 0;
        for (const Request &request : requests)
            n += request.method == method && request.path.startsWith(pathStart);
        return n;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + length)
                return;
            Request request{requestLine.value(0), QString::fromLatin1(requestLine.value(1)),
                            buffer.mid(headerEnd + 4, length)};
            buffer.remove(0, headerEnd + 4 + length);
            requests.append(request);
            const Answer reply = answer(request);
            if (reply.status == 0)
                m_held.append({socket, request});
            else
                write(socket, reply);
        }
    }

    static void write(QTcpSocket *socket, const Answer &reply)
    {
        const QByteArray body = QJsonDocument(reply.json).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                      " X\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<std::pair<QPointer<QTcpSocket>, Request>> m_held;
    QTcpServer m_server;
};
