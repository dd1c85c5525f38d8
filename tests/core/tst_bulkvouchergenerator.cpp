#include "core/demo/bulkvouchergenerator.h"
#include "core/demo/demogenerator.h"
#include "core/domain/vouchercode.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/database.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeinvariants.h"
#include "tests/support/storeprobe.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// Benchmark-scale data written directly on top of the demo story: the counts it promises, every
// derived figure kept consistent (voucher list, locked templates, quota accounting), progress
// and cancellation at batch boundaries, and the secondary indexes it suspends for large loads.
class TestBulkVoucherGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void writesConsistentData();
    void addsToExistingBulkData();
    void sameSeedGivesSameData();
    void largeLoadCancelledAtBatchBoundary();

private:
    // A fresh copy of the demo workspace, open.
    std::unique_ptr<Database> openDemoCopy(const QString &name);

    QTemporaryDir m_dir;
    QString m_demoPath;
    qint64 m_demoApplications = 0;
};

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);

BulkOptions bulkOptions(qint64 vouchers)
{
    BulkOptions options;
    options.vouchers = vouchers;
    options.partners = 5;
    options.customers = 300;
    options.now = kNow;
    return options;
}

qint64 count(const Database &db, const QString &sql)
{
    return StoreProbe::scalar(db, sql);
}

// Index name and definition of every index of the store.
QStringList indexes(const Database &db)
{
    SqlStatement query = db.prepare(u"SELECT name, COALESCE(sql, '') FROM sqlite_master "
                                    u"WHERE type = 'index' ORDER BY name"_s);
    query.exec();
    QStringList names;
    while (query.next())
        names.append(query.text(0) + u": "_s + query.text(1));
    return names;
}

qint64 bulkApplications(const Database &db)
{
    return count(db, u"SELECT COUNT(*) FROM applications WHERE request_hash = 'bulk'"_s);
}

} // namespace

void TestBulkVoucherGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demoPath = m_dir.filePath(u"demo.db"_s);
    QString error;
    std::unique_ptr<Database> db = Database::open(m_demoPath, &error);
    QVERIFY2(db, qPrintable(error));
    DemoOptions demo;
    demo.now = kNow;
    demo.passwordCost = PasswordHasher::Cost::Minimal;
    const Result<void> generated = DemoGenerator(*db, demo).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));
    m_demoApplications = StoreProbe::rowCount(*db, u"applications"_s);
    QVERIFY(m_demoApplications > 0);
    // Closing the last connection checkpoints the WAL: the file alone is the workspace.
    db.reset();
    QVERIFY(!QFile::exists(m_demoPath + u"-wal"_s));
}

std::unique_ptr<Database> TestBulkVoucherGenerator::openDemoCopy(const QString &name)
{
    const QString path = m_dir.filePath(name);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    if (!QFile::copy(m_demoPath, path))
        return {};
    QString error;
    std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db)
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error));
    return db;
}

void TestBulkVoucherGenerator::writesConsistentData()
{
    const std::unique_ptr<Database> db = openDemoCopy(u"consistent.db"_s);
    QVERIFY(db);
    const qint64 auditBefore = AuditLog(*db).count();

    QList<QPair<qint64, qint64>> calls;
    const auto written =
        BulkVoucherGenerator(*db, bulkOptions(3000)).generate([&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        });
    QVERIFY2(written.ok(), resultMessage(written));
    QCOMPARE(written.value(), 3000);
    QCOMPARE(calls, (QList<QPair<qint64, qint64>>{{3000, 3000}}));

    QCOMPARE(StoreProbe::rowCount(*db, u"partners"_s), 5);
    QCOMPARE(StoreProbe::rowCount(*db, u"customers"_s), 300);
    QCOMPARE(bulkApplications(*db), 3000);
    QCOMPARE(StoreProbe::rowCount(*db, u"applications"_s), m_demoApplications + 3000);
    QList<QUuid> benchPartners;
    for (const QString &name :
         {u"Bench Partner 01"_s, u"Bench Partner 02"_s, u"Bench Partner 03"_s}) {
        const auto partner = PartnerRepository(*db).findByName(name);
        QVERIFY2(partner, qPrintable(name));
        benchPartners.append(partner->id);
    }
    // The bench partners hold bulk rows only; among them the list shows every status.
    for (int s = int(VoucherListStatus::PendingReview); s <= int(VoucherListStatus::Invalidated);
         ++s) {
        qint64 rows = 0;
        for (const QUuid &partnerId : std::as_const(benchPartners)) {
            VoucherListFilter filter;
            filter.partnerId = partnerId;
            filter.status = VoucherListStatus(s);
            rows += VoucherListQuery(*db, filter).count(kNow);
        }
        QVERIFY2(rows > 0, qPrintable(voucherListStatusToString(VoucherListStatus(s))));
    }
    // Every partner applies and has customers to apply for.
    QCOMPARE(count(*db, u"SELECT COUNT(DISTINCT partner_id) FROM applications WHERE "
                        u"request_hash = 'bulk'"_s),
             5);
    QCOMPARE(count(*db, u"SELECT COUNT(*) FROM partners p WHERE NOT EXISTS (SELECT 1 FROM "
                        u"customers c WHERE c.partner_id = p.id AND c.eligible = 1)"_s),
             0);
    // The history ends at `now`.
    QVERIFY(count(*db, u"SELECT MAX(submitted_at) FROM applications"_s) <=
            kNow.toMSecsSinceEpoch());
    QVERIFY(count(*db, u"SELECT MAX(at) FROM deductions"_s) <= kNow.toMSecsSinceEpoch());
    QVERIFY(count(*db, u"SELECT COUNT(*) FROM deductions WHERE request_hash = 'bulk'"_s) > 0);

    StoreInvariants::verify(*db);
    if (QTest::currentTestFailed())
        return;

    // One audit event for the whole import.
    QCOMPARE(AuditLog(*db).count(), auditBefore + 1);
    SqlStatement event = db->prepare(u"SELECT action, entity FROM audit_events ORDER BY id DESC "
                                     u"LIMIT 1"_s);
    event.exec();
    QVERIFY(event.next());
    QCOMPARE(event.text(0), u"GenerateBenchmarkData"_s);
    QCOMPARE(event.text(1), u"Workspace"_s);
}

void TestBulkVoucherGenerator::addsToExistingBulkData()
{
    const std::unique_ptr<Database> db = openDemoCopy(u"twice.db"_s);
    QVERIFY(db);
    auto first = BulkVoucherGenerator(*db, bulkOptions(1000)).generate();
    QVERIFY2(first.ok(), resultMessage(first));
    BulkOptions more = bulkOptions(1000);
    more.seed = 99;
    auto second = BulkVoucherGenerator(*db, more).generate();
    QVERIFY2(second.ok(), resultMessage(second));
    QCOMPARE(second.value(), 1000);

    // The counts are what the workspace holds afterwards, not what is added each time.
    QCOMPARE(StoreProbe::rowCount(*db, u"partners"_s), 5);
    QCOMPARE(StoreProbe::rowCount(*db, u"customers"_s), 300);
    QCOMPARE(bulkApplications(*db), 2000);
    StoreInvariants::verify(*db);
}

void TestBulkVoucherGenerator::sameSeedGivesSameData()
{
    // Generated twice at the same path, so that everything but the salted hashes can match.
    QMap<QString, QStringList> dumps[2];
    for (auto &out : dumps) {
        const std::unique_ptr<Database> db = openDemoCopy(u"same.db"_s);
        QVERIFY(db);
        const auto written = BulkVoucherGenerator(*db, bulkOptions(300)).generate();
        QVERIFY2(written.ok(), resultMessage(written));
        out = StoreProbe::reproducibleDump(*db);
    }
    const QByteArray diff = StoreProbe::dumpDifferences(dumps[0], dumps[1]);
    QVERIFY2(diff.isEmpty(), diff.constData());
}

void TestBulkVoucherGenerator::largeLoadCancelledAtBatchBoundary()
{
    // Large enough to suspend the indexes and to span three batches; cancelled after the first
    // batch so that the suite stays quick under the sanitizers (the rows written are the cost:
    // about 55 us each without indexes, 135 us with them).
    constexpr qint64 total = std::max<qint64>(2 * BulkVoucherGenerator::BatchSize + 5,
                                              BulkVoucherGenerator::SuspendIndexesFrom + 5);
    constexpr qint64 stopAfter = BulkVoucherGenerator::BatchSize;
    static_assert(total > 2 * stopAfter);

    const std::unique_ptr<Database> db = openDemoCopy(u"large.db"_s);
    QVERIFY(db);
    const QStringList before = indexes(*db);
    QVERIFY(before.contains(u"vl_uin: CREATE INDEX vl_uin ON voucher_list (customer_uin)"_s));

    QList<QPair<qint64, qint64>> calls;
    QList<qint64> listIndexesDuringLoad;
    const auto written =
        BulkVoucherGenerator(*db, bulkOptions(total)).generate([&](qint64 done, qint64 all) {
            calls.append({done, all});
            listIndexesDuringLoad.append(count(*db, u"SELECT COUNT(*) FROM sqlite_master WHERE "
                                                    u"type = 'index' AND "
                                                    u"tbl_name = 'voucher_list'"_s));
            return false;
        });
    QVERIFY2(written.ok(), resultMessage(written));
    QCOMPARE(written.value(), stopAfter);

    // Progress after the first batch, and nothing more after the cancel.
    QCOMPARE(calls, (QList<QPair<qint64, qint64>>{{stopAfter, total}}));

    // During the load only the list's primary key index was left; afterwards every index is
    // back exactly as it was, cancelled or not.
    QCOMPARE(listIndexesDuringLoad, QList<qint64>{1});
    QCOMPARE(indexes(*db), before);

    // What was committed is a whole batch, consistent on its own.
    QCOMPARE(bulkApplications(*db), stopAfter);
    QCOMPARE(StoreProbe::rowCount(*db, u"partners"_s), 5);
    QCOMPARE(StoreProbe::rowCount(*db, u"customers"_s), 300);
    StoreInvariants::verify(*db);
    if (QTest::currentTestFailed())
        return;
    SqlStatement event = db->prepare(u"SELECT details FROM audit_events WHERE "
                                     u"action = 'GenerateBenchmarkData'"_s);
    event.exec();
    QVERIFY(event.next());
    const QString details = event.text(0);
    QVERIFY2(details.contains(u"\"applications\":%1,"_s.arg(stopAfter)), qPrintable(details));
    QVERIFY(!event.next());
}

QTEST_GUILESS_MAIN(TestBulkVoucherGenerator)
#include "tst_bulkvouchergenerator.moc"
