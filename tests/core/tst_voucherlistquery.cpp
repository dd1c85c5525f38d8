#include "core/commands/applicationcommands.h"
#include "core/commands/customercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/sqltransaction.h"
#include "core/store/storeerror.h"
#include "tests/support/queryplan.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The Vendor Voucher List read model: every status, every filter, scoping, sorting and paging,
// over one small workspace (built once) with rows in every state.
class TestVoucherListQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void rowsMatchTheirStatus();
    void statusPagesWalkTheStatusIndex_data();
    void statusPagesWalkTheStatusIndex();
    void statusCountsReadTheIndexAlone_data();
    void statusCountsReadTheIndexAlone();
    void sortsReadTheirIndex_data();
    void sortsReadTheirIndex();
    void customerPagesReadTheCustomerIndex();
    void partnerExpiringPagesWalkByDate();
    void statusFilter_data();
    void statusFilter();
    void expiryBoundary();
    void customerFilter();
    void kindFilter();
    void appliedBetween();
    void expiresBefore();
    void positiveBalance();
    void minimumBalance();
    void combinedFilters();
    void textSearch_data();
    void textSearch();
    void textSearchByVoucherCode();
    void textSearchReadsTheTextIndex();
    void textWithControlCharactersReachesNoQuerySyntax();
    void textIndexFollowsTheList();
    void partnerScoping();
    void sortOrder_data();
    void sortOrder();
    void pagingCoversEveryRowOnce_data();
    void pagingCoversEveryRowOnce();
    void seekPagingCoversEveryRowOnce_data();
    void seekPagingCoversEveryRowOnce();
    void seekPagingWithFilters();
    void seekPagingSkipsNothingInsertedMeanwhile();
    void forEachRowStreamsInOrder();
    void forEachRowStops();

private:
    void build();
    QUuid submit(const QString &label, const QUuid &templateId, const Customer &customer,
                 const Actor &manager);
    QUuid approve(const QString &label);
    void deduct(const QUuid &voucherId, qint64 amount);

    QStringList labelsOf(const QList<VoucherListRow> &rows) const;
    // The labels of the rows the query returns, in its order; checks count() on the way.
    QStringList query(const VoucherListFilter &filter, const QDateTime &now,
                      VoucherListSort sort = {}) const;
    QList<VoucherListRow> allRows() const;
    // The filter of the current addStatusRows() row: its status, for partner A or every partner.
    VoucherListFilter statusRowFilter() const;

    std::unique_ptr<TestWorkspace> m_ws;
    QRandomGenerator m_random{20261127}; // reproducible voucher codes
    QMap<QUuid, QString> m_labels;       // application id -> label
    QMap<QString, QUuid> m_ids;          // label -> application id
    QMap<QString, Customer> m_customers; // short name -> customer
    QDateTime m_t0;
    QDateTime m_early; // every voucher still in its validity
    QDateTime m_late;  // the one-day vouchers have expired
    bool m_built = false;
};

namespace {

// The status of each labelled row at m_early and at m_late.
struct Expected
{
    const char *label;
    VoucherListStatus early;
    VoucherListStatus late;
    bool partnerA;
};

const Expected kExpected[] = {
    {"pending", VoucherListStatus::PendingReview, VoucherListStatus::PendingReview, true},
    {"rejected", VoucherListStatus::Rejected, VoucherListStatus::Rejected, true},
    {"cancelled", VoucherListStatus::Cancelled, VoucherListStatus::Cancelled, true},
    {"unused", VoucherListStatus::Unused, VoucherListStatus::Unused, true},
    {"partial", VoucherListStatus::PartiallyUsed, VoucherListStatus::PartiallyUsed, true},
    {"usedUp", VoucherListStatus::UsedUp, VoucherListStatus::UsedUp, true},
    {"expired", VoucherListStatus::Unused, VoucherListStatus::Expired, true},
    {"invalidated", VoucherListStatus::Invalidated, VoucherListStatus::Invalidated, true},
    {"unused2", VoucherListStatus::Unused, VoucherListStatus::Unused, true},
    {"usedUpExpired", VoucherListStatus::UsedUp, VoucherListStatus::UsedUp, true},
    {"bPending", VoucherListStatus::PendingReview, VoucherListStatus::PendingReview, false},
    {"bUnused", VoucherListStatus::Unused, VoucherListStatus::Unused, false},
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// SQLite's order of one sort column: NULL before any value, ascending.
int compareKey(const VoucherListRow &a, const VoucherListRow &b, VoucherListSortKey key)
{
    const auto nullable = [](bool aHas, bool bHas, int valueOrder) {
        if (aHas != bHas)
            return aHas ? 1 : -1;
        return aHas ? valueOrder : 0;
    };
    switch (key) {
    case VoucherListSortKey::AppliedAt:
        return threeWay(a.appliedAt.toMSecsSinceEpoch(), b.appliedAt.toMSecsSinceEpoch());
    case VoucherListSortKey::ExpiresAt:
        return nullable(a.expiresAt.isValid(), b.expiresAt.isValid(),
                        threeWay(a.expiresAt.toMSecsSinceEpoch(), b.expiresAt.toMSecsSinceEpoch()));
    case VoucherListSortKey::Balance:
        return nullable(a.isIssued(), b.isIssued(), threeWay(a.balanceMinor, b.balanceMinor));
    case VoucherListSortKey::FaceValue:
        return threeWay(a.faceValueMinor, b.faceValueMinor);
    case VoucherListSortKey::Customer:
        return threeWay(a.customerName, b.customerName);
    case VoucherListSortKey::Code:
        return nullable(a.isIssued(), b.isIssued(), threeWay(a.voucherCode, b.voucherCode));
    }
    return 0;
}

} // namespace

void TestVoucherListQuery::initTestCase()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    build();
    QVERIFY2(m_built && !QTest::currentTestFailed(), "the list's rows could not be built");
}

void TestVoucherListQuery::cleanupTestCase()
{
    m_ws.reset();
}

QUuid TestVoucherListQuery::submit(const QString &label, const QUuid &templateId,
                                   const Customer &customer, const Actor &manager)
{
    const QUuid id = m_ws->submit(templateId, &manager, &customer);
    m_labels.insert(id, label);
    m_ids.insert(label, id);
    return id;
}

QUuid TestVoucherListQuery::approve(const QString &label)
{
    auto ctx = m_ws->context(m_ws->reviewer);
    ctx->setRandom(&m_random);
    const auto approved = ReviewCommands(*ctx).approve(m_ids.value(label));
    if (!approved.ok())
        qFatal("approve %s: %s", qPrintable(label), resultMessage(approved).constData());
    return approved.value().voucherId;
}

void TestVoucherListQuery::deduct(const QUuid &voucherId, qint64 amount)
{
    auto ctx = m_ws->context(m_ws->managerA);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = VoucherRepository(m_ws->db()).find(voucherId)->customerId;
    bill.orderId = u"ORDER-"_s + idText(voucherId);
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = amount;
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill);
    if (!paid.ok())
        qFatal("deduction: %s", resultMessage(paid).constData());
}

void TestVoucherListQuery::build()
{
    TestWorkspace &ws = *m_ws;
    m_t0 = ws.now();
    auto managerA = ws.context(ws.managerA);
    auto addCustomer = [&](const QString &key, const QString &name, const QString &uin) {
        Customer draft;
        draft.name = name;
        draft.uin = uin;
        const auto added = CustomerCommands(*managerA).addCustomer(draft);
        QVERIFY2(added.ok(), resultMessage(added));
        m_customers.insert(key, added.value());
    };
    m_customers.insert(u"acme"_s, ws.customerA);
    addCustomer(u"percent"_s, u"100% Cloud"_s, u"100200300"_s);
    addCustomer(u"underscore"_s, u"Under_score Ltd"_s, u"555000111"_s);
    addCustomer(u"underx"_s, u"Underxscore Inc"_s, u"555000222"_s);
    addCustomer(u"zeta"_s, u"zeta labs"_s, u"700000001"_s);

    const QUuid spec = ws.createTemplate(u"Spec 1000"_s, VoucherKind::Specific, 100000).id;
    const QUuid univ = ws.createTemplate(u"Univ 500"_s, VoucherKind::Universal, 50000).id;
    VoucherTemplate shortDraft;
    shortDraft.name = u"Short 2000"_s;
    shortDraft.kind = VoucherKind::Specific;
    shortDraft.faceValueMinor = 200000;
    shortDraft.currency = u"CNY"_s;
    shortDraft.validityDays = 1;
    shortDraft.productCodes = {u"cvm"_s};
    const auto shortTemplate = TemplateCommands(*managerA).createTemplate(shortDraft);
    QVERIFY2(shortTemplate.ok(), resultMessage(shortTemplate));
    const QUuid shortId = shortTemplate.value().id;
    const QUuid forB =
        ws.createTemplate(u"B template"_s, VoucherKind::Specific, 100000, &ws.managerB).id;

    auto reviewer = ws.context(ws.reviewer);
    const Actor a = ws.managerA;
    // T0
    submit(u"pending"_s, spec, m_customers[u"acme"_s], a);
    submit(u"rejected"_s, univ, m_customers[u"percent"_s], a);
    QVERIFY(ReviewCommands(*reviewer).reject(m_ids[u"rejected"_s], u"no"_s).ok());
    // T0 + 1h
    ws.advance(3600);
    submit(u"cancelled"_s, spec, m_customers[u"underscore"_s], a);
    QVERIFY(ApplicationCommands(*managerA).cancelApplication(m_ids[u"cancelled"_s]).ok());
    submit(u"unused"_s, univ, m_customers[u"underx"_s], a);
    // T0 + 2h
    ws.advance(3600);
    approve(u"unused"_s);
    submit(u"partial"_s, spec, m_customers[u"zeta"_s], a);
    deduct(approve(u"partial"_s), 30000);
    // T0 + 3h
    ws.advance(3600);
    submit(u"usedUp"_s, spec, m_customers[u"acme"_s], a);
    deduct(approve(u"usedUp"_s), 100000);
    submit(u"expired"_s, shortId, m_customers[u"percent"_s], a);
    approve(u"expired"_s);
    // T0 + 4h
    ws.advance(3600);
    submit(u"invalidated"_s, univ, m_customers[u"underscore"_s], a);
    const QUuid invalidated = approve(u"invalidated"_s);
    QVERIFY(VoucherCommands(*ws.context(ws.admin)).invalidateVoucher(invalidated).ok());
    submit(u"unused2"_s, spec, m_customers[u"acme"_s], a);
    approve(u"unused2"_s);
    submit(u"usedUpExpired"_s, shortId, m_customers[u"underx"_s], a);
    deduct(approve(u"usedUpExpired"_s), 200000);
    submit(u"bPending"_s, forB, ws.customerB, ws.managerB);
    submit(u"bUnused"_s, forB, ws.customerB, ws.managerB);
    approve(u"bUnused"_s);

    m_early = m_t0.addSecs(5 * 3600);
    m_late = m_t0.addDays(5);
    QCOMPARE(m_ids.size(), int(std::size(kExpected)));
    m_built = true;
}

QStringList TestVoucherListQuery::labelsOf(const QList<VoucherListRow> &rows) const
{
    QStringList labels;
    for (const VoucherListRow &row : rows)
        labels.append(m_labels.value(row.applicationId, u"<unknown>"_s));
    return labels;
}

QStringList TestVoucherListQuery::query(const VoucherListFilter &filter, const QDateTime &now,
                                        VoucherListSort sort) const
{
    const VoucherListQuery q(m_ws->db(), filter, sort);
    const QList<VoucherListRow> rows = q.page(0, 100, now);
    const qint64 count = q.count(now);
    if (count != rows.size()) {
        qWarning("count() is %lld but the page has %lld rows", count, qint64(rows.size()));
        return {u"<count mismatch>"_s};
    }
    return labelsOf(rows);
}

QList<VoucherListRow> TestVoucherListQuery::allRows() const
{
    return VoucherListQuery(m_ws->db(), {}).page(0, 100, m_late);
}

void TestVoucherListQuery::rowsMatchTheirStatus()
{
    const QList<VoucherListRow> rows = allRows();
    QCOMPARE(rows.size(), int(std::size(kExpected)));
    for (const Expected &e : kExpected) {
        const QString label = QString::fromLatin1(e.label);
        const auto row = VoucherListQuery(m_ws->db(), {}).row(m_ids.value(label));
        QVERIFY2(row, e.label);
        QCOMPARE(row->statusAt(m_early), e.early);
        QCOMPARE(row->statusAt(m_late), e.late);
        QCOMPARE(row->partnerId, e.partnerA ? m_ws->partnerA.id : m_ws->partnerB.id);
    }
    QVERIFY(!VoucherListQuery(m_ws->db(), {}).row(QUuid::createUuid()));
}

void TestVoucherListQuery::statusFilter_data()
{
    QTest::addColumn<VoucherListStatus>("status");
    QTest::addColumn<bool>("late");

    const VoucherListStatus statuses[] = {
        VoucherListStatus::PendingReview, VoucherListStatus::Unused,
        VoucherListStatus::PartiallyUsed, VoucherListStatus::UsedUp,
        VoucherListStatus::Expired,       VoucherListStatus::Rejected,
        VoucherListStatus::Cancelled,     VoucherListStatus::Invalidated,
    };
    for (VoucherListStatus status : statuses) {
        const QByteArray name = voucherListStatusToString(status).toUtf8();
        QTest::addRow("%s early", name.constData()) << status << false;
        QTest::addRow("%s late", name.constData()) << status << true;
    }
}

void TestVoucherListQuery::statusFilter()
{
    QFETCH(VoucherListStatus, status);
    QFETCH(bool, late);
    const QDateTime now = late ? m_late : m_early;

    for (const QUuid &partner : {m_ws->partnerA.id, m_ws->partnerB.id, QUuid()}) {
        QStringList expected;
        for (const Expected &e : kExpected) {
            const bool inScope = partner.isNull() || (partner == m_ws->partnerA.id) == e.partnerA;
            if (inScope && (late ? e.late : e.early) == status)
                expected.append(QString::fromLatin1(e.label));
        }
        VoucherListFilter filter;
        filter.partnerId = partner;
        filter.status = status;
        QCOMPARE(sorted(query(filter, now)), sorted(expected));
    }
}

void TestVoucherListQuery::expiryBoundary()
{
    const auto row = VoucherListQuery(m_ws->db(), {}).row(m_ids[u"expired"_s]);
    QVERIFY(row);
    const QDateTime expiresAt = row->expiresAt;
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.customerId = m_customers[u"percent"_s].id;

    // Usable until the millisecond before expiresAt, expired from expiresAt on, as
    // Voucher::statusAt says.
    filter.status = VoucherListStatus::Unused;
    QCOMPARE(query(filter, expiresAt.addMSecs(-1)), QStringList({u"expired"_s}));
    QCOMPARE(query(filter, expiresAt), QStringList());
    filter.status = VoucherListStatus::Expired;
    QCOMPARE(query(filter, expiresAt.addMSecs(-1)), QStringList());
    QCOMPARE(query(filter, expiresAt), QStringList({u"expired"_s}));
    QCOMPARE(row->statusAt(expiresAt), VoucherListStatus::Expired);
    QCOMPARE(row->statusAt(expiresAt.addMSecs(-1)), VoucherListStatus::Unused);

    // A partly used voucher turns expired as well.
    const auto partial = VoucherListQuery(m_ws->db(), {}).row(m_ids[u"partial"_s]);
    filter.customerId = m_customers[u"zeta"_s].id;
    filter.status = VoucherListStatus::PartiallyUsed;
    QCOMPARE(query(filter, partial->expiresAt.addMSecs(-1)), QStringList({u"partial"_s}));
    QCOMPARE(query(filter, partial->expiresAt), QStringList());
    filter.status = VoucherListStatus::Expired;
    QCOMPARE(query(filter, partial->expiresAt), QStringList({u"partial"_s}));
}

void TestVoucherListQuery::customerFilter()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.customerId = m_customers[u"percent"_s].id;
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"rejected"_s, u"expired"_s}));
    filter.customerId = m_ws->customerA.id;
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"pending"_s, u"usedUp"_s, u"unused2"_s}));
    // Another partner's customer within A's scope: nothing.
    filter.customerId = m_ws->customerB.id;
    QCOMPARE(query(filter, m_late), QStringList());
    filter.customerId = m_ws->ineligibleCustomerA.id;
    QCOMPARE(query(filter, m_late), QStringList());
}

void TestVoucherListQuery::kindFilter()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.kind = VoucherKind::Universal;
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"rejected"_s, u"unused"_s, u"invalidated"_s}));
    filter.kind = VoucherKind::Specific;
    QCOMPARE(sorted(query(filter, m_late)),
             sorted({u"pending"_s, u"cancelled"_s, u"partial"_s, u"usedUp"_s, u"expired"_s,
                     u"unused2"_s, u"usedUpExpired"_s}));
}

void TestVoucherListQuery::appliedBetween()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.appliedFrom = m_t0.addSecs(3600);   // inclusive
    filter.appliedTo = m_t0.addSecs(3 * 3600); // exclusive
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"cancelled"_s, u"unused"_s, u"partial"_s}));

    filter.appliedTo = {};
    filter.appliedFrom = m_t0.addSecs(4 * 3600);
    QCOMPARE(sorted(query(filter, m_late)),
             sorted({u"invalidated"_s, u"unused2"_s, u"usedUpExpired"_s}));

    filter.appliedFrom = {};
    filter.appliedTo = m_t0.addMSecs(1);
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"pending"_s, u"rejected"_s}));
    filter.appliedTo = m_t0;
    QCOMPARE(query(filter, m_late), QStringList());
}

void TestVoucherListQuery::expiresBefore()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.expiresBefore = m_t0.addDays(2);
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"expired"_s, u"usedUpExpired"_s}));

    // Exclusive: a voucher expiring exactly then is not "before".
    const auto expiring = VoucherListQuery(m_ws->db(), {}).row(m_ids[u"expired"_s]);
    filter.expiresBefore = expiring->expiresAt;
    QCOMPARE(query(filter, m_late), QStringList());
    filter.expiresBefore = expiring->expiresAt.addMSecs(1);
    QCOMPARE(query(filter, m_late), QStringList({u"expired"_s}));

    // Far ahead: every issued voucher, never a row without one.
    filter.expiresBefore = m_t0.addDays(400);
    QCOMPARE(sorted(query(filter, m_late)),
             sorted({u"unused"_s, u"partial"_s, u"usedUp"_s, u"expired"_s, u"invalidated"_s,
                     u"unused2"_s, u"usedUpExpired"_s}));
}

void TestVoucherListQuery::positiveBalance()
{
    // Money still spendable: an expired voucher's or a reclaimed voucher's leftover balance is
    // not, and neither is a row without a voucher.
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.positiveBalance = true;
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"unused"_s, u"partial"_s, u"unused2"_s}));
    QCOMPARE(sorted(query(filter, m_early)),
             sorted({u"unused"_s, u"partial"_s, u"expired"_s, u"unused2"_s}));

    // Spendable until the millisecond before it expires, as Voucher::statusAt says.
    const auto expiring = VoucherListQuery(m_ws->db(), {}).row(m_ids[u"expired"_s]);
    QVERIFY(expiring);
    filter.customerId = m_customers[u"percent"_s].id;
    QCOMPARE(query(filter, expiring->expiresAt.addMSecs(-1)), QStringList({u"expired"_s}));
    QCOMPARE(query(filter, expiring->expiresAt), QStringList());

    // The same as the rule applied to every row.
    filter.customerId = {};
    QStringList oracle;
    for (const VoucherListRow &row : allRows()) {
        const VoucherListStatus status = row.statusAt(m_late);
        if (row.partnerId == m_ws->partnerA.id && row.balanceMinor > 0 &&
            (status == VoucherListStatus::Unused || status == VoucherListStatus::PartiallyUsed))
            oracle.append(m_labels.value(row.applicationId));
    }
    QCOMPARE(sorted(query(filter, m_late)), sorted(oracle));
}

void TestVoucherListQuery::minimumBalance()
{
    // Spendable vouchers with at least that much left: unused 500.00, partial 700.00 of 1000.00,
    // unused2 1000.00; expired (2000.00) only while it is still in its validity.
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.minBalanceMinor = 70000;
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"partial"_s, u"unused2"_s}));
    filter.minBalanceMinor = 70001;
    QCOMPARE(query(filter, m_late), QStringList({u"unused2"_s}));
    QCOMPARE(sorted(query(filter, m_early)), sorted({u"expired"_s, u"unused2"_s}));
    filter.minBalanceMinor = 200001;
    QCOMPARE(query(filter, m_early), QStringList());

    // A minimum of one minor unit is "Balance > 0"; with both, the larger bound applies.
    filter.minBalanceMinor = 1;
    const QStringList one = query(filter, m_late);
    filter.minBalanceMinor = 0;
    filter.positiveBalance = true;
    QCOMPARE(sorted(one), sorted(query(filter, m_late)));
    filter.minBalanceMinor = 100000;
    QCOMPARE(query(filter, m_late), QStringList({u"unused2"_s}));
}

void TestVoucherListQuery::combinedFilters()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.kind = VoucherKind::Specific;
    filter.positiveBalance = true;
    filter.appliedFrom = m_t0.addSecs(2 * 3600);
    QCOMPARE(sorted(query(filter, m_late)), sorted({u"partial"_s, u"unused2"_s}));
    QCOMPARE(sorted(query(filter, m_early)), sorted({u"partial"_s, u"expired"_s, u"unused2"_s}));
    filter.status = VoucherListStatus::Unused;
    QCOMPARE(query(filter, m_late), QStringList({u"unused2"_s}));
    QCOMPARE(sorted(query(filter, m_early)), sorted({u"expired"_s, u"unused2"_s}));
    filter.text = u"acme"_s;
    QCOMPARE(query(filter, m_early), QStringList({u"unused2"_s}));
}

void TestVoucherListQuery::textSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("partnerB");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("name, other case") << u"ZETA"_s << false << QStringList{u"partial"_s};
    QTest::newRow("name, padded") << u"  zeta  "_s << false << QStringList{u"partial"_s};
    QTest::newRow("part of a name")
        << u"test co"_s << false << QStringList{u"pending"_s, u"usedUp"_s, u"unused2"_s};
    QTest::newRow("percent is literal")
        << u"%"_s << false << QStringList{u"rejected"_s, u"expired"_s};
    QTest::newRow("number with percent")
        << u"100%"_s << false << QStringList{u"rejected"_s, u"expired"_s};
    QTest::newRow("underscore is literal")
        << u"Under_"_s << false << QStringList{u"cancelled"_s, u"invalidated"_s};
    QTest::newRow("lone underscore")
        << u"_"_s << false << QStringList{u"cancelled"_s, u"invalidated"_s};
    QTest::newRow("backslash is literal") << u"\\"_s << false << QStringList{};
    QTest::newRow("UIN prefix") << u"555000"_s << false
                                << QStringList{u"cancelled"_s, u"invalidated"_s, u"unused"_s,
                                               u"usedUpExpired"_s};
    QTest::newRow("whole UIN") << u"700000001"_s << false << QStringList{u"partial"_s};
    QTest::newRow("middle of a UIN is not a match") << u"000111"_s << false << QStringList{};
    QTest::newRow("code prefix, lower case")
        << u"vv"_s << false
        << QStringList{u"unused"_s,      u"partial"_s, u"usedUp"_s,       u"expired"_s,
                       u"invalidated"_s, u"unused2"_s, u"usedUpExpired"_s};
    QTest::newRow("A's customer from B") << u"acme"_s << true << QStringList{};
    QTest::newRow("B's own customer")
        << u"beta"_s << true << QStringList{u"bPending"_s, u"bUnused"_s};
    QTest::newRow("nothing") << u"no such text"_s << false << QStringList{};
}

void TestVoucherListQuery::textSearch()
{
    QFETCH(QString, text);
    QFETCH(bool, partnerB);
    QFETCH(QStringList, expected);
    VoucherListFilter filter;
    filter.partnerId = partnerB ? m_ws->partnerB.id : m_ws->partnerA.id;
    filter.text = text;
    const QStringList actual = query(filter, m_late);
    QCOMPARE(sorted(actual), sorted(expected));

    // The same as the documented rule applied to every row in scope: part of the code or the
    // customer name (case-insensitive), or the start of the UIN.
    const QString needle = text.trimmed();
    QStringList oracle;
    for (const VoucherListRow &row : allRows()) {
        if (row.partnerId != filter.partnerId)
            continue;
        if (row.voucherCode.contains(needle, Qt::CaseInsensitive) ||
            row.customerName.contains(needle, Qt::CaseInsensitive) ||
            row.customerUin.startsWith(needle))
            oracle.append(m_labels.value(row.applicationId));
    }
    QCOMPARE(sorted(actual), sorted(oracle));
    // The count reads the text index whenever the fragment is long enough; a page only when
    // it finds few rows: both keep the same rule.
    QCOMPARE(VoucherListQuery(m_ws->db(), filter).count(m_late), qint64(oracle.size()));
}

// A rare fragment of three or more characters finds its rows through the trigram index (a LIKE
// scan read all million rows: 1.8 s), a shorter one cannot.
void TestVoucherListQuery::textSearchReadsTheTextIndex()
{
    VoucherListFilter filter;
    filter.text = u"zeta"_s;
    const VoucherListQuery query(m_ws->db(), filter);
    const QString plan = QueryPlan::of(m_ws->db(), query.pageSql());
    QVERIFY2(plan.contains(u"SCAN voucher_list_text VIRTUAL TABLE"_s), qPrintable(plan));
    QVERIFY2(plan.contains(u"SEARCH voucher_list USING INTEGER PRIMARY KEY"_s), qPrintable(plan));
    QVERIFY(query.countSql().contains(u"voucher_list_text"_s));
    filter.text = u"ze"_s;
    QVERIFY(!VoucherListQuery(m_ws->db(), filter).pageSql().contains(u"voucher_list_text"_s));
}

// A NUL ended FTS5's query string ("unterminated string": a 500 on the server); quotes and
// control characters never reach the MATCH syntax, and such a text just finds nothing.
void TestVoucherListQuery::textWithControlCharactersReachesNoQuerySyntax()
{
    for (const QString &text : {u"ze\u0000ta"_s, u"zeta\u0000"_s, u"ab\u0007cd"_s, u"ze\"ta"_s,
                                u"\"\"\""_s, u"zeta OR *"_s}) {
        VoucherListFilter filter;
        filter.text = text;
        const VoucherListQuery query(m_ws->db(), filter);
        QVERIFY(query.pageSql().contains(u"voucher_list_text"_s) || text.size() < 3);
        try {
            query.page(0, 10, m_late);
            query.count(m_late);
        } catch (const StoreError &error) {
            QFAIL(qPrintable(QString::fromLatin1(text.toUtf8().toPercentEncoding()) + u": "_s +
                             QString::fromUtf8(error.what())));
        }
    }
    QVERIFY(!VoucherListQuery::textIndexPhrase(u"a\u0000b"_s).contains(QChar(0)));
}

void TestVoucherListQuery::textSearchByVoucherCode()
{
    const auto row = VoucherListQuery(m_ws->db(), {}).row(m_ids[u"unused"_s]);
    QVERIFY(row);
    const QString code = row->voucherCode;
    QVERIFY(code.startsWith(u"VV"_s));
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.text = code.toLower();
    QCOMPARE(query(filter, m_late), QStringList({u"unused"_s}));
    filter.text = code.mid(4, 8); // digits from the middle
    QVERIFY(query(filter, m_late).contains(u"unused"_s));
    // From partner B's scope, A's code finds nothing.
    filter.partnerId = m_ws->partnerB.id;
    filter.text = code;
    QCOMPARE(query(filter, m_late), QStringList());
}

// The replica rewrites and deletes voucher_list rows (a customer renamed on the server, a row
// withdrawn); the text index follows through its triggers.
void TestVoucherListQuery::textIndexFollowsTheList()
{
    const auto search = [&](const QString &text) {
        VoucherListFilter filter;
        filter.text = text;
        return query(filter, m_late);
    };
    const QUuid partial = m_ids[u"partial"_s];
    QCOMPARE(search(u"zeta"_s), QStringList({u"partial"_s}));
    const SqlTransaction rolledBack(m_ws->db()); // the other tests share the store
    QSqlQuery sql(m_ws->db().connection());
    sql.prepare(u"UPDATE voucher_list SET customer_name = 'Omikron Labs' "
                u"WHERE application_id = :id"_s);
    sql.bindValue(u":id"_s, idText(partial));
    QVERIFY2(sql.exec(), qPrintable(sql.lastError().text()));
    QCOMPARE(search(u"zeta"_s), QStringList());
    QCOMPARE(search(u"omikron"_s), QStringList({u"partial"_s}));
    sql.prepare(u"DELETE FROM voucher_list WHERE application_id = :id"_s);
    sql.bindValue(u":id"_s, idText(partial));
    QVERIFY2(sql.exec(), qPrintable(sql.lastError().text()));
    QCOMPARE(search(u"omikron"_s), QStringList());
    QVERIFY2(sql.exec(u"INSERT INTO voucher_list_text (voucher_list_text) "
                      u"VALUES ('integrity-check')"_s),
             qPrintable(sql.lastError().text()));
}

void TestVoucherListQuery::partnerScoping()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerB.id;
    const QStringList forB = query(filter, m_late);
    QCOMPARE(sorted(forB), sorted({u"bPending"_s, u"bUnused"_s}));
    for (const VoucherListRow &row : VoucherListQuery(m_ws->db(), filter).page(0, 100, m_late))
        QCOMPARE(row.partnerId, m_ws->partnerB.id);

    filter.partnerId = m_ws->partnerA.id;
    QCOMPARE(query(filter, m_late).size(), 10);
    QVERIFY(!query(filter, m_late).contains(u"bUnused"_s));

    // A reviewer's scope (no partner) has everything.
    QCOMPARE(query({}, m_late).size(), int(std::size(kExpected)));
    // A partner with no rows sees none.
    filter.partnerId = QUuid::createUuid();
    QCOMPARE(query(filter, m_late), QStringList());
}

void TestVoucherListQuery::sortOrder_data()
{
    QTest::addColumn<VoucherListSortKey>("key");
    QTest::addColumn<bool>("descending");
    const std::pair<const char *, VoucherListSortKey> keys[] = {
        {"applied", VoucherListSortKey::AppliedAt}, {"expires", VoucherListSortKey::ExpiresAt},
        {"balance", VoucherListSortKey::Balance},   {"face", VoucherListSortKey::FaceValue},
        {"customer", VoucherListSortKey::Customer}, {"code", VoucherListSortKey::Code},
    };
    for (const auto &[name, key] : keys) {
        QTest::addRow("%s ascending", name) << key << false;
        QTest::addRow("%s descending", name) << key << true;
    }
}

void TestVoucherListQuery::sortOrder()
{
    QFETCH(VoucherListSortKey, key);
    QFETCH(bool, descending);
    const VoucherListSort sort{key, descending};
    const QList<VoucherListRow> rows = VoucherListQuery(m_ws->db(), {}, sort).page(0, 100, m_late);
    QCOMPARE(rows.size(), int(std::size(kExpected)));

    bool sawTie = false;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const VoucherListRow &a = rows.at(i - 1);
        const VoucherListRow &b = rows.at(i);
        int order = compareKey(a, b, key);
        sawTie = sawTie || order == 0;
        if (order == 0) // ties broken by the application id, in the same direction
            order = threeWay(idText(a.applicationId), idText(b.applicationId));
        if (descending)
            order = -order;
        QVERIFY2(order < 0, qPrintable(u"rows %1 (%2) and %3 (%4) are out of order"_s.arg(i - 1)
                                           .arg(m_labels.value(a.applicationId))
                                           .arg(i)
                                           .arg(m_labels.value(b.applicationId))));
    }
    QVERIFY2(sawTie, "the data has no ties on this key: the tie-break is untested");
}

void TestVoucherListQuery::pagingCoversEveryRowOnce_data()
{
    QTest::addColumn<VoucherListSortKey>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("onlyPartnerA");
    QTest::newRow("applied desc by 1") << VoucherListSortKey::AppliedAt << true << 1 << false;
    QTest::newRow("applied desc by 5") << VoucherListSortKey::AppliedAt << true << 5 << false;
    QTest::newRow("customer asc by 3") << VoucherListSortKey::Customer << false << 3 << false;
    QTest::newRow("face asc by 2, A") << VoucherListSortKey::FaceValue << false << 2 << true;
    QTest::newRow("balance desc by 4") << VoucherListSortKey::Balance << true << 4 << false;
    QTest::newRow("code asc by 7, A") << VoucherListSortKey::Code << false << 7 << true;
    QTest::newRow("expires desc by 3") << VoucherListSortKey::ExpiresAt << true << 3 << false;
}

void TestVoucherListQuery::pagingCoversEveryRowOnce()
{
    QFETCH(VoucherListSortKey, key);
    QFETCH(bool, descending);
    QFETCH(int, limit);
    QFETCH(bool, onlyPartnerA);
    VoucherListFilter filter;
    if (onlyPartnerA)
        filter.partnerId = m_ws->partnerA.id;
    const VoucherListQuery q(m_ws->db(), filter, VoucherListSort{key, descending});
    const QList<VoucherListRow> all = q.page(0, 1000, m_late);
    QCOMPARE(q.count(m_late), all.size());
    QCOMPARE(all.size(), onlyPartnerA ? 10 : int(std::size(kExpected)));

    QList<QUuid> paged;
    for (int offset = 0;; offset += limit) {
        const QList<VoucherListRow> page = q.page(offset, limit, m_late);
        QVERIFY(page.size() <= limit);
        for (const VoucherListRow &row : page)
            paged.append(row.applicationId);
        if (page.size() < limit)
            break;
        QVERIFY(offset < 1000);
    }
    QList<QUuid> expected;
    for (const VoucherListRow &row : all)
        expected.append(row.applicationId);
    QCOMPARE(paged, expected);
    QCOMPARE(QSet<QUuid>(paged.cbegin(), paged.cend()).size(), paged.size());
    // Past the end: an empty page.
    QVERIFY(q.page(int(all.size()), limit, m_late).isEmpty());
}

void TestVoucherListQuery::seekPagingCoversEveryRowOnce_data()
{
    QTest::addColumn<VoucherListSortKey>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("limit");
    const std::pair<const char *, VoucherListSortKey> keys[] = {
        {"applied", VoucherListSortKey::AppliedAt}, {"expires", VoucherListSortKey::ExpiresAt},
        {"balance", VoucherListSortKey::Balance},   {"face", VoucherListSortKey::FaceValue},
        {"customer", VoucherListSortKey::Customer}, {"code", VoucherListSortKey::Code},
    };
    // A page of one row seeks from every row, across ties and from the rows without a voucher
    // (NULL keys) to those with one and back.
    for (const auto &[name, key] : keys) {
        for (int limit : {1, 3}) {
            QTest::addRow("%s ascending by %d", name, limit) << key << false << limit;
            QTest::addRow("%s descending by %d", name, limit) << key << true << limit;
        }
    }
}

void TestVoucherListQuery::seekPagingCoversEveryRowOnce()
{
    QFETCH(VoucherListSortKey, key);
    QFETCH(bool, descending);
    QFETCH(int, limit);
    const VoucherListQuery q(m_ws->db(), {}, VoucherListSort{key, descending});
    const QList<VoucherListRow> all = q.page(0, 1000, m_late);
    QCOMPARE(all.size(), int(std::size(kExpected)));

    QList<VoucherListRow> paged = q.page(0, limit, m_late);
    while (true) {
        QVERIFY(paged.size() <= all.size());
        const QList<VoucherListRow> next = q.pageAfter(paged.constLast(), limit, m_late);
        QVERIFY(next.size() <= limit);
        paged += next;
        if (next.size() < limit)
            break;
    }
    QCOMPARE(labelsOf(paged), labelsOf(all));
    // After the last row: nothing.
    QVERIFY(q.pageAfter(all.constLast(), limit, m_late).isEmpty());
}

void TestVoucherListQuery::seekPagingWithFilters()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.kind = VoucherKind::Specific;
    for (const bool descending : {false, true}) {
        const VoucherListQuery q(m_ws->db(), filter,
                                 VoucherListSort{VoucherListSortKey::Balance, descending});
        const QList<VoucherListRow> all = q.page(0, 1000, m_late);
        QCOMPARE(all.size(), 7);
        QList<VoucherListRow> paged = q.page(0, 2, m_late);
        for (QList<VoucherListRow> next;
             !(next = q.pageAfter(paged.constLast(), 2, m_late)).isEmpty();)
            paged += next;
        QCOMPARE(labelsOf(paged), labelsOf(all));
    }
}

void TestVoucherListQuery::seekPagingSkipsNothingInsertedMeanwhile()
{
    // A row inserted before the position already read moves every later row one place down: an
    // OFFSET would show one row twice; the seek continues where the reader was.
    TestWorkspace ws;
    QVERIFY(ws.isValid());
    const QUuid templateId = ws.createTemplate(u"Seek"_s).id;
    QList<QUuid> ids;
    for (int i = 0; i < 4; ++i) {
        ws.advance(60);
        ids.append(ws.submit(templateId));
    }
    VoucherListFilter filter;
    filter.partnerId = ws.partnerA.id;
    const VoucherListQuery q(ws.db(), filter); // newest first
    const QList<VoucherListRow> first = q.page(0, 2, ws.now());
    QCOMPARE(first.constLast().applicationId, ids.at(2));
    ws.advance(60);
    const QUuid newest = ws.submit(templateId);
    const QList<VoucherListRow> next = q.pageAfter(first.constLast(), 2, ws.now());
    QCOMPARE(next.size(), 2);
    QCOMPARE(next.at(0).applicationId, ids.at(1));
    QCOMPARE(next.at(1).applicationId, ids.at(0));
    QCOMPARE(q.page(0, 1, ws.now()).constFirst().applicationId, newest);
}

void TestVoucherListQuery::forEachRowStreamsInOrder()
{
    for (const VoucherListSortKey key : {VoucherListSortKey::Customer, VoucherListSortKey::Code}) {
        VoucherListFilter filter;
        filter.partnerId = m_ws->partnerA.id;
        const VoucherListQuery q(m_ws->db(), filter, VoucherListSort{key, false});
        QList<VoucherListRow> streamed;
        const bool complete = q.forEachRow(m_late, [&](const VoucherListRow &row) {
            streamed.append(row);
            return true;
        });
        QVERIFY(complete);
        QCOMPARE(labelsOf(streamed), labelsOf(q.page(0, 1000, m_late)));
        QCOMPARE(streamed.size(), 10);
    }
    // With a filter that needs `now`.
    VoucherListFilter spendable;
    spendable.positiveBalance = true;
    QStringList labels;
    QVERIFY(VoucherListQuery(m_ws->db(), spendable).forEachRow(m_late, [&](const auto &row) {
        labels.append(m_labels.value(row.applicationId));
        return true;
    }));
    QCOMPARE(sorted(labels), sorted({u"unused"_s, u"partial"_s, u"unused2"_s, u"bUnused"_s}));
}

void TestVoucherListQuery::forEachRowStops()
{
    int visited = 0;
    const bool complete =
        VoucherListQuery(m_ws->db(), {}).forEachRow(m_late, [&](const VoucherListRow &) {
            return ++visited < 3;
        });
    QVERIFY(!complete);
    QCOMPARE(visited, 3);
}

namespace {
void addStatusRows()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("onePartner");
    for (VoucherListStatus status :
         {VoucherListStatus::PendingReview, VoucherListStatus::Unused,
          VoucherListStatus::PartiallyUsed, VoucherListStatus::UsedUp, VoucherListStatus::Expired,
          VoucherListStatus::Rejected, VoucherListStatus::Cancelled,
          VoucherListStatus::Invalidated}) {
        const QString name = voucherListStatusToString(status);
        QTest::newRow(qPrintable(u"every partner "_s + name)) << int(status) << false;
        QTest::newRow(qPrintable(u"one partner "_s + name)) << int(status) << true;
    }
}
} // namespace

VoucherListFilter TestVoucherListQuery::statusRowFilter() const
{
    QFETCH(int, status);
    QFETCH(bool, onePartner);
    VoucherListFilter filter;
    filter.status = VoucherListStatus(status);
    if (onePartner)
        filter.partnerId = m_ws->partnerA.id;
    return filter;
}

void TestVoucherListQuery::statusPagesWalkTheStatusIndex_data()
{
    addStatusRows();
}

// A list of one status, newest first, must read a page, not sort the whole status: with
// 1,000,000 rows a plan through the expiry index sorted 500,000 rows (0.5-1 s a page), and a
// walk that looked up every row it passed took 104 ms for "expired" (5 ms from the index).
void TestVoucherListQuery::statusPagesWalkTheStatusIndex()
{
    const VoucherListFilter filter = statusRowFilter();
    const QString plan = QueryPlan::of(m_ws->db(), VoucherListQuery(m_ws->db(), filter).pageSql());
    const QString index =
        filter.partnerId.isNull() ? u"vl_status_walk"_s : u"vl_partner_status_walk"_s;
    QVERIFY2(plan.contains(u"INDEX "_s + index + u" "_s), qPrintable(plan));
    QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
}

void TestVoucherListQuery::statusCountsReadTheIndexAlone_data()
{
    addStatusRows();
}

// Counting half a million expired vouchers took 1.1 s through the table and 50 ms through an
// index that holds every column of the status conditions.
void TestVoucherListQuery::statusCountsReadTheIndexAlone()
{
    const VoucherListFilter filter = statusRowFilter();
    const QString plan = QueryPlan::of(m_ws->db(), VoucherListQuery(m_ws->db(), filter).countSql());
    QVERIFY2(plan.contains(u"COVERING INDEX"_s), qPrintable(plan));
}

void TestVoucherListQuery::sortsReadTheirIndex_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("onePartner");
    const QStringList names = {u"applied"_s,    u"expires"_s,  u"balance"_s,
                               u"face value"_s, u"customer"_s, u"code"_s};
    for (int key = 0; key < names.size(); ++key) {
        for (bool onePartner : {false, true}) {
            const QString scope = onePartner ? u"one partner, "_s : u"every partner, "_s;
            QTest::newRow(qPrintable(scope + names[key] + u" ascending"_s))
                << key << false << onePartner;
            QTest::newRow(qPrintable(scope + names[key] + u" descending"_s))
                << key << true << onePartner;
        }
    }
}

// A list in any sort order reads an index in that order: sorting the 83,000 vouchers not yet
// issued (which tie on a NULL expiry) took 85 ms a page, sorting a partner's 20,000 rows 32-50.
void TestVoucherListQuery::sortsReadTheirIndex()
{
    QFETCH(int, key);
    QFETCH(bool, descending);
    QFETCH(bool, onePartner);
    VoucherListFilter filter;
    if (onePartner)
        filter.partnerId = m_ws->partnerA.id;
    const VoucherListQuery query(m_ws->db(), filter, {VoucherListSortKey(key), descending});
    const QString plan = QueryPlan::of(m_ws->db(), query.pageSql());
    QVERIFY2(plan.contains(u"INDEX"_s), qPrintable(plan));
    QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
}

// One customer's rows (a partner's customer, seen by its partner) come from the customer's
// index in date order; a plan that walked the partner's 20,000 rows in date order to find the
// customer's 100 took 37 ms.
void TestVoucherListQuery::customerPagesReadTheCustomerIndex()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.customerId = m_ws->customerA.id;
    const QString plan = QueryPlan::of(m_ws->db(), VoucherListQuery(m_ws->db(), filter).pageSql());
    QVERIFY2(plan.contains(u"INDEX vl_customer_sort_applied "_s), qPrintable(plan));
    QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
    const QString count =
        QueryPlan::of(m_ws->db(), VoucherListQuery(m_ws->db(), filter).countSql());
    QVERIFY2(count.contains(u"INDEX vl_customer_sort_applied "_s), qPrintable(count));
}

// A partner's vouchers expiring before a date, newest first: a walk of the partner's rows in
// date order, not a range of its expiry index that sorts every match (44 ms for 17,000).
void TestVoucherListQuery::partnerExpiringPagesWalkByDate()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.expiresBefore = m_late;
    const QString plan = QueryPlan::of(m_ws->db(), VoucherListQuery(m_ws->db(), filter).pageSql());
    QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
}

QTEST_GUILESS_MAIN(TestVoucherListQuery)
#include "tst_voucherlistquery.moc"
