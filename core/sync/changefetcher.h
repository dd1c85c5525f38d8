#pragma once

#include "core/sync/replicaapplier.h"
#include "core/sync/serverconnection.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSslCertificate>
#include <QUrl>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

class QThread;

// Reads the change feed (GET /changes) ahead of the replica, on a thread and connection of its
// own: while the sync engine writes one page, the next ones are on their way and already
// read, so the server's work, the network and the JSON overlap with the replica's writes.
// It starts at a cursor and follows each page's nextSince until a page says there is no more,
// a reply is not a page, or it is stopped; it keeps a few pages ready at most.
class ChangeFetcher
{
public:
    struct Connection
    {
        QUrl server;
        QString token;
        QSslCertificate trustedCertificate;
        // The sync engine's connection's: once set, the fetcher's request ends too.
        std::shared_ptr<std::atomic_bool> aborted;
    };

    // A page of the feed with its changes read for the replica (ReplicaApplier::decode).
    struct Page
    {
        QList<ReplicaApplier::DecodedChange> changes;
        qint64 nextSince = 0;
        bool hasMore = false;
        bool readable = true; // false when a change is not (it fails the transaction it is in)
    };

    // A reply of the feed, and the page it holds when it is one (the body is dropped then).
    struct Item
    {
        ServerConnection::Reply reply;
        std::optional<Page> page;
    };

    // Reads the reply's page, if it holds one; for the replies of other connections too.
    static Item read(ServerConnection::Reply reply);

    ChangeFetcher(Connection connection, qint64 since, int pageLimit, int depth = 4);
    ~ChangeFetcher(); // stops reading ahead, ends its request and waits for its thread
    ChangeFetcher(const ChangeFetcher &) = delete;
    ChangeFetcher &operator=(const ChangeFetcher &) = delete;

    // The next reply in order, waiting for it. After the last one (no more pages, or not a
    // page), it must not be called again.
    Item next();
    // The next reply if it is there already, or comes before the deadline.
    std::optional<Item> tryNext(QDeadlineTimer deadline = {});

private:
    void run(Connection connection, qint64 since, int pageLimit);
    Item take();

    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<Item> m_ready;
    const std::size_t m_depth;
    std::atomic_bool m_stopping = false;
};
