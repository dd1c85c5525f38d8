#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <future>

class Database;

// The totalCount of list pages, remembered per filter while the store is unchanged. Counting a
// filter that matches most of a million vouchers takes tens to hundreds of milliseconds, and a
// client paging through one filter asks for the same count with every page. An entry holds
// while the store's change counter (every committed write moves it) is where it was and for at
// most MaxAgeMs, since the time-dependent statuses (expired) move without a write. Requests that
// miss the same entry at once wait for one count instead of each running it. Thread-safe.
class ListCountCache
{
public:
    static constexpr qint64 MaxAgeMs = 10'000;
    static constexpr int MaxEntries = 512;

    // The count for `key` (the caller's scope and filter, never the paging or the sort), from
    // the cache when still valid, else from `count` (run without the lock held). Rethrows what
    // `count` throws.
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

    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QHash<QString, Counting> m_counting;
};
