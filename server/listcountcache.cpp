#include "server/listcountcache.h"

#include "core/store/database.h"

#include <QLoggingCategory>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcCounts, "voucherdesk.server.counts")
}

ListCountCache::ListCountCache(qint64 maxAgeMs)
    : m_maxAgeMs(maxAgeMs)
{
    m_renewals.setMaxThreadCount(1);
}

qint64 ListCountCache::storeRevision(const Database &db)
{
    SqlStatement query = db.prepare(u"SELECT rev FROM change_counter WHERE id = 1"_s);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

int ListCountCache::waitingFor(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    return m_counting.value(key).waiters;
}

qint64 ListCountCache::count(const Database &db, const QString &key,
                             const std::function<qint64()> &count)
{
    const qint64 rev = storeRevision(db);
    auto promise = std::make_shared<std::promise<qint64>>();
    std::optional<qint64> aged;
    {
        QMutexLocker locker(&m_mutex);
        const auto found = m_entries.constFind(key);
        const auto counting = m_counting.find(key);
        const bool countingNow = counting != m_counting.end() && counting->rev == rev;
        if (found != m_entries.cend() && found->rev == rev) {
            if (found->age.elapsed() < m_maxAgeMs || countingNow)
                return found->value;
            aged = found->value;
        } else if (countingNow) {
            const std::shared_future<qint64> result = counting->result;
            ++counting->waiters;
            locker.unlock();
            const auto done = qScopeGuard([&] {
                QMutexLocker relock(&m_mutex);
                if (const auto still = m_counting.find(key); still != m_counting.end())
                    --still->waiters;
            });
            return result.get();
        }
        m_counting.insert(key, {rev, promise->get_future().share()});
    }
    if (aged) {
        m_renewals.start([this, key, rev, count, promise] {
            try {
                settle(key, rev, count, *promise);
            } catch (const std::exception &error) {
                qCWarning(lcCounts) << "renewing a list count failed:" << error.what();
            }
        });
        return *aged;
    }
    return settle(key, rev, count, *promise);
}

// Runs the count outside the lock (no request waits for another filter's count) and keeps it.
qint64 ListCountCache::settle(const QString &key, qint64 rev, const std::function<qint64()> &count,
                              std::promise<qint64> &promise)
{
    qint64 value = 0;
    try {
        value = count();
    } catch (...) {
        promise.set_exception(std::current_exception());
        QMutexLocker locker(&m_mutex);
        if (m_counting.value(key).rev == rev)
            m_counting.remove(key);
        throw;
    }
    promise.set_value(value);
    Entry entry;
    entry.rev = rev;
    entry.value = value;
    entry.age.start();
    QMutexLocker locker(&m_mutex);
    if (m_counting.value(key).rev == rev)
        m_counting.remove(key);
    if (m_entries.size() >= MaxEntries)
        m_entries.clear(); // filters are few in practice; a full cache is mostly stale entries
    m_entries.insert(key, entry);
    return value;
}
