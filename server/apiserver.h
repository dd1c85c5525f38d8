#pragma once

#include "server/listcountcache.h"
#include "server/metrics.h"
#include "server/router.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QMap>
#include <QThreadPool>
#include <QTimer>

#include <limits>

class Database;
struct HttpRequest;

// The HTTP side of voucherdesk-server: turns each request into an HttpRequest, answers oversized
// bodies (413), unknown routes (404) and wrong methods (405) with the JSON error envelope,
// checks the bearer token of signed-in routes, runs the route's handler, and writes one access
// log line and the metrics of every request. Every response carries X-Request-Id. Requests run
// on worker threads, each with its own store connection, so that a slow list count does not
// hold up every other connection; sockets stay on the server's thread.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBodyBytes = 1024 * 1024;
    static constexpr int CheckpointIntervalMs = 1000;
    // Ended sign-in sessions and old failed sign-ins are deleted at start-up and then hourly.
    static constexpr int PurgeIntervalMs = 60 * 60 * 1000;
    static constexpr qint64 WalSizeLimitBytes = 64 * 1024 * 1024;

    explicit ApiServer(Database &db, QObject *parent = nullptr);

    Router &router() { return m_router; }
    const Metrics &metrics() const { return m_metrics; }
    ListCountCache &listCounts() { return m_listCounts; }

    // The whole answer to one request, without a socket (the tests of the routes use it too).
    HttpResponse dispatch(HttpRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void purgeSessions();
    HttpResponse route(HttpRequest &request, QString *routePattern);
    void respond(const QHttpServerRequest &request, QTcpSocket *socket,
                 const HttpResponse &response);

    Database &m_db;
    Router m_router;
    Metrics m_metrics;
    ListCountCache m_listCounts;
    // Per connection, the answers that wait for an earlier request's: a connection's requests
    // are answered in the order they came even when a later one is quicker.
    struct Connection
    {
        quint64 received = 0;
        quint64 sent = 0;
        QMap<quint64, HttpResponse> ready;
        quint64 closeAfter = std::numeric_limits<quint64>::max(); // the answer that ends it
    };
    QHash<QTcpSocket *, Connection> m_connections;
    // Last: destroyed (waiting for their requests) first. Reads run side by side; writes (any
    // method but GET) queue for one thread, in the order they came, since the store takes one
    // writer at a time anyway and a queue is fairer than threads racing for its lock.
    QThreadPool m_writer;
    QThreadPool m_readers;
    // A SQLite store's checkpoints (copying the write-ahead log into the database file, with an
    // fsync) run here in the background: run by the writer at its commit, each one held up
    // every write queued behind it (approvals' p99 went from 170 ms to 900 ms).
    QThreadPool m_checkpointer;
    QTimer m_checkpointTimer;
    QTimer m_purgeTimer;
};
