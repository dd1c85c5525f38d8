#include "core/sync/changefetcher.h"

#include "core/api/apijsonreader.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>

// The sync engine's timings (syncengine.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcSyncTiming)

using namespace Qt::StringLiterals;

namespace {
constexpr int kWatchMs = 50;
}

ChangeFetcher::ChangeFetcher(Connection connection, qint64 since, int pageLimit, int depth)
    : m_depth(std::size_t(std::max(depth, 1)))
{
    m_thread.reset(
        QThread::create([this, connection = std::move(connection), since, pageLimit]() mutable {
            run(std::move(connection), since, pageLimit);
        }));
    m_thread->setObjectName(u"voucherdesk-sync-fetch"_s);
    m_thread->start();
}

ChangeFetcher::~ChangeFetcher()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_changed.wakeAll();
    }
    m_thread->wait();
}

void ChangeFetcher::run(Connection connection, qint64 since, int pageLimit)
{
    ServerConnection server(connection.server);
    server.setToken(connection.token);
    server.setTrustedCertificate(connection.trustedCertificate);
    // Runs in the request's own event loop: a request in flight ends soon after either stop.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (m_stopping || (connection.aborted && *connection.aborted))
            server.abort();
    });
    watch.start(kWatchMs);
    for (;;) {
        {
            QMutexLocker locker(&m_mutex);
            while (!m_stopping && m_ready.size() >= m_depth)
                m_changed.wait(&m_mutex);
            if (m_stopping)
                return;
        }
        if (m_stopping || (connection.aborted && *connection.aborted))
            server.abort(); // answered at once, as not answered
        QElapsedTimer clock;
        clock.start();
        ServerConnection::Reply reply =
            server.get(u"/api/v1/changes?since=%1&limit=%2"_s.arg(since).arg(pageLimit));
        const qint64 gotNs = clock.nsecsElapsed();
        Item item = read(std::move(reply));
        qCDebug(lcSyncTiming, "  fetched a page: request and parse %.1f ms, decode %.1f ms",
                gotNs / 1e6, (clock.nsecsElapsed() - gotNs) / 1e6);
        const bool more = item.page && item.page->hasMore;
        if (item.page)
            since = item.page->nextSince;
        QMutexLocker locker(&m_mutex);
        m_ready.push_back(std::move(item));
        m_changed.wakeAll();
        if (!more)
            return;
    }
}

ChangeFetcher::Item ChangeFetcher::read(ServerConnection::Reply reply)
{
    Item item;
    if (reply.ok()) {
        if (auto page = ApiJsonReader::changeFeedPage(reply.json)) {
            item.page =
                Page{ReplicaApplier::decode(page->changes), page->nextSince, page->hasMore, true};
            item.page->readable =
                std::all_of(item.page->changes.cbegin(), item.page->changes.cend(),
                            [](const ReplicaApplier::DecodedChange &c) { return c.readable; });
            // Read: the text and the document are not needed any more.
            reply.body.clear();
            reply.json = {};
        }
    }
    item.reply = std::move(reply);
    return item;
}

ChangeFetcher::Item ChangeFetcher::take()
{
    Item item = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.wakeAll();
    return item;
}

ChangeFetcher::Item ChangeFetcher::next()
{
    QMutexLocker locker(&m_mutex);
    while (m_ready.empty())
        m_changed.wait(&m_mutex);
    return take();
}

std::optional<ChangeFetcher::Item> ChangeFetcher::tryNext(QDeadlineTimer deadline)
{
    QMutexLocker locker(&m_mutex);
    while (m_ready.empty()) {
        if (!m_changed.wait(&m_mutex, deadline))
            break;
    }
    if (m_ready.empty())
        return std::nullopt;
    return take();
}
