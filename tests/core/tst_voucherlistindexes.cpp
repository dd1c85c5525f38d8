#include "core/queries/voucherlistquery.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"
#include "core/store/voucherlistindexes.h"
#include "tests/support/queryplan.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeinvariants.h"
#include "tests/support/testworkspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// voucher_list's indexes, the text table and its triggers as the schema holds them.
QStringList listSchema(const Database &db)
{
    QStringList objects;
    QSqlQuery query(db.connection());
    if (!query.exec(u"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
                    u"('voucher_list', 'voucher_list_text') AND sql IS NOT NULL"_s))
        return {query.lastError().text()};
    while (query.next()) {
        objects.append(query.value(0).toString() + u' ' + query.value(1).toString() + u": "_s +
                       query.value(2).toString());
    }
    objects.sort();
    return objects;
}

// FTS5 compares its index with voucher_list row by row (rank 1: the content too), and fails
// with "database disk image is malformed" when a row is missing or stale.
QString textIndexProblem(const Database &db)
{
    QSqlQuery check(db.connection());
    if (!check.exec(u"INSERT INTO voucher_list_text (voucher_list_text, rank) "
                    u"VALUES ('integrity-check', 1)"_s))
        return check.lastError().text();
    return {};
}

Result<void> suspend(const Database &db)
{
    return db.write([&]() -> Result<void> {
        VoucherListIndexes::suspend(db);
        return {};
    });
}

} // namespace

// voucher_list's indexes and its free-text index, defined once for migration 6 and for a
// replica's first pull, which suspends them while it fills the list and builds them again at
// its end: whatever happened meanwhile, ensure() leaves the schema as a fresh store has it, with
// a text index that holds every row.
class TestVoucherListIndexes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void migrationsCreateEveryOne();
    void suspendedListIsBuiltAgain();
    void ensureCarriesOnFromWhereItStopped();
    void listQueriesUseTheBuiltIndexes();

private:
    // Approves a new application of partner A; returns its voucher's code.
    QString issue(const QString &templateName);

    std::unique_ptr<TestWorkspace> m_ws;
};

void TestVoucherListIndexes::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
}

QString TestVoucherListIndexes::issue(const QString &templateName)
{
    const QUuid voucherId = m_ws->approve(m_ws->submit(m_ws->createTemplate(templateName).id));
    const auto voucher = VoucherRepository(m_ws->db()).find(voucherId);
    return voucher ? voucher->code : QString();
}

void TestVoucherListIndexes::migrationsCreateEveryOne()
{
    const Database &db = m_ws->db();
    QVERIFY(VoucherListIndexes::isComplete(db));
    const QStringList schema = listSchema(db);
    // Migration 6's indexes (and vl_uin of migration 1), the text table and its three triggers.
    const qsizetype indexes = std::count_if(schema.cbegin(), schema.cend(), [](const QString &o) {
        return o.startsWith(u"index vl_"_s);
    });
    QCOMPARE(indexes, VoucherListIndexes::createIndexStatements().size() + 1);
    QCOMPARE(schema.filter(u"trigger voucher_list_text_"_s).size(),
             VoucherListIndexes::createTextTriggerStatements().size());
    QCOMPARE(schema.filter(u"table voucher_list_text:"_s).size(), 1);
    QCOMPARE(textIndexProblem(db), QString());
}

// Rows written while the indexes are suspended (by commands too) are in the text index once it
// is built again, and the schema is the one the migrations made.
void TestVoucherListIndexes::suspendedListIsBuiltAgain()
{
    const Database &db = m_ws->db();
    const QString before = issue(u"Before"_s);
    const QStringList schema = listSchema(db);

    const auto suspended = suspend(db);
    QVERIFY2(suspended.ok(), resultMessage(suspended));
    QVERIFY(!VoucherListIndexes::isComplete(db));
    QVERIFY(listSchema(db).filter(u"trigger "_s).isEmpty());
    QCOMPARE(listSchema(db).filter(u"index vl_"_s), QStringList{schema.filter(u"vl_uin"_s)});

    const QString during = issue(u"During"_s);
    QVERIFY(!during.isEmpty());
    // What the suspension costs meanwhile: the new row is not in the text index yet.
    QVERIFY(!textIndexProblem(db).isEmpty());
    // The list does not read it then: the LIKE test alone finds the old row and the new one.
    QVERIFY(!VoucherListIndexes::textIndexIsCurrent(db));
    for (const QString &code : {before, during}) {
        VoucherListFilter filter;
        filter.partnerId = m_ws->partnerA.id;
        filter.text = code.mid(2, 10);
        const VoucherListQuery query(db, filter);
        QVERIFY(!query.pageSql().contains(u"voucher_list_text"_s));
        const QList<VoucherListRow> found = query.page(0, 10, m_ws->now());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().voucherCode, code);
        QCOMPARE(query.count(m_ws->now()), 1);
    }

    const auto built = VoucherListIndexes::ensure(db);
    QVERIFY2(built.ok(), resultMessage(built));
    QVERIFY(VoucherListIndexes::isComplete(db));
    QCOMPARE(listSchema(db), schema);
    QCOMPARE(textIndexProblem(db), QString());
    QVERIFY(VoucherListIndexes::textIndexIsCurrent(db));
    for (const QString &code : {before, during}) {
        VoucherListFilter filter;
        filter.partnerId = m_ws->partnerA.id;
        filter.text = code.mid(2, 10);
        const QList<VoucherListRow> found = VoucherListQuery(db, filter).page(0, 10, m_ws->now());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().voucherCode, code);
    }
    // The triggers follow the list again.
    issue(u"After"_s);
    QCOMPARE(textIndexProblem(db), QString());
    StoreInvariants::verify(db);

    // Nothing to do on a complete store.
    QVERIFY(VoucherListIndexes::ensure(db).ok());
    QCOMPARE(listSchema(db), schema);
}

// A rebuild stopped (or crashed) midway leaves some indexes and no triggers; the next one builds
// what is missing.
void TestVoucherListIndexes::ensureCarriesOnFromWhereItStopped()
{
    const Database &db = m_ws->db();
    issue(u"One"_s);
    const QStringList schema = listSchema(db);
    QVERIFY(suspend(db).ok());
    issue(u"Two"_s);

    std::atomic_bool stop = true;
    QVERIFY(VoucherListIndexes::ensure(db, &stop).ok());
    QVERIFY(!VoucherListIndexes::isComplete(db));
    // Half of the indexes, as an interrupted rebuild leaves them.
    const QStringList indexes = VoucherListIndexes::createIndexStatements();
    for (qsizetype i = 0; i < indexes.size() / 2; ++i)
        db.execute(indexes.at(i));
    QVERIFY(!VoucherListIndexes::isComplete(db));

    stop = false;
    const auto built = VoucherListIndexes::ensure(db, &stop);
    QVERIFY2(built.ok(), resultMessage(built));
    QVERIFY(VoucherListIndexes::isComplete(db));
    QCOMPARE(listSchema(db), schema);
    QCOMPARE(textIndexProblem(db), QString());
}

void TestVoucherListIndexes::listQueriesUseTheBuiltIndexes()
{
    const Database &db = m_ws->db();
    issue(u"Listed"_s);
    QVERIFY(suspend(db).ok());
    QVERIFY(VoucherListIndexes::ensure(db).ok());

    VoucherListFilter partner;
    partner.partnerId = m_ws->partnerA.id;
    for (VoucherListSortKey key : {VoucherListSortKey::AppliedAt, VoucherListSortKey::Code}) {
        const QString plan =
            QueryPlan::of(db, VoucherListQuery(db, partner, {key, true}).pageSql());
        QVERIFY2(plan.contains(u"INDEX vl_partner_"_s), qPrintable(plan));
        QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
    }
    VoucherListFilter text = partner;
    text.text = u"acme"_s;
    const QString plan = QueryPlan::of(db, VoucherListQuery(db, text).pageSql());
    QVERIFY2(plan.contains(u"SCAN voucher_list_text VIRTUAL TABLE"_s), qPrintable(plan));
}

QTEST_GUILESS_MAIN(TestVoucherListIndexes)
#include "tst_voucherlistindexes.moc"
