#include "core/api/apijson.h"
#include "core/api/changefeed.h"
#include "core/commands/customercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QSet>
#include <QTest>

#include <tuple>

using namespace Qt::StringLiterals;

// The sync feed: every changed row after a cursor in revision order, scoped to the reader,
// with deletions, and pages that never lose or split a revision.
class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void staffReadEverythingInRevisionOrder();
    void dataIsTheApiRepresentation();
    void partnerManagersSeeOnlyTheirPartner_data();
    void partnerManagersSeeOnlyTheirPartner();
    void deletedTemplatesAreTombstones();
    void incrementalPulls();
    void pagesCoverEveryChangeOnce_data();
    void pagesCoverEveryChangeOnce();
    void aRevisionIsNeverSplit();
    void aRevisionLargerThanTheLimitComesWhole();
    void aPageReadsEachRowAsItsRepositoryDoes_data();
    void aPageReadsEachRowAsItsRepositoryDoes();

private:
    // Every change after `since`, pulled page by page.
    QList<ChangeFeedEntry> pullAll(const Actor &actor, qint64 since, int limit,
                                   qint64 *nextSince = nullptr);

    std::unique_ptr<TestWorkspace> m_ws;
    QUuid m_voucherA, m_voucherB, m_deductionA;
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

void TestChangeFeed::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    TestWorkspace &ws = *m_ws;
    m_voucherA = ws.approve(ws.submit(ws.createTemplate(u"A spec"_s).id));
    const VoucherTemplate forB =
        ws.createTemplate(u"B spec"_s, VoucherKind::Specific, 100000, &ws.managerB);
    m_voucherB = ws.approve(ws.submit(forB.id, &ws.managerB, &ws.customerB));

    Deduction bill;
    bill.voucherId = m_voucherA;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 2500;
    const auto paid = VoucherCommands(*ws.context(ws.managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    m_deductionA = paid.value().id;
}

QList<ChangeFeedEntry> TestChangeFeed::pullAll(const Actor &actor, qint64 since, int limit,
                                               qint64 *nextSince)
{
    const ChangeFeed feed(m_ws->db(), actor);
    QList<ChangeFeedEntry> all;
    for (int pulls = 0; pulls < 10000; ++pulls) {
        const ChangeFeedPage page = feed.after(since, limit, m_ws->now());
        all += page.changes;
        if (!page.changes.isEmpty())
            [&] { QVERIFY(page.nextSince == page.changes.constLast().rev); }();
        [&] { QVERIFY(page.nextSince >= since); }();
        since = page.nextSince;
        if (!page.hasMore)
            break;
    }
    if (nextSince)
        *nextSince = since;
    return all;
}

void TestChangeFeed::staffReadEverythingInRevisionOrder()
{
    for (const Actor &actor : {m_ws->reviewer, m_ws->admin}) {
        const ChangeFeedPage page = ChangeFeed(m_ws->db(), actor).after(0, 1000, m_ws->now());
        QVERIFY(!page.hasMore);
        QCOMPARE(page.nextSince, StoreProbe::changeRev(m_ws->db()));
        qint64 previous = 0;
        for (const ChangeFeedEntry &entry : page.changes) {
            // A payment writes its deduction and its voucher's balance with one revision.
            QVERIFY2(entry.rev >= previous, qPrintable(entry.entity));
            previous = entry.rev;
        }
        const QSet<QString> keys = keysOf(page.changes);
        for (const QString &expected : QStringList{
                 u"partner/"_s + idText(m_ws->partnerA.id),
                 u"partner/"_s + idText(m_ws->partnerB.id),
                 u"user/"_s + idText(m_ws->managerB.userId),
                 u"user/"_s + idText(m_ws->admin.userId),
                 u"customer/"_s + idText(m_ws->customerB.id), u"voucher/"_s + idText(m_voucherA),
                 u"voucher/"_s + idText(m_voucherB), u"deduction/"_s + idText(m_deductionA),
                 u"product/cvm"_s, u"blocklistRevision/1"_s})
            QVERIFY2(keys.contains(expected), qPrintable(expected));
        // One entry per row: each table's row count, nothing more.
        const qint64 rows = StoreProbe::rowCount(m_ws->db(), u"partners"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"users"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"customers"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"products"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"blocklist_revisions"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"templates"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"applications"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"vouchers"_s) +
                            StoreProbe::rowCount(m_ws->db(), u"deductions"_s);
        QCOMPARE(page.changes.size(), rows);
    }
}

void TestChangeFeed::dataIsTheApiRepresentation()
{
    const ChangeFeedPage page = ChangeFeed(m_ws->db(), m_ws->admin).after(0, 1000, m_ws->now());
    const VoucherRepository vouchers(m_ws->db());
    int checked = 0;
    for (const ChangeFeedEntry &entry : page.changes) {
        QVERIFY(!entry.deleted);
        QVERIFY2(!entry.data.isEmpty(), qPrintable(entry.entity));
        if (entry.entity == u"voucher"_s) {
            QCOMPARE(entry.data,
                     ApiJson::toJson(*vouchers.find(QUuid::fromString(entry.id)), m_ws->now()));
            ++checked;
        } else if (entry.entity == u"deduction"_s) {
            QCOMPARE(entry.data, ApiJson::toJson(*vouchers.findDeduction(m_deductionA)));
            ++checked;
        } else if (entry.entity == u"partner"_s) {
            QCOMPARE(
                entry.data,
                ApiJson::toJson(*PartnerRepository(m_ws->db()).find(QUuid::fromString(entry.id))));
            ++checked;
        } else if (entry.entity == u"user"_s) {
            QVERIFY(!entry.data.contains(u"passwordHash"_s));
            QCOMPARE(entry.data.value(u"id"_s).toString(), entry.id);
        }
    }
    QCOMPARE(checked, 2 + 1 + 2);
    // The voucher's status is the one at the moment of the pull.
    const auto voucherA = std::find_if(page.changes.cbegin(), page.changes.cend(),
                                       [&](auto &e) { return e.id == idText(m_voucherA); });
    QCOMPARE(voucherA->data.value(u"status"_s).toString(), u"partially_used"_s);
    const ChangeFeedPage later =
        ChangeFeed(m_ws->db(), m_ws->admin).after(0, 1000, m_ws->now().addDays(40));
    for (const ChangeFeedEntry &entry : later.changes) {
        if (entry.id == idText(m_voucherA))
            QCOMPARE(entry.data.value(u"status"_s).toString(), u"expired"_s);
    }
}

void TestChangeFeed::partnerManagersSeeOnlyTheirPartner_data()
{
    QTest::addColumn<bool>("partnerA");
    QTest::newRow("manager A") << true;
    QTest::newRow("manager B") << false;
}

void TestChangeFeed::partnerManagersSeeOnlyTheirPartner()
{
    QFETCH(bool, partnerA);
    const Actor manager = partnerA ? m_ws->managerA : m_ws->managerB;
    const QString own = idText(manager.partnerId);
    const QList<ChangeFeedEntry> changes = pullAll(manager, 0, 1000);
    QSet<QString> entities;
    for (const ChangeFeedEntry &entry : changes) {
        entities.insert(entry.entity);
        QVERIFY2(entry.entity != u"user"_s, "users are the staff's business");
        if (entry.entity == u"partner"_s)
            QCOMPARE(entry.id, own);
        else if (entry.data.contains(u"partnerId"_s))
            QCOMPARE(entry.data.value(u"partnerId"_s).toString(), own);
    }
    QVERIFY(entities.contains(u"product"_s));
    QVERIFY(entities.contains(u"blocklistRevision"_s));
    QVERIFY(entities.contains(u"customer"_s));
    QVERIFY(entities.contains(u"template"_s));
    QVERIFY(entities.contains(u"application"_s));
    QVERIFY(entities.contains(u"voucher"_s));
    // Deductions carry no partner: theirs is their voucher's.
    const QSet<QString> keys = keysOf(changes);
    QCOMPARE(keys.contains(u"deduction/"_s + idText(m_deductionA)), partnerA);
    QCOMPARE(keys.contains(u"voucher/"_s + idText(m_voucherA)), partnerA);
    QCOMPARE(keys.contains(u"voucher/"_s + idText(m_voucherB)), !partnerA);
    QCOMPARE(keys.contains(u"customer/"_s + idText(m_ws->ineligibleCustomerA.id)), partnerA);
}

void TestChangeFeed::deletedTemplatesAreTombstones()
{
    const VoucherTemplate doomed = m_ws->createTemplate(u"Short-lived"_s);
    const qint64 cursor = StoreProbe::changeRev(m_ws->db());
    const auto deleted = TemplateCommands(*m_ws->context(m_ws->managerA)).deleteTemplate(doomed.id);
    QVERIFY2(deleted.ok(), resultMessage(deleted));

    const ChangeFeedPage page =
        ChangeFeed(m_ws->db(), m_ws->managerA).after(cursor, 100, m_ws->now());
    QCOMPARE(page.changes.size(), 1);
    const ChangeFeedEntry &tombstone = page.changes.constFirst();
    QCOMPARE(tombstone.entity, u"template"_s);
    QCOMPARE(tombstone.id, idText(doomed.id));
    QVERIFY(tombstone.deleted);
    QVERIFY(tombstone.data.isEmpty());
    QCOMPARE(tombstone.rev, StoreProbe::changeRev(m_ws->db()));
    QCOMPARE(page.nextSince, tombstone.rev);

    // Staff see it; the other partner does not, not even from the start.
    QCOMPARE(ChangeFeed(m_ws->db(), m_ws->reviewer).after(cursor, 100, m_ws->now()).changes.size(),
             1);
    QVERIFY(
        ChangeFeed(m_ws->db(), m_ws->managerB).after(cursor, 100, m_ws->now()).changes.isEmpty());
    QVERIFY(!keysOf(pullAll(m_ws->managerB, 0, 1000)).contains(u"template/"_s + idText(doomed.id)));
    // From the start, manager A gets the deletion only: the row is gone.
    int seen = 0;
    for (const ChangeFeedEntry &entry : pullAll(m_ws->managerA, 0, 1000)) {
        if (entry.id == idText(doomed.id)) {
            QVERIFY(entry.deleted);
            ++seen;
        }
    }
    QCOMPARE(seen, 1);
}

void TestChangeFeed::incrementalPulls()
{
    qint64 cursor = 0;
    pullAll(m_ws->managerA, 0, 1000, &cursor);
    QCOMPARE(cursor, StoreProbe::changeRev(m_ws->db()));

    // Nothing new: an empty page that keeps the cursor.
    ChangeFeedPage page = ChangeFeed(m_ws->db(), m_ws->managerA).after(cursor, 500, m_ws->now());
    QVERIFY(page.changes.isEmpty());
    QCOMPARE(page.nextSince, cursor);
    QVERIFY(!page.hasMore);

    // A change of the other partner is not news to A.
    Customer draft;
    draft.name = u"Gamma Labs"_s;
    draft.uin = u"300000001"_s;
    QVERIFY(CustomerCommands(*m_ws->context(m_ws->managerB)).addCustomer(draft).ok());
    page = ChangeFeed(m_ws->db(), m_ws->managerA).after(cursor, 500, m_ws->now());
    QVERIFY(page.changes.isEmpty());
    QCOMPARE(page.nextSince, cursor);

    // A payment: the deduction and the voucher's new balance, nothing else.
    Deduction bill;
    bill.voucherId = m_voucherA;
    bill.customerId = m_ws->customerA.id;
    bill.orderId = u"ORDER-2"_s;
    bill.productCode = u"cos"_s;
    bill.payMode = PayMode::Postpaid;
    bill.orderAmountMinor = 1000;
    const auto paid = VoucherCommands(*m_ws->context(m_ws->managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    page = ChangeFeed(m_ws->db(), m_ws->managerA).after(cursor, 500, m_ws->now());
    QCOMPARE(keysOf(page.changes), QSet<QString>({u"voucher/"_s + idText(m_voucherA),
                                                  u"deduction/"_s + idText(paid.value().id)}));
    const auto voucher = std::find_if(page.changes.cbegin(), page.changes.cend(),
                                      [](auto &e) { return e.entity == u"voucher"_s; });
    QCOMPARE(voucher->data.value(u"balanceMinor"_s).toInteger(), 100000 - 2500 - 1000);
    QCOMPARE(page.nextSince, StoreProbe::changeRev(m_ws->db()));
}

void TestChangeFeed::pagesCoverEveryChangeOnce_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {1, 2, 3, 7, 50})
        QTest::addRow("limit %d", limit) << limit;
}

void TestChangeFeed::pagesCoverEveryChangeOnce()
{
    QFETCH(int, limit);
    for (const Actor &actor : {m_ws->admin, m_ws->managerA, m_ws->managerB}) {
        const ChangeFeedPage whole = ChangeFeed(m_ws->db(), actor).after(0, 1000, m_ws->now());
        QVERIFY(!whole.hasMore);
        qint64 nextSince = 0;
        const QList<ChangeFeedEntry> paged = pullAll(actor, 0, limit, &nextSince);
        QCOMPARE(paged.size(), whole.changes.size());
        QCOMPARE(keysOf(paged), keysOf(whole.changes));
        QCOMPARE(nextSince, whole.nextSince);
        const ChangeFeedPage first = ChangeFeed(m_ws->db(), actor).after(0, limit, m_ws->now());
        QCOMPARE(first.changes.size(), std::min<qsizetype>(limit, whole.changes.size()));
        QCOMPARE(first.hasMore, whole.changes.size() > limit);
    }
}

// Rows written with one revision (a bulk write shares them) stay on one page: otherwise the
// next pull, after that revision, would never see the rest.
void TestChangeFeed::aRevisionIsNeverSplit()
{
    const qint64 cursor = StoreProbe::changeRev(m_ws->db());
    const qint64 shared = cursor + 1;
    StoreProbe::exec(m_ws->db(), u"UPDATE change_counter SET rev = %1"_s.arg(shared + 1));
    StoreProbe::exec(m_ws->db(),
                     u"UPDATE customers SET rev = %1 WHERE partner_id = '%2'"_s.arg(shared).arg(
                         idText(m_ws->partnerA.id)));
    StoreProbe::exec(
        m_ws->db(),
        u"UPDATE vouchers SET rev = %1 WHERE id = '%2'"_s.arg(shared + 1).arg(idText(m_voucherA)));
    // Rows after the cursor: two customers at `shared`, the voucher at shared + 1.
    const ChangeFeed feed(m_ws->db(), m_ws->managerA);
    ChangeFeedPage page = feed.after(cursor, 2, m_ws->now());
    QCOMPARE(page.changes.size(), 2);
    QCOMPARE(page.nextSince, shared);
    QVERIFY(page.hasMore);
    page = feed.after(cursor, 1, m_ws->now()); // the limit falls inside the revision
    QCOMPARE(page.changes.size(), 2);
    QCOMPARE(page.changes.at(0).rev, shared);
    QCOMPARE(page.changes.at(1).rev, shared);
    QCOMPARE(page.nextSince, shared);
    QVERIFY(page.hasMore);
    page = feed.after(shared, 1, m_ws->now());
    QCOMPARE(page.changes.size(), 1);
    QCOMPARE(page.changes.constFirst().id, idText(m_voucherA));
    QVERIFY(!page.hasMore);
}

void TestChangeFeed::aRevisionLargerThanTheLimitComesWhole()
{
    const qint64 cursor = StoreProbe::changeRev(m_ws->db());
    StoreProbe::exec(m_ws->db(), u"UPDATE change_counter SET rev = %1"_s.arg(cursor + 1));
    StoreProbe::exec(m_ws->db(), u"UPDATE products SET rev = %1"_s.arg(cursor + 1));
    const qint64 products = StoreProbe::rowCount(m_ws->db(), u"products"_s);
    QVERIFY(products > 3);
    const ChangeFeedPage page =
        ChangeFeed(m_ws->db(), m_ws->managerB).after(cursor, 3, m_ws->now());
    QCOMPARE(page.changes.size(), products);
    QCOMPARE(page.nextSince, cursor + 1);
    QVERIFY(!page.hasMore);
}

void TestChangeFeed::aPageReadsEachRowAsItsRepositoryDoes_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("whole pages") << 1000;
    QTest::newRow("small pages") << 7;
}

// A page reads each table's rows with one query: every entry is still the row's API
// representation as its repository reads it one by one, at the row's revision, in feed order.
void TestChangeFeed::aPageReadsEachRowAsItsRepositoryDoes()
{
    QFETCH(int, limit);
    TestWorkspace &ws = *m_ws;
    // Many rows of every kind, for both partners, interleaved in revision order.
    for (int i = 0; i < 6; ++i) {
        const VoucherTemplate forA = ws.createTemplate(u"Many A %1"_s.arg(i));
        const VoucherTemplate forB = ws.createTemplate(
            u"Many B %1"_s.arg(i), VoucherKind::Universal, 50000 + i, &ws.managerB);
        Customer customer;
        customer.name = u"Customer %1"_s.arg(i);
        customer.uin = u"80000000%1"_s.arg(i);
        const auto added = CustomerCommands(*ws.context(ws.managerA)).addCustomer(customer);
        QVERIFY2(added.ok(), resultMessage(added));
        for (int j = 0; j < 3; ++j) {
            const QUuid applicationA = ws.submit(forA.id, &ws.managerA, &added.value());
            const QUuid applicationB = ws.submit(forB.id, &ws.managerB, &ws.customerB);
            if (j == 0)
                continue; // pending
            if (j == 2 && i % 2 == 0) {
                const auto rejected = ReviewCommands(*ws.context(ws.reviewer))
                                          .reject(applicationA, u"Not this quarter."_s);
                QVERIFY2(rejected.ok(), resultMessage(rejected));
                ws.approve(applicationB);
                continue;
            }
            const QUuid voucherA = ws.approve(applicationA);
            ws.approve(applicationB);
            Deduction bill;
            bill.voucherId = voucherA;
            bill.customerId = added.value().id;
            bill.orderId = u"MANY-%1-%2"_s.arg(i).arg(j);
            bill.productCode = u"cvm"_s;
            bill.payMode = PayMode::Prepaid;
            bill.orderAmountMinor = 100 + i;
            const auto paid = VoucherCommands(*ws.context(ws.managerA)).recordDeduction(bill);
            QVERIFY2(paid.ok(), resultMessage(paid));
        }
    }
    const VoucherTemplate doomed = ws.createTemplate(u"Many doomed"_s);
    QVERIFY(TemplateCommands(*ws.context(ws.managerA)).deleteTemplate(doomed.id).ok());

    const Database &db = ws.db();
    auto expected = [&](const ChangeFeedEntry &entry) -> std::pair<QJsonObject, qint64> {
        const QUuid id = QUuid::fromString(entry.id);
        auto json = [](const auto &row) -> std::pair<QJsonObject, qint64> {
            if (!row)
                return {};
            return {ApiJson::toJson(*row), row->rev};
        };
        if (entry.entity == u"partner"_s)
            return json(PartnerRepository(db).find(id));
        if (entry.entity == u"user"_s)
            return json(UserRepository(db).find(id));
        if (entry.entity == u"customer"_s)
            return json(CustomerRepository(db).find(id));
        if (entry.entity == u"template"_s)
            return json(TemplateRepository(db).find(id));
        if (entry.entity == u"application"_s)
            return json(ApplicationRepository(db).find(id));
        if (entry.entity == u"deduction"_s)
            return json(VoucherRepository(db).findDeduction(id));
        if (entry.entity == u"voucher"_s) {
            const auto voucher = VoucherRepository(db).find(id);
            return {ApiJson::toJson(*voucher, ws.now()), voucher->rev};
        }
        if (entry.entity == u"blocklistRevision"_s) {
            const auto revision = ProductRepository(db).blocklistRevision(entry.id.toInt());
            return {ApiJson::toJson(*revision), entry.rev};
        }
        for (const Product &product : ProductRepository(db).all()) {
            if (product.code == entry.id)
                return {ApiJson::toJson(product), entry.rev};
        }
        return {};
    };
    for (const Actor &actor : {ws.admin, ws.managerA, ws.managerB}) {
        const QList<ChangeFeedEntry> changes = pullAll(actor, 0, limit);
        QVERIFY(changes.size() > 60);
        QSet<QString> entities;
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const ChangeFeedEntry &entry = changes.at(i);
            entities.insert(entry.entity);
            if (i > 0) {
                const ChangeFeedEntry &before = changes.at(i - 1);
                QVERIFY(std::tie(before.rev, before.entity, before.id) <
                        std::tie(entry.rev, entry.entity, entry.id));
            }
            if (entry.deleted) {
                QVERIFY(entry.data.isEmpty());
                continue;
            }
            const auto [json, rev] = expected(entry);
            QVERIFY2(!json.isEmpty(), qPrintable(entry.entity + u' ' + entry.id));
            QCOMPARE(entry.data, json);
            QCOMPARE(entry.rev, rev);
        }
        for (const QString &entity :
             {u"partner"_s, u"customer"_s, u"product"_s, u"blocklistRevision"_s, u"template"_s,
              u"application"_s, u"voucher"_s})
            QVERIFY2(entities.contains(entity), qPrintable(entity));
        QCOMPARE(entities.contains(u"user"_s), actor.role != Role::PartnerManager);
        QCOMPARE(entities.contains(u"deduction"_s), actor.partnerId != ws.partnerB.id);
    }
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
