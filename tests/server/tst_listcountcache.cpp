#include "server/listcountcache.h"
#include "tests/support/testworkspace.h"

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace Qt::StringLiterals;

class TestListCountCache : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_ws = std::make_unique<TestWorkspace>(); }
    void cleanup() { m_ws.reset(); }

    void countsOncePerFilterWhileTheStoreIsUnchanged();
    void aWriteMakesItCountAgain();
    void concurrentMissesShareOneCount();
    void aFailedCountIsNotRemembered();
    void anAgedCountIsAnsweredWhileItIsRenewed();

private:
    void bumpRevision() const
    {
        m_ws->db().write([&]() -> Result<void> {
            m_ws->db().nextRev();
            return {};
        });
    }

    std::unique_ptr<TestWorkspace> m_ws;
};

void TestListCountCache::countsOncePerFilterWhileTheStoreIsUnchanged()
{
    ListCountCache cache;
    int calls = 0;
    const auto count = [&] { return qint64(40 + ++calls); };
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, count), 41);
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, count), 41);
    QCOMPARE(calls, 1);
    QCOMPARE(cache.count(m_ws->db(), u"b"_s, count), 42); // another filter counts for itself
    QCOMPARE(calls, 2);
}

void TestListCountCache::aWriteMakesItCountAgain()
{
    ListCountCache cache;
    int calls = 0;
    const auto count = [&] { return qint64(++calls); };
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, count), 1);
    bumpRevision();
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, count), 2);
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, count), 2);
}

void TestListCountCache::concurrentMissesShareOneCount()
{
    ListCountCache cache;
    std::atomic<int> calls = 0;
    QSemaphore started;
    QSemaphore release;
    const auto slowCount = [&] {
        ++calls;
        started.release();
        release.acquire(); // held until the second request is waiting
        return qint64(7);
    };
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    std::atomic<qint64> first = -1;
    std::atomic<qint64> second = -1;
    pool.start([&] { first = cache.count(m_ws->db(), u"a"_s, slowCount); });
    started.acquire();
    pool.start([&] { second = cache.count(m_ws->db(), u"a"_s, slowCount); });
    QTRY_COMPARE(cache.waitingFor(u"a"_s), 1);
    QCOMPARE(second.load(), -1);
    release.release(2); // enough for a second count too, so that one would show in `calls`
    pool.waitForDone();
    QCOMPARE(first.load(), 7);
    QCOMPARE(second.load(), 7);
    QCOMPARE(calls.load(), 1);
}

void TestListCountCache::aFailedCountIsNotRemembered()
{
    ListCountCache cache;
    QVERIFY_THROWS_EXCEPTION(StoreError, cache.count(m_ws->db(), u"a"_s, []() -> qint64 {
        throw StoreError(StoreError::Kind::Failed, u"gone"_s);
    }));
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, [] { return qint64(3); }), 3);
}

// Only time moves an entry's count without a write (vouchers expiring): an entry past its age is
// answered at once while a count renews it in the background; the next request gets the new one.
void TestListCountCache::anAgedCountIsAnsweredWhileItIsRenewed()
{
    ListCountCache cache(0); // every entry is aged at once
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, [] { return qint64(1); }), 1);
    QSemaphore renewing;
    QSemaphore release;
    const auto slowCount = [&renewing, &release] {
        renewing.release();
        release.acquire();
        return qint64(2);
    };
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, slowCount), 1); // not waiting for the renewal
    QVERIFY(renewing.tryAcquire(1, 5000));
    // While the renewal runs, the old count still answers and no second renewal starts.
    QCOMPARE(cache.count(m_ws->db(), u"a"_s, [] { return qint64(99); }), 1);
    release.release();
    // The renewed count arrives (later renewals here count 2 again).
    QTRY_COMPARE(cache.count(m_ws->db(), u"a"_s, [] { return qint64(2); }), 2);
}

QTEST_GUILESS_MAIN(TestListCountCache)
#include "tst_listcountcache.moc"
