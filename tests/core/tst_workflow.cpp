#include "core/commands/vouchercommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The whole flow of DESIGN.md section 1 through core: template, application, review, payment.
class TestWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void templateToPayment();
};

void TestWorkflow::templateToPayment()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));

    const VoucherTemplate tmpl = ws.createTemplate(u"Trial CVM 1000"_s);
    QVERIFY(!tmpl.locked);
    const QUuid applicationId = ws.submit(tmpl.id);
    QVERIFY(TemplateRepository(ws.db()).find(tmpl.id)->locked);

    const auto pending = ApplicationRepository(ws.db()).find(applicationId);
    QCOMPARE(pending->status, ApplicationStatus::PendingReview);
    // Submitted Fri 27 Nov 10:00 Shanghai: due Wed 2 Dec 23:59:59 Shanghai.
    QCOMPARE(pending->reviewDueAt, QDateTime(QDate(2026, 12, 2), QTime(15, 59, 59), Qt::UTC));

    ws.advance(3600);
    const QUuid voucherId = ws.approve(applicationId);
    const auto voucher = VoucherRepository(ws.db()).find(voucherId);
    QVERIFY(voucher);
    QCOMPARE(voucher->balanceMinor, 100000);
    QCOMPARE(voucher->expiresAt, ws.now().addDays(30));
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor, 100000);

    auto ctx = ws.context(ws.managerA);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 30000;
    const auto deduction = VoucherCommands(*ctx).recordDeduction(bill);
    QVERIFY2(deduction.ok(), resultMessage(deduction));
    QCOMPARE(deduction.value().deductedMinor, 30000);

    VoucherListFilter filter;
    filter.partnerId = ws.partnerA.id;
    filter.status = VoucherListStatus::PartiallyUsed;
    const auto rows = VoucherListQuery(ws.db(), filter).page(0, 50, ws.now());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().balanceMinor, 70000);
    QCOMPARE(rows.first().voucherCode, voucher->code);
    QVERIFY(AuditLog(ws.db()).count() > 5);
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
