#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <future>
#include <memory>

class Database;

// The totalCount of list pages, remembered per filter while the store is unchanged. Counting a
// filter that matches most of a million vouchers takes tens of milliseconds, and a client paging
// through one filter asks for the same count with every page. An entry holds while the store's
// change counter (every committed write moves it) is where it was. Only the time-dependent
// statuses (expired) move without a write, so an entry older than its maximum age is still
// answered while a background count renews it. Requests that miss the same entry at once wait
// for one count instead of each running it. Thread-safe.
class ListCountCache
{
public:
    static constexpr qint64 DefaultMaxAgeMs = 10'000;
    static constexpr int MaxEntries = 512;

    explicit ListCountCache(qint64 maxAgeMs = DefaultMaxAgeMs);

    // The count for `key` (the caller's scope and filter, never the paging or the sort), from
    // the cache when still valid, else from `count` (run without the lock held). `count` must
    // own what it uses: an aged entry is renewed by a copy of it on another thread. Rethrows
    // what a count run for this request throws.
    qint64 count(const Database &db, const QString &key, const std::function<qint64()> &count);

    // How many requests wait for another's count of `key` right now (for tests).
    int waitingFor(const QString &key);

private:
    struct Entry
    {
        qint64 rev = 0;
        qint64 value = 0;
        QElapsedTimer age;
    };
    struct Counting
    {
        qint64 rev = 0;
        std::shared_future<qint64> result;
        int waiters = 0;
    };

    static qint64 storeRevision(const Database &db);
    qint64 settle(const QString &key, qint64 rev, const std::function<qint64()> &count,
                  std::promise<qint64> &promise);

    const qint64 m_maxAgeMs;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QHash<QString, Counting> m_counting;
    QThreadPool m_renewals; // last: destroyed (waiting for its counts) first
};
