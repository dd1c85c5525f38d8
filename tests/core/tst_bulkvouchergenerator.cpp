#include "auditlog.h"
#include "bulkvouchergenerator.h"
#include "database.h"
#include "demogenerator.h"
#include "partnerrepository.h"
#include "resultmessage.h"
#include "storeprobe.h"
#include "vouchercode.h"
#include "voucherlistquery.h"

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

// Everything the generator promises to keep consistent, over the whole store (demo and bulk
// rows alike). Check QTest::currentTestFailed() afterwards.
void verifyConsistent(const Database &db)
{
    const qint64 approved =
        count(db, u"SELECT COUNT(*) FROM applications WHERE status = 'approved'"_s);
    // One voucher per approved application, pointing both ways; none for the others.
    QCOMPARE(StoreProbe::rowCount(db, u"vouchers"_s), approved);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applications a WHERE a.status = 'approved' AND "
                       u"NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.id = a.voucher_id "
                       u"AND v.application_id = a.id)"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM vouchers v WHERE NOT EXISTS (SELECT 1 FROM "
                       u"applications a WHERE a.id = v.application_id AND a.status = 'approved' "
                       u"AND a.voucher_id = v.id)"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applications WHERE status <> 'approved' AND "
                       u"voucher_id IS NOT NULL"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM vouchers v JOIN applications a ON "
                       u"a.id = v.application_id WHERE v.partner_id <> a.partner_id OR "
                       u"v.customer_id <> a.customer_id"_s),
             0);
    // Applications use their own partner's eligible customers and templates.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applications a JOIN customers c ON "
                       u"c.id = a.customer_id JOIN templates t ON t.id = a.template_id "
                       u"WHERE c.partner_id <> a.partner_id OR t.partner_id <> a.partner_id "
                       u"OR c.eligible = 0"_s),
             0);
    // Every template applied for is locked.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM templates t WHERE t.locked = 0 AND EXISTS "
                       u"(SELECT 1 FROM applications a WHERE a.template_id = t.id)"_s),
             0);

    // Voucher codes: unique and well-formed.
    QCOMPARE(count(db, u"SELECT COUNT(*) - COUNT(DISTINCT code) FROM vouchers"_s), 0);
    {
        SqlStatement codes = db.prepare(u"SELECT code FROM vouchers"_s);
        codes.exec();
        qint64 malformed = 0;
        QString example;
        while (codes.next()) {
            const QString code = codes.text(0);
            if (!VoucherCode::isWellFormed(code)) {
                ++malformed;
                example = code;
            }
        }
        QVERIFY2(malformed == 0, qPrintable(example));
    }

    // Deductions: what a voucher lost is what was deducted from it, each min(balance, order).
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM vouchers v WHERE v.face_value_minor - "
                       u"v.balance_minor <> COALESCE((SELECT SUM(deducted_minor) FROM deductions "
                       u"d WHERE d.voucher_id = v.id), 0)"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM deductions WHERE deducted_minor <= 0 OR "
                       u"deducted_minor > order_amount_minor"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM deductions d JOIN vouchers v ON "
                       u"v.id = d.voucher_id WHERE d.customer_id <> v.customer_id OR "
                       u"d.at < v.effective_at OR d.at >= v.expires_at OR "
                       u"(v.invalidated_at IS NOT NULL AND d.at >= v.invalidated_at)"_s),
             0);
    // Universal vouchers carry the blocklist in effect at approval; specific ones none.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM vouchers v WHERE v.kind = 'universal' AND "
                       u"NOT EXISTS (SELECT 1 FROM blocklist_revisions b WHERE b.revision = "
                       u"v.blocklist_revision AND b.product_codes = v.blocked_product_codes AND "
                       u"b.effective_at <= v.effective_at AND NOT EXISTS (SELECT 1 FROM "
                       u"blocklist_revisions c WHERE c.revision > b.revision AND "
                       u"c.effective_at <= v.effective_at))"_s),
             0);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM vouchers WHERE kind = 'specific' AND "
                       u"blocklist_revision <> 0"_s),
             0);

    // Quota pools: issued = face value issued less balances returned; the quota covers it.
    {
        SqlStatement partners = db.prepare(
            u"SELECT p.name, p.quota_minor, p.issued_minor, (SELECT COALESCE(SUM("
            u"v.face_value_minor), 0) - COALESCE(SUM(CASE WHEN v.invalidated_at IS NOT NULL THEN "
            u"v.balance_minor ELSE 0 END), 0) FROM vouchers v WHERE v.partner_id = p.id) "
            u"FROM partners p ORDER BY p.name"_s);
        partners.exec();
        while (partners.next()) {
            const QString name = partners.text(0);
            const qint64 quota = partners.int64(1);
            const qint64 issued = partners.int64(2);
            const qint64 expected = partners.int64(3);
            QVERIFY2(issued == expected,
                     qPrintable(u"%1: issued %2, its vouchers say %3"_s.arg(name).arg(issued).arg(
                         expected)));
            QVERIFY2(quota >= issued,
                     qPrintable(u"%1: quota %2 < issued %3"_s.arg(name).arg(quota).arg(issued)));
        }
    }

    // The voucher list: one row per application, in step with it and its voucher.
    QCOMPARE(StoreProbe::rowCount(db, u"voucher_list"_s),
             StoreProbe::rowCount(db, u"applications"_s));
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM voucher_list l JOIN applications a ON "
                       u"a.id = l.application_id LEFT JOIN vouchers v ON v.id = a.voucher_id "
                       u"JOIN customers c ON c.id = a.customer_id JOIN templates t ON "
                       u"t.id = a.template_id WHERE l.phase <> CASE a.status "
                       u"WHEN 'pending_review' THEN 0 WHEN 'rejected' THEN 1 "
                       u"WHEN 'cancelled' THEN 2 ELSE (CASE WHEN v.invalidated_at IS NULL THEN 3 "
                       u"ELSE 4 END) END OR l.partner_id <> a.partner_id OR l.customer_id <> "
                       u"a.customer_id OR l.customer_name <> c.name OR l.customer_uin <> c.uin OR "
                       u"l.template_name <> t.name OR l.kind <> t.kind OR l.face_value_minor <> "
                       u"t.face_value_minor OR l.applied_at <> a.submitted_at OR "
                       u"l.voucher_id IS NOT a.voucher_id OR l.voucher_code IS NOT v.code OR "
                       u"l.balance_minor IS NOT v.balance_minor OR l.expires_at IS NOT "
                       u"v.expires_at"_s),
             0);

    // Applications: decided ones say when, pending ones are not decided.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applications WHERE review_due_at <= submitted_at "
                       u"OR (status IN ('approved', 'rejected') AND reviewed_at IS NULL) OR "
                       u"(status = 'cancelled' AND cancelled_at IS NULL) OR "
                       u"(status = 'pending_review' AND (reviewed_at IS NOT NULL OR "
                       u"cancelled_at IS NOT NULL)) OR (status = 'rejected' AND "
                       u"reject_reason = '')"_s),
             0);

    // Foreign keys hold.
    SqlStatement foreignKeys = db.prepare(u"PRAGMA foreign_key_check"_s);
    foreignKeys.exec();
    const bool violated = foreignKeys.next();
    QVERIFY2(!violated, qPrintable(violated ? foreignKeys.text(0) : QString()));
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

    verifyConsistent(*db);
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
    verifyConsistent(*db);
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
    QVERIFY(before.contains(u"vl_code: CREATE INDEX vl_code ON voucher_list (voucher_code)"_s));

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
    verifyConsistent(*db);
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
