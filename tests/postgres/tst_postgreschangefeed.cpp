#include "core/api/changefeed.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "tests/support/postgrestestdatabase.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// The change feed's one SQL statement on a real PostgreSQL: the same rows, scoping, deletions
// and paging as on SQLite (tests/core/tst_changefeed.cpp has the rules in detail).
class TestPostgresChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void feedOnPostgres();
};

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QSet<QString> keysOf(const QList<ChangeFeedEntry> &entries)
{
    QSet<QString> keys;
    for (const ChangeFeedEntry &entry : entries)
        keys.insert(entry.entity + u'/' + entry.id);
    return keys;
}

} // namespace

void TestPostgresChangeFeed::feedOnPostgres()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));

    const QUuid voucherA = ws.approve(ws.submit(ws.createTemplate(u"A"_s).id));
    const QUuid templateB =
        ws.createTemplate(u"B"_s, VoucherKind::Specific, 100000, &ws.managerB).id;
    const QUuid voucherB = ws.approve(ws.submit(templateB, &ws.managerB, &ws.customerB));
    const QUuid doomed = ws.createTemplate(u"Doomed"_s).id;
    QVERIFY(TemplateCommands(*ws.context(ws.managerA)).deleteTemplate(doomed).ok());
    Deduction bill;
    bill.voucherId = voucherA;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 2500;
    const auto paid = VoucherCommands(*ws.context(ws.managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));

    // Staff: every row of every table, the tombstone too, in revision order.
    const ChangeFeedPage all = ChangeFeed(ws.db(), ws.admin).after(0, 1000, ws.now());
    QVERIFY(!all.hasMore);
    QCOMPARE(all.nextSince, StoreProbe::changeRev(ws.db()));
    qint64 rows = 0;
    for (const QString &table :
         {u"partners"_s, u"users"_s, u"customers"_s, u"products"_s, u"blocklist_revisions"_s,
          u"templates"_s, u"applications"_s, u"vouchers"_s, u"deductions"_s, u"tombstones"_s})
        rows += StoreProbe::rowCount(ws.db(), table);
    QCOMPARE(all.changes.size(), rows);
    qint64 previous = 0;
    for (const ChangeFeedEntry &entry : all.changes) {
        QVERIFY(entry.rev >= previous);
        previous = entry.rev;
        QCOMPARE(entry.data.isEmpty(), entry.deleted);
    }
    QVERIFY(keysOf(all.changes).contains(u"blocklistRevision/1"_s));

    // Partner B: none of A's rows, its deduction included; A: its deduction and tombstone.
    const QSet<QString> forB =
        keysOf(ChangeFeed(ws.db(), ws.managerB).after(0, 1000, ws.now()).changes);
    QVERIFY(forB.contains(u"voucher/"_s + idText(voucherB)));
    QVERIFY(!forB.contains(u"voucher/"_s + idText(voucherA)));
    QVERIFY(!forB.contains(u"deduction/"_s + idText(paid.value().id)));
    QVERIFY(!forB.contains(u"template/"_s + idText(doomed)));
    QVERIFY(!forB.contains(u"partner/"_s + idText(ws.partnerA.id)));
    const QSet<QString> forA =
        keysOf(ChangeFeed(ws.db(), ws.managerA).after(0, 1000, ws.now()).changes);
    QVERIFY(forA.contains(u"deduction/"_s + idText(paid.value().id)));
    QVERIFY(forA.contains(u"template/"_s + idText(doomed)));
    QVERIFY(!forA.contains(u"voucher/"_s + idText(voucherB)));

    // Paging by three covers the same rows once each.
    QList<ChangeFeedEntry> paged;
    qint64 since = 0;
    for (int pulls = 0; pulls < 1000; ++pulls) {
        const ChangeFeedPage page = ChangeFeed(ws.db(), ws.admin).after(since, 3, ws.now());
        paged += page.changes;
        since = page.nextSince;
        if (!page.hasMore)
            break;
    }
    QCOMPARE(paged.size(), all.changes.size());
    QCOMPARE(keysOf(paged), keysOf(all.changes));
    QVERIFY(ChangeFeed(ws.db(), ws.managerA).after(since, 500, ws.now()).changes.isEmpty());
}

QTEST_GUILESS_MAIN(TestPostgresChangeFeed)
#include "tst_postgreschangefeed.moc"
