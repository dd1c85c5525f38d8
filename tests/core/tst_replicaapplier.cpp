#include "core/api/apijson.h"
#include "core/api/apijsonreader.h"
#include "core/api/changefeed.h"
#include "core/api/changefeedjson.h"
#include "core/commands/applicationcommands.h"
#include "core/commands/customercommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/voucherlistindexes.h"
#include "core/sync/replicaapplier.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

// A replica filled from the change feed of a "server" store (a TestWorkspace) holds exactly what
// the reader may see there: the same rows, the same voucher list, page after page, whatever
// order the rows come in; a page applies whole or not at all.
class TestReplicaApplier : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void replicaFollowsTheServer_data();
    void replicaFollowsTheServer();
    void rowsMayComeBeforeTheRowsTheyReferTo();
    void aReversedPageGivesTheSameReplica();
    void uniqueKeysMovingBetweenRows();
    void malformedPageIsRolledBack();
    void tombstonesOfAnyEntity();
    void appliesOnItsOwnThread();
    void pagesDecodedElsewhereApplyTogether();
    void joinsTheCallersTransaction();
    void restoreReplacesTheReplicasGuess();
    void aPullWithTheListIndexesSuspended();

private:
    // The actor's replica, pulled page by page through the JSON of GET /changes; the pages
    // applied are appended to *pages.
    void pull(const Actor &actor, const Database &replica, int limit,
              QList<ChangeFeedPage> *pages = nullptr);
    // Fails unless the replica holds what the actor sees of the server.
    void verifyReplica(const Actor &actor, const Database &replica);
    std::unique_ptr<Database> openReplica(const QString &name);
    CommandContext &as(const Actor &actor);

    void buildHistory();
    void changeMore();
    Deduction pay(const QUuid &voucherId, const Actor &actor, qint64 amountMinor);
    QUuid addCustomer(const QString &name, const QString &uin);

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::map<QUuid, std::unique_ptr<CommandContext>> m_contexts;
    QUuid m_specId, m_universalId, m_draftId, m_copyId;
    QUuid m_approvedId, m_invalidatedId, m_pendingId, m_voucherId, m_voucherBId;
    QUuid m_northwindId;
};

namespace {

constexpr int kSmallLimit = 7;

// A page as the server's route writes it and the client reads it back.
QJsonObject wire(const ChangeFeedPage &page)
{
    return QJsonDocument::fromJson(ChangeFeedJson::page(page)).object();
}

// Every column of a query's rows as text, but the hashes, which the feed never carries.
QStringList rows(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        qFatal("%s", qPrintable(sql));
    QStringList lines;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QStringList values;
        for (int i = 0; i < record.count(); ++i) {
            const QString name = record.fieldName(i);
            if (name == u"request_hash"_s || name == u"password_hash"_s)
                continue;
            values.append(name + u'=' + (query.isNull(i) ? u"NULL"_s : query.value(i).toString()));
        }
        lines.append(values.join(u'|'));
    }
    return lines;
}

QString listRowText(const VoucherListRow &r)
{
    return QStringList{r.applicationId.toString(),
                       r.partnerId.toString(),
                       r.customerId.toString(),
                       r.customerName,
                       r.customerUin,
                       r.templateName,
                       voucherKindToString(r.kind),
                       r.currency,
                       QString::number(r.faceValueMinor),
                       QString::number(r.balanceMinor),
                       QString::number(int(r.phase)),
                       r.appliedAt.toString(Qt::ISODateWithMs),
                       r.expiresAt.toString(Qt::ISODateWithMs),
                       r.voucherId.toString(),
                       r.voucherCode}
        .join(u'|');
}

QStringList listPage(const Database &db, const VoucherListFilter &filter,
                     const VoucherListSort &sort, const QDateTime &now)
{
    QStringList lines;
    for (const VoucherListRow &row : VoucherListQuery(db, filter, sort).page(0, 1000, now))
        lines.append(listRowText(row));
    return lines;
}

template<typename T>
QString withRev(const T &entity)
{
    return QString::fromUtf8(QJsonDocument(ApiJson::toJson(entity)).toJson()) + u" rev "_s +
           QString::number(entity.rev);
}

template<typename T>
QStringList withRevs(const QList<T> &entities)
{
    QStringList lines;
    for (const T &entity : entities)
        lines.append(withRev(entity));
    return lines;
}

QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

qint64 foreignKeys(const Database &db)
{
    return StoreProbe::scalar(db, u"PRAGMA foreign_keys"_s);
}

const ChangeFeedEntry *findEntry(const QList<ChangeFeedEntry> &changes, const QString &entity,
                                 const QUuid &id)
{
    for (const ChangeFeedEntry &change : changes) {
        if (change.entity == entity && change.id == text(id))
            return &change;
    }
    return nullptr;
}

} // namespace

CommandContext &TestReplicaApplier::as(const Actor &actor)
{
    std::unique_ptr<CommandContext> &context = m_contexts[actor.userId];
    if (!context)
        context = m_ws->context(actor);
    return *context;
}

std::unique_ptr<Database> TestReplicaApplier::openReplica(const QString &name)
{
    QString error;
    auto replica = Database::open(m_dir->filePath(name + u".sqlite"_s), &error);
    if (!replica)
        qFatal("%s", qPrintable(error));
    return replica;
}

Deduction TestReplicaApplier::pay(const QUuid &voucherId, const Actor &actor, qint64 amountMinor)
{
    static int order = 0;
    const auto voucher = VoucherRepository(m_ws->db()).find(voucherId);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = voucher->customerId;
    bill.orderId = u"ORDER-%1"_s.arg(++order);
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = amountMinor;
    const auto paid = VoucherCommands(as(actor)).recordDeduction(bill);
    if (!paid)
        qFatal("pay: %s", resultMessage(paid).constData());
    m_ws->advance(600);
    return paid.value();
}

QUuid TestReplicaApplier::addCustomer(const QString &name, const QString &uin)
{
    Customer draft;
    draft.name = name;
    draft.uin = uin;
    draft.partnerId = m_ws->partnerA.id;
    const auto added = CustomerCommands(as(m_ws->managerA)).addCustomer(draft);
    if (!added)
        qFatal("add customer: %s", resultMessage(added).constData());
    m_ws->advance(600);
    return added.value().id;
}

// Templates created, edited, duplicated and deleted; applications in every state, vouchers
// used and invalidated, a customer added and a quota changed, for two partners.
void TestReplicaApplier::buildHistory()
{
    TestWorkspace &ws = *m_ws;
    const TemplateCommands templates(as(ws.managerA));
    VoucherTemplate spec = ws.createTemplate(u"Spec"_s);
    spec.name = u"Spec v2"_s;
    spec.faceValueMinor = 120000;
    spec.note = u"Edited before use."_s;
    const auto edited = templates.updateTemplate(spec, spec.version);
    QVERIFY2(edited.ok(), resultMessage(edited));
    m_specId = spec.id;
    m_universalId = ws.createTemplate(u"Universal"_s, VoucherKind::Universal, 250000).id;
    const auto scrapped = templates.deleteTemplate(ws.createTemplate(u"Scrap"_s).id);
    QVERIFY2(scrapped.ok(), resultMessage(scrapped));
    m_draftId = ws.createTemplate(u"Draft"_s).id;
    const auto copy = templates.duplicateTemplate(m_specId, QUuid::createUuid());
    QVERIFY2(copy.ok(), resultMessage(copy));
    m_copyId = copy.value().id;
    ws.advance(3600);

    m_northwindId = addCustomer(u"Northwind Ltd"_s, u"200000002"_s);
    const Customer northwind = *CustomerRepository(ws.db()).find(m_northwindId);

    m_approvedId = ws.submit(m_specId);
    m_voucherId = ws.approve(m_approvedId);
    pay(m_voucherId, ws.managerA, 2500);
    pay(m_voucherId, ws.managerA, 4000);

    m_invalidatedId = ws.submit(m_universalId, nullptr, &northwind);
    const QUuid invalidatedVoucher = ws.approve(m_invalidatedId);
    pay(invalidatedVoucher, ws.managerA, 1000);
    const auto invalidated =
        VoucherCommands(as(ws.admin)).invalidateVoucher(invalidatedVoucher, u"Abuse"_s);
    QVERIFY2(invalidated.ok(), resultMessage(invalidated));

    const auto rejected = ReviewCommands(as(ws.reviewer))
                              .reject(ws.submit(m_specId, nullptr, &northwind), u"Too vague"_s);
    QVERIFY2(rejected.ok(), resultMessage(rejected));
    const auto cancelled =
        ApplicationCommands(as(ws.managerA)).cancelApplication(ws.submit(m_specId));
    QVERIFY2(cancelled.ok(), resultMessage(cancelled));
    m_pendingId = ws.submit(m_universalId, nullptr, &northwind);
    ws.advance(3600);

    const VoucherTemplate forB =
        ws.createTemplate(u"B spec"_s, VoucherKind::Specific, 100000, &ws.managerB);
    m_voucherBId = ws.approve(ws.submit(forB.id, &ws.managerB, &ws.customerB));
    pay(m_voucherBId, ws.managerB, 3000);
    ws.submit(forB.id, &ws.managerB, &ws.customerB);

    const auto quota = PartnerCommands(as(ws.admin)).setQuota(ws.partnerA.id, 200000000);
    QVERIFY2(quota.ok(), resultMessage(quota));
    ws.advance(3600);
}

// What happens after the first pull: a template deleted and one renamed, a payment, an
// approval and a rejection, a new customer and application, a quota, an invalidation.
void TestReplicaApplier::changeMore()
{
    TestWorkspace &ws = *m_ws;
    const TemplateCommands templates(as(ws.managerA));
    const auto deleted = templates.deleteTemplate(m_draftId);
    QVERIFY2(deleted.ok(), resultMessage(deleted));
    VoucherTemplate copy = *TemplateRepository(ws.db()).find(m_copyId);
    copy.name = u"Spec v3"_s;
    const auto renamed = templates.updateTemplate(copy, copy.version);
    QVERIFY2(renamed.ok(), resultMessage(renamed));
    pay(m_voucherId, ws.managerA, 1500);
    ws.approve(m_pendingId);
    const QUuid contoso = addCustomer(u"Contoso"_s, u"300000003"_s);
    const Customer contosoCustomer = *CustomerRepository(ws.db()).find(contoso);
    const auto rejected =
        ReviewCommands(as(ws.reviewer))
            .reject(ws.submit(m_copyId, nullptr, &contosoCustomer), u"Not eligible yet"_s);
    QVERIFY2(rejected.ok(), resultMessage(rejected));
    ws.submit(m_universalId, nullptr, &contosoCustomer);
    const auto quota = PartnerCommands(as(ws.admin)).setQuota(ws.partnerA.id, 300000000);
    QVERIFY2(quota.ok(), resultMessage(quota));
    const auto invalidated = VoucherCommands(as(ws.admin)).invalidateVoucher(m_voucherBId);
    QVERIFY2(invalidated.ok(), resultMessage(invalidated));
    ws.advance(3600);
}

void TestReplicaApplier::init()
{
    m_contexts.clear();
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    buildHistory();
}

void TestReplicaApplier::pull(const Actor &actor, const Database &replica, int limit,
                              QList<ChangeFeedPage> *pages)
{
    const ReplicaApplier applier(replica);
    const ChangeFeed feed(m_ws->db(), actor);
    for (int pulls = 0; pulls < 1000; ++pulls) {
        const ChangeFeedPage served = feed.after(applier.cursor(), limit, m_ws->now());
        const auto page = ApiJsonReader::changeFeedPage(wire(served));
        QVERIFY(page);
        QCOMPARE(page->changes.size(), served.changes.size());
        const auto applied = applier.apply(*page);
        QVERIFY2(applied.ok(), resultMessage(applied));
        QCOMPARE(applier.cursor(), served.nextSince);
        if (pages)
            pages->append(*page);
        if (!page->hasMore)
            return;
    }
    QFAIL("the feed never ended");
}

void TestReplicaApplier::verifyReplica(const Actor &actor, const Database &replica)
{
    const Database &server = m_ws->db();
    const QDateTime now = m_ws->now();
    const QUuid scope = actor.isPartnerManager() ? actor.partnerId : QUuid();
    const QString partnerCondition =
        scope.isNull() ? QString() : u" WHERE partner_id = '%1'"_s.arg(text(scope));

    // Table by table: the replica holds the rows the actor sees on the server, and only them.
    const QList<std::pair<QString, QString>> tables = {
        {u"partners"_s, scope.isNull() ? QString() : u" WHERE id = '%1'"_s.arg(text(scope))},
        {u"customers"_s, partnerCondition},
        {u"templates"_s, partnerCondition},
        {u"applications"_s, partnerCondition},
        {u"vouchers"_s, partnerCondition},
        {u"deductions"_s, scope.isNull()
                              ? QString()
                              : u" WHERE voucher_id IN (SELECT id FROM vouchers WHERE partner_id = "
                                u"'%1')"_s.arg(text(scope))},
        {u"users"_s, scope.isNull() ? QString() : u" WHERE 1 = 0"_s},
        {u"products"_s, QString()},
        {u"blocklist_revisions"_s, QString()},
        {u"voucher_list"_s, partnerCondition},
    };
    for (const auto &[table, condition] : tables) {
        const QString key = table == u"products"_s              ? u"code"_s
                            : table == u"blocklist_revisions"_s ? u"revision"_s
                            : table == u"voucher_list"_s        ? u"application_id"_s
                                                                : u"id"_s;
        const QStringList expected =
            rows(server, u"SELECT * FROM "_s + table + condition + u" ORDER BY "_s + key);
        QCOMPARE(rows(replica, u"SELECT * FROM "_s + table + u" ORDER BY "_s + key), expected);
    }
    if (!scope.isNull()) {
        for (const QString &table : {u"customers"_s, u"templates"_s, u"applications"_s,
                                     u"vouchers"_s, u"voucher_list"_s}) {
            QCOMPARE(StoreProbe::scalar(replica,
                                        u"SELECT COUNT(*) FROM %1 WHERE partner_id <> '%2'"_s.arg(
                                            table, text(scope))),
                     qint64(0));
        }
        QCOMPARE(StoreProbe::rowCount(replica, u"partners"_s), qint64(1));
        QCOMPARE(StoreProbe::rowCount(replica, u"users"_s), qint64(0));
    }

    // What the app reads: the voucher list, filtered and sorted every way.
    QList<VoucherListFilter> filters;
    filters.append(VoucherListFilter{});
    for (VoucherListStatus status :
         {VoucherListStatus::PendingReview, VoucherListStatus::Rejected,
          VoucherListStatus::Cancelled, VoucherListStatus::Unused, VoucherListStatus::PartiallyUsed,
          VoucherListStatus::Invalidated}) {
        VoucherListFilter filter;
        filter.status = status;
        filters.append(filter);
    }
    VoucherListFilter byCustomer;
    byCustomer.customerId = m_northwindId;
    filters.append(byCustomer);
    VoucherListFilter universal;
    universal.kind = VoucherKind::Universal;
    filters.append(universal);
    VoucherListFilter spendable;
    spendable.positiveBalance = true;
    filters.append(spendable);
    VoucherListFilter named;
    named.text = u"north"_s;
    filters.append(named);
    VoucherListFilter codes;
    codes.text = u"VV"_s;
    filters.append(codes);
    VoucherListFilter recent;
    recent.appliedFrom = TestWorkspace::defaultNow().addSecs(2 * 3600);
    filters.append(recent);
    int nonEmpty = 0;
    for (VoucherListFilter filter : std::as_const(filters)) {
        filter.partnerId = scope;
        for (VoucherListSortKey key : {VoucherListSortKey::AppliedAt, VoucherListSortKey::ExpiresAt,
                                       VoucherListSortKey::Balance, VoucherListSortKey::FaceValue,
                                       VoucherListSortKey::Customer, VoucherListSortKey::Code}) {
            for (bool descending : {true, false}) {
                const VoucherListSort sort{key, descending};
                const QStringList expected = listPage(server, filter, sort, now);
                QCOMPARE(listPage(replica, filter, sort, now), expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        QCOMPARE(VoucherListQuery(replica, filter).count(now),
                 VoucherListQuery(server, filter).count(now));
    }
    QVERIFY(nonEmpty > 100);

    // What the repositories find.
    if (scope.isNull()) {
        QCOMPARE(withRevs(PartnerRepository(replica).all()),
                 withRevs(PartnerRepository(server).all()));
        QCOMPARE(withRevs(UserRepository(replica).all()), withRevs(UserRepository(server).all()));
    } else {
        QCOMPARE(withRevs(PartnerRepository(replica).all()),
                 QStringList{withRev(*PartnerRepository(server).find(scope))});
    }
    CustomerFilter customers;
    customers.partnerId = scope;
    customers.limit = 1000;
    QCOMPARE(withRevs(CustomerRepository(replica).list(customers)),
             withRevs(CustomerRepository(server).list(customers)));
    TemplateFilter templates;
    templates.partnerId = scope;
    templates.limit = 1000;
    QCOMPARE(withRevs(TemplateRepository(replica).list(templates)),
             withRevs(TemplateRepository(server).list(templates)));
    const QList<Application> applications =
        ApplicationRepository(server).list(std::nullopt, scope, 1000);
    QVERIFY(!applications.isEmpty());
    QCOMPARE(withRevs(ApplicationRepository(replica).list(std::nullopt, scope, 1000)),
             withRevs(applications));
    int vouchers = 0;
    for (const Application &application : applications) {
        QCOMPARE(withRev(*ApplicationRepository(replica).find(application.id)),
                 withRev(application));
        if (application.voucherId.isNull())
            continue;
        ++vouchers;
        const Voucher expected = *VoucherRepository(server).find(application.voucherId);
        const auto found = VoucherRepository(replica).find(application.voucherId);
        QVERIFY(found);
        QCOMPARE(ApiJson::toJson(*found, now), ApiJson::toJson(expected, now));
        QCOMPARE(found->rev, expected.rev);
        QCOMPARE(withRevs(VoucherRepository(replica).deductions(expected.id)),
                 withRevs(VoucherRepository(server).deductions(expected.id)));
    }
    QVERIFY(vouchers >= 2);
    QStringList products;
    for (const Product &product : ProductRepository(server).all())
        products.append(QString::fromUtf8(QJsonDocument(ApiJson::toJson(product)).toJson()));
    QStringList replicaProducts;
    for (const Product &product : ProductRepository(replica).all())
        replicaProducts.append(QString::fromUtf8(QJsonDocument(ApiJson::toJson(product)).toJson()));
    QCOMPARE(replicaProducts, products);
}

void TestReplicaApplier::replicaFollowsTheServer_data()
{
    QTest::addColumn<bool>("reviewer");
    QTest::newRow("partner manager") << false;
    QTest::newRow("reviewer") << true;
}

void TestReplicaApplier::replicaFollowsTheServer()
{
    QFETCH(bool, reviewer);
    const Actor actor = reviewer ? m_ws->reviewer : m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    const ReplicaApplier applier(*replica);
    QCOMPARE(applier.cursor(), qint64(0));

    QList<ChangeFeedPage> firstPull;
    pull(actor, *replica, kSmallLimit, &firstPull);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(firstPull.size() > 5, "small pages");
    QCOMPARE(applier.cursor(), ChangeFeed(m_ws->db(), actor).after(0, 1000, m_ws->now()).nextSince);
    verifyReplica(actor, *replica);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(foreignKeys(*replica), qint64(1));

    // The same page again, and every older one, change nothing.
    const StoreSnapshot synced(*replica);
    QVERIFY(applier.apply(firstPull.constLast()).ok());
    VD_VERIFY_UNCHANGED(synced, *replica);

    changeMore();
    const qint64 before = applier.cursor();
    QList<ChangeFeedPage> incremental;
    pull(actor, *replica, kSmallLimit, &incremental);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(applier.cursor() > before);
    QVERIFY(incremental.size() > 1);
    QVERIFY(TemplateRepository(*replica).find(m_copyId)->name == u"Spec v3"_s);
    QVERIFY(!TemplateRepository(*replica).find(m_draftId));
    verifyReplica(actor, *replica);
    if (QTest::currentTestFailed())
        return;

    const StoreSnapshot followed(*replica);
    QVERIFY(applier.apply(incremental.constLast()).ok());
    VD_VERIFY_UNCHANGED(followed, *replica);
    // Older pages hold older states of rows changed since, and the deleted template.
    for (const ChangeFeedPage &page : std::as_const(firstPull)) {
        const auto applied = applier.apply(page);
        QVERIFY2(applied.ok(), resultMessage(applied));
    }
    VD_VERIFY_UNCHANGED(followed, *replica);

    // Nothing new: an empty page keeps the cursor.
    const ChangeFeedPage nothing =
        ChangeFeed(m_ws->db(), actor).after(applier.cursor(), 7, m_ws->now());
    QVERIFY(nothing.changes.isEmpty());
    QVERIFY(applier.apply(nothing).ok());
    VD_VERIFY_UNCHANGED(followed, *replica);
}

// An application's page before its customer's and template's (the ones it refers to changed
// later), a voucher's before its application's: each row still ends as the server has it, and
// the list row is complete once everything arrived.
void TestReplicaApplier::rowsMayComeBeforeTheRowsTheyReferTo()
{
    const Actor manager = m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    pull(manager, *replica, 500);
    const ReplicaApplier applier(*replica);
    const qint64 cursor = applier.cursor();

    const QUuid customerId = addCustomer(u"Late Customer"_s, u"400000004"_s);
    const Customer customer = *CustomerRepository(m_ws->db()).find(customerId);
    const VoucherTemplate late = m_ws->createTemplate(u"Late template"_s);
    const QUuid applicationId = m_ws->submit(late.id, nullptr, &customer);
    const QUuid voucherId = m_ws->approve(applicationId);
    pay(voucherId, manager, 700);

    const ChangeFeedPage served = ChangeFeed(m_ws->db(), manager).after(cursor, 500, m_ws->now());
    QVERIFY(!served.hasMore);
    const ChangeFeedEntry *customerEntry = findEntry(served.changes, u"customer"_s, customerId);
    const ChangeFeedEntry *templateEntry = findEntry(served.changes, u"template"_s, late.id);
    const ChangeFeedEntry *applicationEntry =
        findEntry(served.changes, u"application"_s, applicationId);
    const ChangeFeedEntry *voucherEntry = findEntry(served.changes, u"voucher"_s, voucherId);
    QVERIFY(customerEntry && templateEntry && applicationEntry && voucherEntry);
    QList<ChangeFeedEntry> rest;
    for (const ChangeFeedEntry &entry : served.changes) {
        if (&entry != customerEntry && &entry != templateEntry && &entry != applicationEntry &&
            &entry != voucherEntry)
            rest.append(entry);
    }
    QVERIFY(!rest.isEmpty()); // the deduction, the partner's issued sum

    const VoucherListQuery list(*replica, VoucherListFilter{});
    QVERIFY(applier.apply({*voucherEntry}, cursor).ok());
    QVERIFY(VoucherRepository(*replica).find(voucherId));
    QVERIFY(!list.row(applicationId));

    QVERIFY(applier.apply({*applicationEntry}, cursor).ok());
    const auto early = list.row(applicationId);
    QVERIFY(early);
    const Voucher voucher = *VoucherRepository(*replica).find(voucherId);
    QCOMPARE(early->phase, VoucherListRow::Phase::Issued);
    QCOMPARE(early->voucherCode, voucher.code);
    // The voucher came as it is now: with the payment, whose own row comes later.
    QCOMPARE(early->balanceMinor, voucher.faceValueMinor - 700);
    QCOMPARE(early->expiresAt, voucher.expiresAt);
    QCOMPARE(early->templateName, u"Late template"_s);
    QCOMPARE(early->customerId, customerId);
    QVERIFY(early->customerName.isEmpty());
    // The template snapshot stands in for the template until it arrives.
    QCOMPARE(ApiJson::toJson(*ApplicationRepository(*replica).find(applicationId)),
             ApiJson::toJson(*ApplicationRepository(m_ws->db()).find(applicationId)));

    QVERIFY(applier.apply(rest, cursor).ok());
    QCOMPARE(VoucherRepository(*replica).deductions(voucherId).size(), 1);
    QVERIFY(applier.apply({*templateEntry}, cursor).ok());
    QCOMPARE(TemplateRepository(*replica).find(late.id)->rev, templateEntry->rev);
    QVERIFY(list.row(applicationId)->customerName.isEmpty());

    QVERIFY(applier.apply({*customerEntry}, served.nextSince).ok());
    QCOMPARE(list.row(applicationId)->customerName, u"Late Customer"_s);
    QCOMPARE(list.row(applicationId)->customerUin, u"400000004"_s);
    QCOMPARE(listRowText(*list.row(applicationId)),
             listRowText(*VoucherListQuery(m_ws->db(), VoucherListFilter{}).row(applicationId)));
    QCOMPARE(applier.cursor(), served.nextSince);
    verifyReplica(manager, *replica);
}

void TestReplicaApplier::aReversedPageGivesTheSameReplica()
{
    const ChangeFeedPage served =
        ChangeFeed(m_ws->db(), m_ws->reviewer).after(0, 1000, m_ws->now());
    QVERIFY(!served.hasMore);
    QList<ChangeFeedEntry> reversed = served.changes;
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(findEntry(reversed, u"application"_s, m_approvedId) <
            findEntry(reversed, u"customer"_s, m_ws->customerA.id));

    const auto replica = openReplica(u"reversed"_s);
    const auto applied = ReplicaApplier(*replica).apply(reversed, served.nextSince);
    QVERIFY2(applied.ok(), resultMessage(applied));
    verifyReplica(m_ws->reviewer, *replica);

    // And every change on a page of its own, last first.
    const auto oneByOne = openReplica(u"onebyone"_s);
    for (const ChangeFeedEntry &entry : std::as_const(reversed)) {
        const auto one = ReplicaApplier(*oneByOne).apply({entry}, entry.rev);
        QVERIFY2(one.ok(), resultMessage(one));
    }
    verifyReplica(m_ws->reviewer, *oneByOne);
}

// Each row comes as it is now, in the order of last change, so the replica may momentarily
// hold a name the server gave another row since.
void TestReplicaApplier::uniqueKeysMovingBetweenRows()
{
    const Actor manager = m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    pull(manager, *replica, 500);

    const TemplateCommands templates(as(manager));
    VoucherTemplate alpha = m_ws->createTemplate(u"Alpha"_s);
    VoucherTemplate beta = m_ws->createTemplate(u"Beta"_s);
    QList<ChangeFeedPage> created;
    pull(manager, *replica, 500, &created);
    QCOMPARE(TemplateRepository(*replica).find(alpha.id)->name, u"Alpha"_s);

    auto rename = [&](VoucherTemplate &t, const QString &name) {
        t = *TemplateRepository(m_ws->db()).find(t.id);
        t.name = name;
        const auto renamed = templates.updateTemplate(t, t.version);
        QVERIFY2(renamed.ok(), resultMessage(renamed));
    };
    rename(alpha, u"Gamma"_s);
    rename(beta, u"Alpha"_s);
    rename(alpha, u"Beta"_s);
    // The first page holds "Beta" renamed to "Alpha", still the name of the other row here,
    // whose own rename comes on the next page.
    const ReplicaApplier applier(*replica);
    const ChangeFeedPage first =
        ChangeFeed(m_ws->db(), manager).after(applier.cursor(), 1, m_ws->now());
    QCOMPARE(first.changes.size(), 1);
    QCOMPARE(first.changes.constFirst().id, text(beta.id));
    const auto applied = applier.apply(first);
    QVERIFY2(applied.ok(), resultMessage(applied));
    QCOMPARE(TemplateRepository(*replica).find(beta.id)->name, u"Alpha"_s);
    QVERIFY(!TemplateRepository(*replica).find(alpha.id));
    pull(manager, *replica, 1);
    QCOMPARE(TemplateRepository(*replica).find(alpha.id)->name, u"Beta"_s);
    QCOMPARE(TemplateRepository(*replica).find(beta.id)->name, u"Alpha"_s);
    verifyReplica(manager, *replica);

    // The page that created them, applied again: its "Alpha" is older than the row holding
    // that name now, which stays.
    const StoreSnapshot renamed(*replica);
    for (const ChangeFeedPage &page : std::as_const(created))
        QVERIFY(applier.apply(page).ok());
    VD_VERIFY_UNCHANGED(renamed, *replica);
}

void TestReplicaApplier::malformedPageIsRolledBack()
{
    const Actor reviewer = m_ws->reviewer;
    const auto replica = openReplica(u"replica"_s);
    pull(reviewer, *replica, 500);
    const ReplicaApplier applier(*replica);
    const qint64 cursor = applier.cursor();
    changeMore();
    const ChangeFeedPage served = ChangeFeed(m_ws->db(), reviewer).after(cursor, 500, m_ws->now());
    QVERIFY(served.changes.size() > 6);
    const StoreSnapshot before(*replica);

    // One bad entity after several good ones: nothing of the page stays, cursor included.
    auto corrupt = [&](const QString &entity, const std::function<void(ChangeFeedEntry &)> &edit) {
        QList<ChangeFeedEntry> changes = served.changes;
        const auto found =
            std::find_if(changes.begin(), changes.end(),
                         [&](const ChangeFeedEntry &e) { return e.entity == entity; });
        if (found == changes.end())
            qFatal("no %s in the page", qPrintable(entity));
        ChangeFeedEntry bad = *found;
        changes.erase(found);
        edit(bad);
        changes.append(bad);
        return changes;
    };
    const QList<QList<ChangeFeedEntry>> badPages = {
        corrupt(u"application"_s,
                [](ChangeFeedEntry &e) { e.data.insert(u"status"_s, u"maybe"_s); }),
        corrupt(u"voucher"_s,
                [](ChangeFeedEntry &e) { e.data.insert(u"balanceMinor"_s, u"lots"_s); }),
        corrupt(u"customer"_s, [](ChangeFeedEntry &e) { e.data.remove(u"uin"_s); }),
        corrupt(
            u"partner"_s,
            [](ChangeFeedEntry &e) { e.id = QUuid::createUuid().toString(QUuid::WithoutBraces); }),
        corrupt(u"template"_s, [](ChangeFeedEntry &e) { e.id = u"not-a-uuid"_s; }),
        corrupt(u"deduction"_s, [](ChangeFeedEntry &e) { e.data = {}; }),
    };
    for (const QList<ChangeFeedEntry> &bad : badPages) {
        const auto refused = applier.apply(bad, served.nextSince);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), u"InternalError.MalformedChange"_s);
        QVERIFY(!refused.error().message().isEmpty());
        VD_VERIFY_UNCHANGED(before, *replica);
        QCOMPARE(applier.cursor(), cursor);
        QCOMPARE(foreignKeys(*replica), qint64(1));
    }

    // The page as sent applies.
    QVERIFY(applier.apply(served).ok());
    QCOMPARE(applier.cursor(), served.nextSince);
    verifyReplica(reviewer, *replica);
}

// Only templates are deleted on the server so far; a tombstone of any other entity deletes its
// row as well, keeps the list in step, and an older page does not bring the row back.
void TestReplicaApplier::tombstonesOfAnyEntity()
{
    const Actor reviewer = m_ws->reviewer;
    const auto replica = openReplica(u"replica"_s);
    QList<ChangeFeedPage> pages;
    pull(reviewer, *replica, 500, &pages);
    const ReplicaApplier applier(*replica);
    qint64 rev = applier.cursor() + 100;
    auto tombstone = [&](const QString &entity, const QString &id) {
        return ChangeFeedEntry{entity, id, ++rev, true, {}};
    };

    const QUuid deductionId = VoucherRepository(*replica).deductions(m_voucherId).constFirst().id;
    const QList<ChangeFeedEntry> deletions = {
        tombstone(u"application"_s, text(m_pendingId)),
        tombstone(u"voucher"_s, text(m_voucherId)),
        tombstone(u"customer"_s, text(m_northwindId)),
        tombstone(u"deduction"_s, text(deductionId)),
        tombstone(u"product"_s, u"cvm"_s),
        tombstone(u"blocklistRevision"_s, u"1"_s),
        tombstone(u"user"_s, text(m_ws->managerB.userId)),
        tombstone(u"partner"_s, text(m_ws->partnerB.id)),
        tombstone(u"template"_s, text(m_copyId)),
        // An entity of a newer server: nowhere to keep it, and no reason to stop.
        ChangeFeedEntry{u"widget"_s, u"w1"_s, ++rev, false, {{u"id"_s, u"w1"_s}}},
    };
    const auto applied = applier.apply(deletions, rev);
    QVERIFY2(applied.ok(), resultMessage(applied));
    QCOMPARE(applier.cursor(), rev);

    const VoucherListQuery list(*replica, VoucherListFilter{});
    QVERIFY(!ApplicationRepository(*replica).find(m_pendingId));
    QVERIFY(!list.row(m_pendingId));
    QVERIFY(!VoucherRepository(*replica).find(m_voucherId));
    const VoucherListRow withoutVoucher = *list.row(m_approvedId);
    QVERIFY(withoutVoucher.voucherCode.isEmpty());
    QVERIFY(withoutVoucher.voucherId.isNull());
    QVERIFY(!CustomerRepository(*replica).find(m_northwindId));
    const VoucherListRow withoutCustomer = *list.row(m_invalidatedId);
    QCOMPARE(withoutCustomer.customerId, m_northwindId);
    QVERIFY(withoutCustomer.customerName.isEmpty());
    QVERIFY(!VoucherRepository(*replica).findDeduction(deductionId));
    QVERIFY(!ProductRepository(*replica).activeCodes().contains(u"cvm"_s));
    QVERIFY(!ProductRepository(*replica).blocklistRevision(1));
    QVERIFY(!UserRepository(*replica).find(m_ws->managerB.userId));
    QVERIFY(!PartnerRepository(*replica).find(m_ws->partnerB.id));
    QVERIFY(!TemplateRepository(*replica).find(m_copyId));
    QCOMPARE(foreignKeys(*replica), qint64(1));

    // Pages from before the deletions change nothing.
    const StoreSnapshot deleted(*replica);
    for (const ChangeFeedPage &page : std::as_const(pages))
        QVERIFY(applier.apply(page).ok());
    VD_VERIFY_UNCHANGED(deleted, *replica);

    // A later change of the same id brings it back (a row created again).
    const ChangeFeedEntry *customer =
        findEntry(pages.constFirst().changes, u"customer"_s, m_northwindId);
    QVERIFY(customer);
    ChangeFeedEntry again = *customer;
    again.rev = ++rev;
    QVERIFY(applier.apply({again}, rev).ok());
    QCOMPARE(CustomerRepository(*replica).find(m_northwindId)->rev, rev);
    QCOMPARE(list.row(m_invalidatedId)->customerName, u"Northwind Ltd"_s);
}

// The sync engine applies on a worker thread, with that thread's own connection: the
// foreign-key checks go off there only.
void TestReplicaApplier::appliesOnItsOwnThread()
{
    const Actor manager = m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    QCOMPARE(foreignKeys(*replica), qint64(1));
    const ChangeFeedPage served = ChangeFeed(m_ws->db(), manager).after(0, 1000, m_ws->now());
    QList<ChangeFeedEntry> reversed = served.changes;
    std::reverse(reversed.begin(), reversed.end());

    Result<void> applied = CommandError();
    qint64 workerForeignKeys = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        applied = ReplicaApplier(*replica).apply(reversed, served.nextSince);
        workerForeignKeys = foreignKeys(*replica);
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QVERIFY2(applied.ok(), resultMessage(applied));
    QCOMPARE(workerForeignKeys, qint64(1));
    QCOMPARE(foreignKeys(*replica), qint64(1));
    QCOMPARE(ReplicaApplier(*replica).cursor(), served.nextSince);
    verifyReplica(manager, *replica);
}

// The sync engine reads pages ahead on another thread (decode()) and writes the pages it has
// in one transaction with the last page's cursor: the replica is the same as page by page.
void TestReplicaApplier::pagesDecodedElsewhereApplyTogether()
{
    const Actor manager = m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    const ReplicaApplier applier(*replica);
    auto pullGrouped = [&](int pagesPerTransaction) {
        const ChangeFeed feed(m_ws->db(), manager);
        QList<QList<ReplicaApplier::DecodedChange>> decoded;
        QList<qint64> cursors;
        std::unique_ptr<QThread> reader(QThread::create([&] {
            qint64 since = applier.cursor();
            for (bool more = true; more;) {
                const auto page = ApiJsonReader::changeFeedPage(
                    wire(feed.after(since, kSmallLimit, m_ws->now())));
                decoded.append(ReplicaApplier::decode(page->changes));
                cursors.append(page->nextSince);
                since = page->nextSince;
                more = page->hasMore;
            }
        }));
        reader->start();
        QVERIFY(reader->wait(60000));
        QVERIFY(decoded.size() > 1); // several pages in a transaction
        for (qsizetype first = 0; first < decoded.size(); first += pagesPerTransaction) {
            QList<ReplicaApplier::DecodedChange> changes;
            const qsizetype end = std::min(first + pagesPerTransaction, decoded.size());
            for (qsizetype page = first; page < end; ++page)
                changes += decoded.at(page);
            const auto applied = applier.applyDecoded(changes, cursors.at(end - 1));
            QVERIFY2(applied.ok(), resultMessage(applied));
            QCOMPARE(applier.cursor(), cursors.at(end - 1));
        }
    };
    pullGrouped(3);
    if (QTest::currentTestFailed())
        return;
    verifyReplica(manager, *replica);
    if (QTest::currentTestFailed())
        return;
    // Rows changed again, a template deleted: the pages since, all in one transaction.
    changeMore();
    pullGrouped(1000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!TemplateRepository(*replica).find(m_draftId));
    verifyReplica(manager, *replica);
}

void TestReplicaApplier::joinsTheCallersTransaction()
{
    const auto replica = openReplica(u"replica"_s);
    const ChangeFeedPage served =
        ChangeFeed(m_ws->db(), m_ws->managerA).after(0, 1000, m_ws->now());
    const StoreSnapshot before(*replica);
    const ReplicaApplier applier(*replica);
    // The caller's part of the transaction fails: the page goes with it.
    replica->execute(u"PRAGMA foreign_keys = OFF"_s);
    const auto rolledBack = replica->write([&]() -> Result<void> {
        if (auto applied = applier.apply(served); !applied)
            return applied;
        return CommandError::conflict(u"Test"_s, u"the caller refuses"_s);
    });
    QVERIFY(!rolledBack.ok());
    VD_VERIFY_UNCHANGED(before, *replica);
    QCOMPARE(applier.cursor(), qint64(0));
    const auto committed = replica->write([&] { return applier.apply(served); });
    QVERIFY2(committed.ok(), qPrintable(committed.error().message()));
    QCOMPARE(applier.cursor(), served.nextSince);
}

void TestReplicaApplier::restoreReplacesTheReplicasGuess()
{
    const auto replica = openReplica(u"replica"_s);
    pull(m_ws->managerA, *replica, 50);
    const qint64 cursor = ReplicaApplier(*replica).cursor();
    // The replica's guesses: a template renamed with a revision above the server's, and one
    // the server never had.
    const auto server = TemplateRepository(m_ws->db()).find(m_specId);
    QVERIFY(server);
    replica->prepare(u"UPDATE templates SET name = 'Guessed', rev = rev + 1000000 WHERE id = :id"_s)
        .bind(u":id"_s, m_specId)
        .exec();
    VoucherTemplate ghost = *server;
    ghost.id = QUuid::createUuid();
    ghost.name = u"Never on the server"_s;
    QVERIFY(ReplicaApplier(*replica)
                .restore({{u"template"_s, ghost.id.toString(QUuid::WithoutBraces), 0, false,
                           ApiJson::toJson(ghost)}})
                .ok());
    QVERIFY(TemplateRepository(*replica).find(ghost.id));

    const Result<void> restored = ReplicaApplier(*replica).restore(
        {{u"template"_s, m_specId.toString(QUuid::WithoutBraces), 0, false,
          ApiJson::toJson(*server)},
         {u"template"_s, ghost.id.toString(QUuid::WithoutBraces), 0, true, {}}});
    QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
    QCOMPARE(TemplateRepository(*replica).find(m_specId)->name, server->name);
    QVERIFY(!TemplateRepository(*replica).find(ghost.id));
    QCOMPARE(ReplicaApplier(*replica).cursor(), cursor);
}

// A first pull fills voucher_list with its indexes and text index suspended (SyncEngine): rows
// that wait for the rows they refer to are found again without them, and once built again the
// list, its indexes and its text index are the server's.
void TestReplicaApplier::aPullWithTheListIndexesSuspended()
{
    const Actor &actor = m_ws->managerA;
    const auto replica = openReplica(u"replica"_s);
    const auto suspended = replica->write([&]() -> Result<void> {
        VoucherListIndexes::suspend(*replica);
        return {};
    });
    QVERIFY2(suspended.ok(), resultMessage(suspended));
    // Last change first, a change a page: applications before their customers, vouchers before
    // their applications.
    const ChangeFeedPage served = ChangeFeed(m_ws->db(), actor).after(0, 1000, m_ws->now());
    QVERIFY(!served.hasMore);
    QList<ChangeFeedEntry> reversed = served.changes;
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(findEntry(reversed, u"application"_s, m_approvedId) <
            findEntry(reversed, u"customer"_s, m_ws->customerA.id));
    for (const ChangeFeedEntry &entry : std::as_const(reversed)) {
        const auto one = ReplicaApplier(*replica).apply({entry}, entry.rev);
        QVERIFY2(one.ok(), resultMessage(one));
    }
    changeMore();
    pull(actor, *replica, kSmallLimit, nullptr);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!VoucherListIndexes::isComplete(*replica));

    const auto built = VoucherListIndexes::ensure(*replica);
    QVERIFY2(built.ok(), resultMessage(built));
    QVERIFY(VoucherListIndexes::isComplete(*replica));
    QSqlQuery check(replica->connection());
    QVERIFY2(check.exec(u"INSERT INTO voucher_list_text (voucher_list_text, rank) "
                        u"VALUES ('integrity-check', 1)"_s),
             qPrintable(check.lastError().text()));
    verifyReplica(actor, *replica);
    for (const QString &text : {u"Northwind"_s, u"acme"_s, u"200000"_s}) {
        VoucherListFilter filter;
        filter.partnerId = actor.partnerId;
        filter.text = text;
        const qint64 found = VoucherListQuery(*replica, filter).count(m_ws->now());
        QVERIFY(found > 0);
        QCOMPARE(found, VoucherListQuery(m_ws->db(), filter).count(m_ws->now()));
    }
}

QTEST_GUILESS_MAIN(TestReplicaApplier)
#include "tst_replicaapplier.moc"
