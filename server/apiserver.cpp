#include "server/apiserver.h"

#include "core/base/coretr.h"
#include "core/commands/authcommands.h"
#include "core/commands/commandcontext.h"
#include "core/store/database.h"
#include "core/store/storeerror.h"
#include "server/httprequest.h"
#include "server/routecontext.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QSet>
#include <QTcpSocket>
#include <QThread>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcAccess, "voucherdesk.access")
Q_LOGGING_CATEGORY(lcServer, "voucherdesk.server")

QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArray("UNKNOWN");
}

HttpRequest fromQt(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    QSet<QByteArray> lengths;
    bool transferEncoding = false;
    for (const auto &[name, value] : request.headers()) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length")
            lengths.insert(value.trimmed());
        else if (lower == "transfer-encoding")
            transferEncoding = true;
        else if (lower == "connection" && value.trimmed().toLower().split(',').contains("close"))
            r.closeAfter = true;
        r.headers.insert(lower, value);
    }
    r.ambiguousFraming = lengths.size() > 1 || (transferEncoding && !lengths.isEmpty());
    r.body = request.body();
    r.remoteAddress = request.remoteAddress().toString();
    r.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return r;
}
} // namespace

ApiServer::ApiServer(Database &db, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_db(db)
{
    // Ten thousand sign-in cycles left ten thousand rows: ended sessions go (a write, so on the
    // writer's thread, between commands), at start-up and hourly, on both stores.
    m_purgeTimer.setInterval(PurgeIntervalMs);
    connect(&m_purgeTimer, &QTimer::timeout, this, &ApiServer::purgeSessions);
    m_purgeTimer.start();
    QTimer::singleShot(0, this, &ApiServer::purgeSessions);
    // Reads mostly wait on the store, so more threads than cores.
    m_readers.setMaxThreadCount(std::max(4, 2 * QThread::idealThreadCount()));
    m_writer.setMaxThreadCount(1);
    m_checkpointer.setMaxThreadCount(1);
    for (QThreadPool *pool : {&m_readers, &m_writer, &m_checkpointer})
        pool->setExpiryTimeout(-1); // each thread keeps its store connection
    if (m_db.isPostgres())
        return;
    m_writer.start([this] {
        try {
            m_db.execute(u"PRAGMA wal_autocheckpoint=0"_s);
            // The log restarts from its beginning once checkpointed; this trims the file then.
            m_db.execute(u"PRAGMA journal_size_limit=%1"_s.arg(WalSizeLimitBytes));
        } catch (const StoreError &error) {
            qCWarning(lcServer) << "cannot hand checkpoints to the background:" << error.what();
        }
    });
    m_checkpointTimer.setInterval(CheckpointIntervalMs);
    connect(&m_checkpointTimer, &QTimer::timeout, this, [this] {
        if (m_checkpointer.activeThreadCount() > 0)
            return; // the last one is still copying
        m_checkpointer.start([this] {
            try {
                m_db.execute(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
            } catch (const StoreError &error) {
                qCWarning(lcServer) << "checkpoint failed:" << error.what();
            }
        });
    });
    m_checkpointTimer.start();
}

void ApiServer::purgeSessions()
{
    m_writer.start([this] {
        const CommandContext system(m_db, Actor{});
        const Result<int> purged = AuthCommands(system).purge();
        if (!purged)
            qCWarning(lcServer) << "purging ended sessions failed:" << purged.error().message();
        else if (purged.value() > 0)
            qCInfo(lcServer) << "purged" << purged.value() << "ended sessions and failed sign-ins";
    });
}

HttpResponse ApiServer::route(HttpRequest &request, QString *routePattern)
{
    if (request.ambiguousFraming) {
        return HttpResponse::error(
            400, u"InvalidParameter.Framing"_s,
            CoreTr::tr("Send one Content-Length, or Transfer-Encoding without Content-Length."),
            request.requestId);
    }
    const bool declaredTooLarge = request.header("content-length").toLongLong() > MaxBodyBytes;
    if (declaredTooLarge || request.body.size() > MaxBodyBytes) {
        return HttpResponse::error(413, u"RequestTooLarge"_s,
                                   CoreTr::tr("The request body is larger than 1 MiB."),
                                   request.requestId);
    }
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route && !match.allowedMethods.isEmpty()) {
        QByteArrayList allowed = match.allowedMethods;
        HttpResponse response =
            HttpResponse::error(405, u"UnsupportedOperation.MethodNotAllowed"_s,
                                CoreTr::tr("%1 is not allowed on %2; use %3.")
                                    .arg(QString::fromLatin1(request.method), request.path,
                                         QString::fromLatin1(allowed.join(", "))),
                                request.requestId);
        return response.withHeader("Allow", allowed.join(", "));
    }
    if (!match.route) {
        return HttpResponse::error(404, u"ResourceNotFound.Route"_s,
                                   CoreTr::tr("There is no %1 %2 in this API.")
                                       .arg(QString::fromLatin1(request.method), request.path),
                                   request.requestId);
    }
    *routePattern = match.route->pattern;

    std::optional<User> user;
    if (match.route->access == Router::Access::SignedIn) {
        const CommandContext anonymous(m_db, Actor{});
        const QString token = request.bearerToken();
        if (token.isEmpty()) {
            return HttpResponse::error(401, u"AuthFailure.TokenMissing"_s,
                                       CoreTr::tr("Sign in first: this request needs an "
                                                  "\"Authorization: Bearer <token>\" header."),
                                       request.requestId);
        }
        const Result<User> signedIn = AuthCommands(anonymous).authenticate(token);
        if (!signedIn)
            return HttpResponse::error(signedIn.error(), request.requestId);
        user = signedIn.value();
    }
    CommandContext commands(m_db, user ? Actor{user->id, user->role, user->partnerId} : Actor{});
    RouteContext context{request, match.params, m_db, commands, user};
    return match.route->handler(context);
}

HttpResponse ApiServer::dispatch(HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    QString pattern = u"(unmatched)"_s;
    HttpResponse response;
    try {
        response = route(request, &pattern);
    } catch (const std::exception &error) {
        // StoreError mostly; anything else too, since a request that never settles would hold up
        // every later one on its connection (answers go out in order).
        qCWarning(lcServer) << "request" << request.requestId << "failed:" << error.what();
        response = HttpResponse::error(500, u"InternalError"_s,
                                       CoreTr::tr("The server could not complete the request."),
                                       request.requestId);
    }
    response.withHeader("X-Request-Id", request.requestId.toLatin1());
    const double seconds = timer.nsecsElapsed() / 1e9;
    m_metrics.record(request.method, pattern, response.status, seconds);
    const QJsonObject line{
        {u"requestId"_s, request.requestId}, {u"method"_s, QString::fromLatin1(request.method)},
        {u"path"_s, request.path},           {u"route"_s, pattern},
        {u"status"_s, response.status},      {u"ms"_s, qRound(seconds * 100000) / 100.0},
        {u"bytes"_s, response.body.size()},  {u"remote"_s, request.remoteAddress}};
    qCInfo(lcAccess).noquote() << QJsonDocument(line).toJson(QJsonDocument::Compact);
    return response;
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto r = std::make_shared<HttpRequest>(fromQt(request));
    auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        found = m_connections.insert(socket, {});
        connect(socket, &QObject::destroyed, this,
                [this, socket] { m_connections.remove(socket); });
    }
    const quint64 sequence = found->received++;
    const QPointer<QTcpSocket> alive(socket);
    // Decided now: the request object is Qt's, reused for the next request on the socket.
    if (r->closeAfter || r->ambiguousFraming)
        found->closeAfter = std::min(found->closeAfter, sequence);
    QThreadPool *pool = r->method == "GET" ? &m_readers : &m_writer;
    QtConcurrent::run(pool, [this, r] {
        return dispatch(*r);
    }).then(this, [this, &request, alive, sequence](const HttpResponse &response) {
        const auto connection = m_connections.find(alive.data());
        // A client that hung up meanwhile gets no answer.
        if (!alive || connection == m_connections.end())
            return;
        connection->ready.insert(sequence, response);
        // Answers leave in the order their requests came, however quick a later one was.
        while (connection->ready.contains(connection->sent)) {
            const quint64 number = connection->sent++;
            const HttpResponse next = connection->ready.take(number);
            if (alive->state() == QAbstractSocket::ConnectedState)
                respond(request, alive, next);
            if (number == connection->closeAfter) {
                // Asked for (Connection: close), or framing this server cannot trust: nothing
                // more is read from this connection.
                connection->ready.clear();
                alive->disconnectFromHost();
                return;
            }
        }
    });
    return true;
}

void ApiServer::respond(const QHttpServerRequest &request, QTcpSocket *socket,
                        const HttpResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request; this is only reached if that ever changes.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
