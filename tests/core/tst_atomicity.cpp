#include "core/commands/applicationcommands.h"
#include "core/commands/customercommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/usercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// A command that fails midway leaves nothing behind: a test trigger makes one of the command's
// writes fail after others were made, and the store must be exactly as before, with an
// internal error that does not leak the store's details.
class TestAtomicity : public QObject
{
    Q_OBJECT

private slots:
    void approveFailingAtVoucherInsert();
    void approveFailingAtEachWrite_data();
    void approveFailingAtEachWrite();
    void deductionFailingAtDeductionInsert();
    void submitFailingAtVoucherListInsert();
    void auditFailureUndoesEveryCommand_data();
    void auditFailureUndoesEveryCommand();
};

namespace {

const QString kSecret = u"boom-internal-detail"_s;

void addFailingTrigger(const Database &db, const QString &name, const QString &when)
{
    StoreProbe::exec(db, u"CREATE TRIGGER %1 %2 BEGIN SELECT RAISE(ABORT, '%3'); END"_s.arg(
                             name, when, kSecret));
}

void dropTrigger(const Database &db, const QString &name)
{
    StoreProbe::exec(db, u"DROP TRIGGER %1"_s.arg(name));
}

template<typename T>
bool isCleanInternalError(const Result<T> &result)
{
    return !result.ok() && result.error().kind() == CommandError::Kind::Internal &&
           result.error().code() == u"InternalError"_s && result.error().httpStatus() == 500 &&
           !result.error().message().isEmpty() && !result.error().message().contains(kSecret) &&
           !result.error().message().contains(u"boom"_s) &&
           !result.error().message().contains(u"SQL"_s, Qt::CaseInsensitive) &&
           !result.error().message().contains(u"trigger"_s, Qt::CaseInsensitive);
}

QByteArray describe(const QString &code, const QString &message)
{
    return (code + u": "_s + message).toUtf8();
}

template<typename T>
QByteArray describe(const Result<T> &result)
{
    return result.ok() ? QByteArray("the command succeeded")
                       : describe(result.error().code(), result.error().message());
}

Deduction bill(const QUuid &voucherId, const Customer &customer, qint64 amount)
{
    Deduction d;
    d.voucherId = voucherId;
    d.customerId = customer.id;
    d.orderId = u"ORDER-1"_s;
    d.productCode = u"cvm"_s;
    d.payMode = PayMode::Prepaid;
    d.orderAmountMinor = amount;
    return d;
}

} // namespace

void TestAtomicity::approveFailingAtVoucherInsert()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Atomic"_s);
    const QUuid appId = ws.submit(t.id);
    addFailingTrigger(ws.db(), u"fail_voucher"_s, u"BEFORE INSERT ON vouchers"_s);
    auto ctx = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());
    const qint64 auditBefore = AuditLog(ws.db()).count();
    const qint64 issuedBefore = PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor;

    const auto failed = ReviewCommands(*ctx).approve(appId, u"fine"_s);
    QVERIFY2(isCleanInternalError(failed), describe(failed).constData());
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(ApplicationRepository(ws.db()).find(appId)->status, ApplicationStatus::PendingReview);
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor, issuedBefore);
    QCOMPARE(AuditLog(ws.db()).count(), auditBefore);
    QCOMPARE(VoucherListQuery(ws.db(), {}).row(appId)->phase, VoucherListRow::Phase::PendingReview);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), 0);

    // The failure was the trigger's: without it the same approval goes through.
    dropTrigger(ws.db(), u"fail_voucher"_s);
    const auto approved = ReviewCommands(*ctx).approve(appId, u"fine"_s);
    QVERIFY2(approved.ok(), resultMessage(approved));
}

void TestAtomicity::approveFailingAtEachWrite_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("application update") << u"BEFORE UPDATE ON applications"_s;
    QTest::newRow("quota update") << u"BEFORE UPDATE ON partners"_s;
    QTest::newRow("voucher insert") << u"AFTER INSERT ON vouchers"_s;
    QTest::newRow("voucher list update") << u"BEFORE UPDATE ON voucher_list"_s;
    QTest::newRow("audit insert") << u"AFTER INSERT ON audit_events"_s;
    QTest::newRow("change counter") << u"BEFORE UPDATE ON change_counter"_s;
}

void TestAtomicity::approveFailingAtEachWrite()
{
    QFETCH(QString, when);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Atomic"_s, VoucherKind::Universal);
    const QUuid appId = ws.submit(t.id);
    addFailingTrigger(ws.db(), u"fail_step"_s, when);
    auto ctx = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());

    const auto failed = ReviewCommands(*ctx).approve(appId);
    QVERIFY2(isCleanInternalError(failed), describe(failed).constData());
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestAtomicity::deductionFailingAtDeductionInsert()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Paid"_s);
    const QUuid voucherId = ws.approve(ws.submit(t.id));
    addFailingTrigger(ws.db(), u"fail_deduction"_s, u"BEFORE INSERT ON deductions"_s);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto failed = VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws.customerA, 30000));
    QVERIFY2(isCleanInternalError(failed), describe(failed).constData());
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(VoucherRepository(ws.db()).find(voucherId)->balanceMinor, t.faceValueMinor);
    QVERIFY(VoucherRepository(ws.db()).deductions(voucherId).isEmpty());

    dropTrigger(ws.db(), u"fail_deduction"_s);
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill(voucherId, ws.customerA, 30000));
    QVERIFY2(paid.ok(), resultMessage(paid));
    QCOMPARE(VoucherRepository(ws.db()).find(voucherId)->balanceMinor, t.faceValueMinor - 30000);
}

void TestAtomicity::submitFailingAtVoucherListInsert()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Never submitted"_s);
    addFailingTrigger(ws.db(), u"fail_list"_s, u"BEFORE INSERT ON voucher_list"_s);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    SubmitApplicationRequest request;
    request.id = QUuid::createUuid();
    request.templateId = t.id;
    request.customerId = ws.customerA.id;
    request.scenario = u"A scenario long enough to be accepted."_s;
    const auto failed = ApplicationCommands(*ctx).submitApplication(request);
    QVERIFY2(isCleanInternalError(failed), describe(failed).constData());
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(!ApplicationRepository(ws.db()).find(request.id));
    QVERIFY(!TemplateRepository(ws.db()).find(t.id)->locked);

    // The client's retry with the same id succeeds once the store works again.
    dropTrigger(ws.db(), u"fail_list"_s);
    const auto submitted = ApplicationCommands(*ctx).submitApplication(request);
    QVERIFY2(submitted.ok(), resultMessage(submitted));
    QVERIFY(TemplateRepository(ws.db()).find(t.id)->locked);
}

void TestAtomicity::auditFailureUndoesEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *name :
         {"createTemplate", "updateTemplate", "duplicateTemplate", "deleteTemplate", "addCustomer",
          "submitApplication", "cancelApplication", "approve", "reject", "recordDeduction",
          "invalidateVoucher", "addPartner", "setQuota", "addUser"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestAtomicity::auditFailureUndoesEveryCommand()
{
    QFETCH(QString, command);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate unused = ws.createTemplate(u"Unused"_s);
    const VoucherTemplate used = ws.createTemplate(u"Used"_s);
    const QUuid pending = ws.submit(used.id);
    const QUuid voucherId = ws.approve(ws.submit(used.id));
    addFailingTrigger(ws.db(), u"fail_audit"_s, u"BEFORE INSERT ON audit_events"_s);
    auto manager = ws.context(ws.managerA);
    auto reviewer = ws.context(ws.reviewer);
    auto admin = ws.context(ws.admin);
    const StoreSnapshot before(ws.db());

    // Every command writes its audit event in its own transaction: when the event cannot be
    // written, the change is undone too.
    bool ok = true;
    QString code;
    QString message;
    auto take = [&](const auto &result) {
        ok = result.ok();
        if (!ok) {
            code = result.error().code();
            message = result.error().message();
        }
    };
    if (command == u"createTemplate"_s) {
        VoucherTemplate draft = unused;
        draft.id = QUuid();
        draft.name = u"New"_s;
        take(TemplateCommands(*manager).createTemplate(draft));
    } else if (command == u"updateTemplate"_s) {
        VoucherTemplate edit = unused;
        edit.note = u"changed"_s;
        take(TemplateCommands(*manager).updateTemplate(edit, 1));
    } else if (command == u"duplicateTemplate"_s) {
        take(TemplateCommands(*manager).duplicateTemplate(used.id, QUuid()));
    } else if (command == u"deleteTemplate"_s) {
        take(TemplateCommands(*manager).deleteTemplate(unused.id));
    } else if (command == u"addCustomer"_s) {
        Customer c;
        c.name = u"New Customer"_s;
        c.uin = u"98765"_s;
        take(CustomerCommands(*manager).addCustomer(c));
    } else if (command == u"submitApplication"_s) {
        take(ApplicationCommands(*manager).submitApplication(
            {QUuid(), unused.id, ws.customerA.id, u"A scenario long enough."_s}));
    } else if (command == u"cancelApplication"_s) {
        take(ApplicationCommands(*manager).cancelApplication(pending));
    } else if (command == u"approve"_s) {
        take(ReviewCommands(*reviewer).approve(pending));
    } else if (command == u"reject"_s) {
        take(ReviewCommands(*reviewer).reject(pending, u"reason"_s));
    } else if (command == u"recordDeduction"_s) {
        take(VoucherCommands(*manager).recordDeduction(bill(voucherId, ws.customerA, 100)));
    } else if (command == u"invalidateVoucher"_s) {
        take(VoucherCommands(*admin).invalidateVoucher(voucherId));
    } else if (command == u"addPartner"_s) {
        take(PartnerCommands(*admin).addPartner({QUuid(), u"New"_s, 1, 0, u"CNY"_s, {}, 0}));
    } else if (command == u"setQuota"_s) {
        take(PartnerCommands(*admin).setQuota(ws.partnerB.id, 1));
    } else if (command == u"addUser"_s) {
        NewUser user;
        user.login = u"new.user"_s;
        user.role = Role::Reviewer;
        user.password = u"long enough"_s;
        take(UserCommands(*admin, PasswordHasher(PasswordHasher::Cost::Minimal)).addUser(user));
    } else {
        QFAIL("unknown command");
    }

    QVERIFY2(!ok, "the command succeeded without its audit event");
    QCOMPARE(code, u"InternalError"_s);
    QVERIFY2(!message.contains(kSecret), qPrintable(message));
    VD_VERIFY_UNCHANGED(before, ws.db());
}

QTEST_GUILESS_MAIN(TestAtomicity)
#include "tst_atomicity.moc"
