#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// RecordDeduction and InvalidateVoucher through the store.
class TestVoucherCommands : public QObject
{
    Q_OBJECT

private slots:
    void partialDeductionsUseTheVoucherUp();
    void deductionAudit();
    void refusalsLeaveTheBalance_data();
    void refusalsLeaveTheBalance();
    void usableUntilJustBeforeExpiry();
    void minSpendIsInclusive();
    void matchingPayModeIsAccepted();
    void blockedProductOnUniversalVoucher();
    void deductionOfInvisibleVoucher();
    void idempotentDeduction();
    void idempotentDeductionConflicts();

    void invalidate();
    void invalidateTwiceIsRefused();
    void invalidateUsedUpReturnsNothing();
    void invalidateByOtherRolesIsUnauthorized_data();
    void invalidateByOtherRolesIsUnauthorized();
    void invalidateUnknownVoucher();
};

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A voucher of partner A for customerA: 1,000.00 CNY, prepaid bills only, minimum spend
// 50.00, cvm and cos, valid 30 days.
QUuid issuePrepaidVoucher(TestWorkspace &ws)
{
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate draft;
    draft.name = u"Prepaid CVM"_s;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 100000;
    draft.currency = u"CNY"_s;
    draft.validityDays = 30;
    draft.minSpendMinor = 5000;
    draft.payMode = PayMode::Prepaid;
    draft.productCodes = {u"cvm"_s, u"cos"_s};
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    if (!created.ok())
        qFatal("cannot create the template: %s", resultMessage(created).constData());
    return ws.approve(ws.submit(created.value().id));
}

Deduction bill(const QUuid &voucherId, const TestWorkspace &ws, qint64 amount,
               const QString &orderId = u"ORDER-1"_s)
{
    Deduction d;
    d.voucherId = voucherId;
    d.customerId = ws.customerA.id;
    d.orderId = orderId;
    d.productCode = u"cvm"_s;
    d.payMode = PayMode::Prepaid;
    d.orderAmountMinor = amount;
    return d;
}

Voucher voucherOf(const TestWorkspace &ws, const QUuid &id)
{
    return *VoucherRepository(ws.db()).find(id);
}

qint64 issuedOfA(const TestWorkspace &ws)
{
    return PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor;
}

} // namespace

void TestVoucherCommands::partialDeductionsUseTheVoucherUp()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    const QUuid applicationId = voucherOf(ws, voucherId).applicationId;
    auto ctx = ws.context(ws.managerA);
    QCOMPARE(voucherOf(ws, voucherId).statusAt(ws.now()), VoucherStatus::Unused);

    struct Step
    {
        qint64 order;
        qint64 deducted;
        qint64 balance;
        VoucherStatus status;
        VoucherListStatus listStatus;
    };
    const Step steps[] = {
        {30000, 30000, 70000, VoucherStatus::PartiallyUsed, VoucherListStatus::PartiallyUsed},
        {69999, 69999, 1, VoucherStatus::PartiallyUsed, VoucherListStatus::PartiallyUsed},
        // Only the balance is deducted from a larger bill.
        {90000, 1, 0, VoucherStatus::UsedUp, VoucherListStatus::UsedUp},
    };
    int n = 0;
    for (const Step &step : steps) {
        ws.advance(60);
        const auto result = VoucherCommands(*ctx).recordDeduction(
            bill(voucherId, ws, step.order, u"ORDER-%1"_s.arg(++n)));
        QVERIFY2(result.ok(), resultMessage(result));
        QCOMPARE(result.value().deductedMinor, step.deducted);
        QCOMPARE(result.value().orderAmountMinor, step.order);
        QCOMPARE(result.value().at, ws.now());
        QCOMPARE(result.value().actorId, ws.managerA.userId);
        const Voucher v = voucherOf(ws, voucherId);
        QCOMPARE(v.balanceMinor, step.balance);
        QCOMPARE(v.statusAt(ws.now()), step.status);
        const auto row = VoucherListQuery(ws.db(), {}).row(applicationId);
        QCOMPARE(row->balanceMinor, step.balance);
        QCOMPARE(row->statusAt(ws.now()), step.listStatus);
    }

    const auto deductions = VoucherRepository(ws.db()).deductions(voucherId);
    QCOMPARE(deductions.size(), 3);
    QCOMPARE(deductions.at(0).deductedMinor + deductions.at(1).deductedMinor +
                 deductions.at(2).deductedMinor,
             100000);
    QCOMPARE(deductions.at(2).orderId, u"ORDER-3"_s);
    // Deductions do not touch the quota: issued counts face values.
    QCOMPARE(issuedOfA(ws), 100000);

    // Used up: nothing more can be paid.
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 6000, u"X"_s)),
                    u"FailedOperation.VoucherNotUsable"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestVoucherCommands::deductionAudit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    Deduction request = bill(voucherId, ws, 12345, u"  ORD-77  "_s);
    request.productCode = u" cos "_s;

    const auto result = VoucherCommands(*ctx).recordDeduction(request);
    QVERIFY2(result.ok(), resultMessage(result));
    QVERIFY(!result.value().id.isNull());
    QCOMPARE(result.value().orderId, u"ORD-77"_s);
    QCOMPARE(result.value().productCode, u"cos"_s);
    const auto stored = VoucherRepository(ws.db()).findDeduction(result.value().id);
    QVERIFY(stored);
    QCOMPARE(stored->voucherId, voucherId);
    QCOMPARE(stored->customerId, ws.customerA.id);
    QCOMPARE(stored->orderId, u"ORD-77"_s);
    QCOMPARE(stored->productCode, u"cos"_s);
    QCOMPARE(stored->payMode, PayMode::Prepaid);
    QCOMPARE(stored->orderAmountMinor, 12345);
    QCOMPARE(stored->deductedMinor, 12345);
    QCOMPARE(stored->at, ws.now());
    QCOMPARE(stored->rev, voucherOf(ws, voucherId).rev);

    const auto events = AuditLog(ws.db()).eventsFor(u"Voucher"_s, idText(voucherId));
    QCOMPARE(events.size(), 2); // IssueVoucher, RecordDeduction
    QCOMPARE(events.last().action, u"RecordDeduction"_s);
    QCOMPARE(events.last().actorId, ws.managerA.userId);
    QCOMPARE(events.last().details.value(u"deductedMinor"_s).toInteger(), 12345);
    QCOMPARE(events.last().details.value(u"balanceMinor"_s).toInteger(), 100000 - 12345);
    QCOMPARE(events.last().details.value(u"orderId"_s).toString(), u"ORD-77"_s);
    QCOMPARE(events.last().details.value(u"deductionId"_s).toString(), idText(stored->id));
}

void TestVoucherCommands::refusalsLeaveTheBalance_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("code");

    QTest::newRow("another customer") << u"customer"_s << u"FailedOperation.CustomerMismatch"_s;
    QTest::newRow("expired") << u"expired"_s << u"FailedOperation.VoucherNotUsable"_s;
    QTest::newRow("long expired") << u"longExpired"_s << u"FailedOperation.VoucherNotUsable"_s;
    QTest::newRow("product not covered") << u"product"_s << u"FailedOperation.ProductNotCovered"_s;
    QTest::newRow("pay mode") << u"payMode"_s << u"FailedOperation.PayModeMismatch"_s;
    QTest::newRow("below min spend") << u"minSpend"_s << u"FailedOperation.BelowMinSpend"_s;
    QTest::newRow("unknown product") << u"unknownProduct"_s << u"InvalidParameter.ProductCode"_s;
    QTest::newRow("no order id") << u"orderId"_s << u"InvalidParameter.OrderId"_s;
    QTest::newRow("65-char order id") << u"longOrderId"_s << u"InvalidParameter.OrderId"_s;
    QTest::newRow("zero amount") << u"zero"_s << u"InvalidParameter.OrderAmountMinor"_s;
    QTest::newRow("negative amount") << u"negative"_s << u"InvalidParameter.OrderAmountMinor"_s;
    QTest::newRow("bill pay mode all") << u"payModeAll"_s << u"InvalidParameter.PayMode"_s;
    QTest::newRow("no customer") << u"noCustomer"_s << u"InvalidParameter.CustomerId"_s;
    QTest::newRow("no product") << u"noProduct"_s << u"InvalidParameter.ProductCode"_s;
}

void TestVoucherCommands::refusalsLeaveTheBalance()
{
    QFETCH(QString, change);
    QFETCH(QString, code);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    // Partly used first, so that "unchanged" is not just "still full".
    QVERIFY(VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 10000, u"FIRST"_s)).ok());
    const Voucher voucher = voucherOf(ws, voucherId);

    Deduction request = bill(voucherId, ws, 20000, u"SECOND"_s);
    if (change == u"customer"_s)
        request.customerId = ws.ineligibleCustomerA.id;
    else if (change == u"expired"_s)
        ws.setNow(voucher.expiresAt);
    else if (change == u"longExpired"_s)
        ws.setNow(voucher.expiresAt.addDays(400));
    else if (change == u"product"_s)
        request.productCode = u"cdn"_s;
    else if (change == u"payMode"_s)
        request.payMode = PayMode::Postpaid;
    else if (change == u"minSpend"_s)
        request.orderAmountMinor = 4999;
    else if (change == u"unknownProduct"_s)
        request.productCode = u"no-such-product"_s;
    else if (change == u"orderId"_s)
        request.orderId = u"   "_s;
    else if (change == u"longOrderId"_s)
        request.orderId = QString(65, u'o');
    else if (change == u"zero"_s)
        request.orderAmountMinor = 0;
    else if (change == u"negative"_s)
        request.orderAmountMinor = -100;
    else if (change == u"payModeAll"_s)
        request.payMode = PayMode::All;
    else if (change == u"noCustomer"_s)
        request.customerId = QUuid();
    else if (change == u"noProduct"_s)
        request.productCode = QString();

    const StoreSnapshot before(ws.db());
    const auto refused = VoucherCommands(*ctx).recordDeduction(request);
    VD_EXPECT_ERROR(refused, code);
    QVERIFY(!refused.error().message().isEmpty());
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(voucherOf(ws, voucherId).balanceMinor, 90000);
    QCOMPARE(VoucherRepository(ws.db()).deductions(voucherId).size(), 1);
}

void TestVoucherCommands::usableUntilJustBeforeExpiry()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    const Voucher voucher = voucherOf(ws, voucherId);
    ws.setNow(voucher.expiresAt.addMSecs(-1));
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 6000));
    QVERIFY2(paid.ok(), resultMessage(paid));
    ws.setNow(voucher.expiresAt);
    VD_EXPECT_ERROR(VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 6000, u"2"_s)),
                    u"FailedOperation.VoucherNotUsable"_s);
    QCOMPARE(voucherOf(ws, voucherId).statusAt(ws.now()), VoucherStatus::Expired);
}

void TestVoucherCommands::minSpendIsInclusive()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 5000));
    QVERIFY2(paid.ok(), resultMessage(paid));
    QCOMPARE(paid.value().deductedMinor, 5000);
}

void TestVoucherCommands::matchingPayModeIsAccepted()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    // The fixture's vouchers take every pay mode.
    const VoucherTemplate t = ws.createTemplate(u"Any mode"_s);
    const QUuid voucherId = ws.approve(ws.submit(t.id));
    auto ctx = ws.context(ws.managerA);
    Deduction prepaid = bill(voucherId, ws, 100, u"P1"_s);
    Deduction postpaid = bill(voucherId, ws, 200, u"P2"_s);
    postpaid.payMode = PayMode::Postpaid;
    QVERIFY(VoucherCommands(*ctx).recordDeduction(prepaid).ok());
    QVERIFY(VoucherCommands(*ctx).recordDeduction(postpaid).ok());
    QCOMPARE(voucherOf(ws, voucherId).balanceMinor, t.faceValueMinor - 300);
}

void TestVoucherCommands::blockedProductOnUniversalVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Universal"_s, VoucherKind::Universal);
    const QUuid voucherId = ws.approve(ws.submit(t.id));
    auto ctx = ws.context(ws.managerA);

    Deduction blocked = bill(voucherId, ws, 100);
    blocked.productCode = u"sms"_s;
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(VoucherCommands(*ctx).recordDeduction(blocked),
                    u"FailedOperation.ProductNotCovered"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());

    Deduction covered = bill(voucherId, ws, 100, u"OK"_s);
    covered.productCode = u"cdn"_s;
    const auto paid = VoucherCommands(*ctx).recordDeduction(covered);
    QVERIFY2(paid.ok(), resultMessage(paid));
}

void TestVoucherCommands::deductionOfInvisibleVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    const StoreSnapshot before(ws.db());

    Deduction byB = bill(voucherId, ws, 6000);
    byB.customerId = ws.customerB.id;
    const auto foreign = VoucherCommands(*ws.context(ws.managerB)).recordDeduction(byB);
    VD_EXPECT_ERROR(foreign, u"ResourceNotFound.Voucher"_s);
    QCOMPARE(foreign.error().httpStatus(), 404);
    VD_EXPECT_ERROR(VoucherCommands(*ws.context(ws.managerA))
                        .recordDeduction(bill(QUuid::createUuid(), ws, 6000)),
                    u"ResourceNotFound.Voucher"_s);
    VD_EXPECT_ERROR(
        VoucherCommands(*ws.context(ws.reviewer)).recordDeduction(bill(voucherId, ws, 6000)),
        u"UnauthorizedOperation"_s);
    VD_EXPECT_ERROR(
        VoucherCommands(*ws.context(ws.admin)).recordDeduction(bill(voucherId, ws, 6000)),
        u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestVoucherCommands::idempotentDeduction()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    Deduction request = bill(voucherId, ws, 30000);
    request.id = QUuid::createUuid();

    const auto first = VoucherCommands(*ctx).recordDeduction(request);
    QVERIFY2(first.ok(), resultMessage(first));
    QCOMPARE(first.value().id, request.id);
    const StoreSnapshot before(ws.db());
    ws.advance(600);

    const auto retry = VoucherCommands(*ctx).recordDeduction(request);
    QVERIFY2(retry.ok(), resultMessage(retry));
    QCOMPARE(retry.value().id, request.id);
    QCOMPARE(retry.value().deductedMinor, 30000);
    QCOMPARE(retry.value().at, first.value().at);
    QCOMPARE(retry.value().rev, first.value().rev);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(voucherOf(ws, voucherId).balanceMinor, 70000);

    // Still the first answer after the voucher changed and even after it expired.
    QVERIFY(VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws, 20000, u"B"_s)).ok());
    ws.setNow(voucherOf(ws, voucherId).expiresAt.addDays(1));
    const auto late = VoucherCommands(*ctx).recordDeduction(request);
    QVERIFY2(late.ok(), resultMessage(late));
    QCOMPARE(late.value().deductedMinor, 30000);
    QCOMPARE(voucherOf(ws, voucherId).balanceMinor, 50000);
    QCOMPARE(VoucherRepository(ws.db()).deductions(voucherId).size(), 2);
}

void TestVoucherCommands::idempotentDeductionConflicts()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.managerA);
    Deduction request = bill(voucherId, ws, 30000);
    request.id = QUuid::createUuid();
    QVERIFY(VoucherCommands(*ctx).recordDeduction(request).ok());
    const StoreSnapshot before(ws.db());

    Deduction changed = request;
    changed.orderAmountMinor = 30001;
    VD_EXPECT_ERROR(VoucherCommands(*ctx).recordDeduction(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    changed = request;
    changed.orderId = u"ORDER-2"_s;
    VD_EXPECT_ERROR(VoucherCommands(*ctx).recordDeduction(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    // Partner B replaying A's deduction id learns nothing.
    VD_EXPECT_ERROR(VoucherCommands(*ws.context(ws.managerB)).recordDeduction(request),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(voucherOf(ws, voucherId).balanceMinor, 70000);
}

void TestVoucherCommands::invalidate()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    const QUuid applicationId = voucherOf(ws, voucherId).applicationId;
    auto managerCtx = ws.context(ws.managerA);
    QVERIFY(VoucherCommands(*managerCtx).recordDeduction(bill(voucherId, ws, 30000)).ok());
    QCOMPARE(issuedOfA(ws), 100000);
    ws.advance(3600);
    auto ctx = ws.context(ws.admin);

    const auto invalidated = VoucherCommands(*ctx).invalidateVoucher(voucherId, u" fraud "_s);
    QVERIFY2(invalidated.ok(), resultMessage(invalidated));
    QCOMPARE(invalidated.value().invalidatedAt, ws.now());
    QCOMPARE(invalidated.value().statusAt(ws.now()), VoucherStatus::Invalidated);
    QCOMPARE(invalidated.value().balanceMinor, 70000); // the record keeps what was left
    QCOMPARE(voucherOf(ws, voucherId).invalidatedAt, ws.now());
    // The unused balance returns to the quota pool.
    QCOMPARE(issuedOfA(ws), 30000);

    const auto row = VoucherListQuery(ws.db(), {}).row(applicationId);
    QCOMPARE(row->phase, VoucherListRow::Phase::Invalidated);
    QCOMPARE(row->statusAt(ws.now()), VoucherListStatus::Invalidated);

    const auto events = AuditLog(ws.db()).eventsFor(u"Voucher"_s, idText(voucherId));
    QCOMPARE(events.last().action, u"InvalidateVoucher"_s);
    QCOMPARE(events.last().actorId, ws.admin.userId);
    QCOMPARE(events.last().details.value(u"returnedMinor"_s).toInteger(), 70000);
    QCOMPARE(events.last().details.value(u"reason"_s).toString(), u"fraud"_s);

    // Nothing can be paid with it any more.
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(
        VoucherCommands(*managerCtx).recordDeduction(bill(voucherId, ws, 6000, u"AFTER"_s)),
        u"FailedOperation.VoucherNotUsable"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestVoucherCommands::invalidateTwiceIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    auto ctx = ws.context(ws.admin);
    QVERIFY(VoucherCommands(*ctx).invalidateVoucher(voucherId).ok());
    QCOMPARE(issuedOfA(ws), 0);

    const StoreSnapshot before(ws.db());
    const auto again = VoucherCommands(*ctx).invalidateVoucher(voucherId);
    VD_EXPECT_ERROR(again, u"FailedOperation.VoucherInvalidated"_s);
    QCOMPARE(again.error().httpStatus(), 409);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(issuedOfA(ws), 0); // the balance is not returned twice
}

void TestVoucherCommands::invalidateUsedUpReturnsNothing()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    QVERIFY(VoucherCommands(*ws.context(ws.managerA))
                .recordDeduction(bill(voucherId, ws, 100000))
                .ok());
    const auto invalidated = VoucherCommands(*ws.context(ws.admin)).invalidateVoucher(voucherId);
    QVERIFY2(invalidated.ok(), resultMessage(invalidated));
    QCOMPARE(issuedOfA(ws), 100000);
    QCOMPARE(invalidated.value().statusAt(ws.now()), VoucherStatus::Invalidated);
}

void TestVoucherCommands::invalidateByOtherRolesIsUnauthorized_data()
{
    QTest::addColumn<int>("who");
    QTest::newRow("owning manager") << 0;
    QTest::newRow("other manager") << 1;
    QTest::newRow("reviewer") << 2;
}

void TestVoucherCommands::invalidateByOtherRolesIsUnauthorized()
{
    QFETCH(int, who);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = issuePrepaidVoucher(ws);
    const Actor actors[] = {ws.managerA, ws.managerB, ws.reviewer};
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(VoucherCommands(*ws.context(actors[who])).invalidateVoucher(voucherId),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestVoucherCommands::invalidateUnknownVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(VoucherCommands(*ws.context(ws.admin)).invalidateVoucher(QUuid::createUuid()),
                    u"ResourceNotFound.Voucher"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

QTEST_GUILESS_MAIN(TestVoucherCommands)
#include "tst_vouchercommands.moc"
