#include "core/commands/applicationcommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/templaterepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// SubmitApplication and CancelApplication through the store.
class TestApplicationCommands : public QObject
{
    Q_OBJECT

private slots:
    void submit();
    void submitSnapshotsTheLockedTemplate();
    void secondSubmitDoesNotLockAgain();
    void reviewDueAt_data();
    void reviewDueAt();
    void ineligibleCustomerIsRefused();
    void scenarioLength_data();
    void scenarioLength();
    void missingIdsAreFieldErrors();
    void otherPartnersIdsAreNotFound();
    void submitByOtherRolesIsUnauthorized_data();
    void submitByOtherRolesIsUnauthorized();
    void quotaIsNotCheckedAtSubmission();
    void idempotentSubmit();
    void idempotentSubmitConflicts();

    void cancelPending();
    void cancelAfterDecisionIsRefused_data();
    void cancelAfterDecisionIsRefused();
    void cancelWithExpectedVersion();
    void cancelOfInvisibleApplication();

    void reviewQueueOrder();
};

namespace {

const QString kScenario = u"Load test of CVM for a two-week trial before migration."_s;

SubmitApplicationRequest request(const QUuid &templateId, const QUuid &customerId,
                                 const QString &scenario = kScenario)
{
    SubmitApplicationRequest r;
    r.templateId = templateId;
    r.customerId = customerId;
    r.scenario = scenario;
    return r;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

void TestApplicationCommands::submit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    auto ctx = ws.context(ws.managerA);

    const auto submitted =
        ApplicationCommands(*ctx).submitApplication(request(t.id, ws.customerA.id));
    QVERIFY2(submitted.ok(), resultMessage(submitted));
    const Application &a = submitted.value();
    QVERIFY(!a.id.isNull());
    QCOMPARE(a.partnerId, ws.partnerA.id);
    QCOMPARE(a.templateId, t.id);
    QCOMPARE(a.customerId, ws.customerA.id);
    QCOMPARE(a.scenario, kScenario);
    QCOMPARE(a.status, ApplicationStatus::PendingReview);
    QCOMPARE(a.submittedAt, ws.now());
    QCOMPARE(a.submittedBy, ws.managerA.userId);
    QCOMPARE(a.version, 1);
    QVERIFY(a.voucherId.isNull());
    QVERIFY(a.reviewerId.isNull());
    // Fri 27 Nov 2026 10:00 Shanghai: due Wed 2 Dec 23:59:59 Shanghai.
    QCOMPARE(a.reviewDueAt, QDateTime(QDate(2026, 12, 2), QTime(15, 59, 59), Qt::UTC));

    const auto stored = ApplicationRepository(ws.db()).find(a.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, ApplicationStatus::PendingReview);
    QCOMPARE(stored->submittedAt, a.submittedAt);
    QCOMPARE(stored->reviewDueAt, a.reviewDueAt);
    QCOMPARE(stored->scenario, kScenario);
    QCOMPARE(stored->version, 1);

    // The template is locked by the first submission.
    QVERIFY(TemplateRepository(ws.db()).find(t.id)->locked);

    // The Vendor Voucher List shows it at once, pending.
    const auto row = VoucherListQuery(ws.db(), {}).row(a.id);
    QVERIFY(row);
    QCOMPARE(row->phase, VoucherListRow::Phase::PendingReview);
    QCOMPARE(row->statusAt(ws.now()), VoucherListStatus::PendingReview);
    QCOMPARE(row->partnerId, ws.partnerA.id);
    QCOMPARE(row->customerId, ws.customerA.id);
    QCOMPARE(row->customerName, ws.customerA.name);
    QCOMPARE(row->customerUin, ws.customerA.uin);
    QCOMPARE(row->templateName, u"Trial"_s);
    QCOMPARE(row->kind, VoucherKind::Specific);
    QCOMPARE(row->currency, u"CNY"_s);
    QCOMPARE(row->faceValueMinor, t.faceValueMinor);
    QCOMPARE(row->appliedAt, ws.now());
    QVERIFY(!row->expiresAt.isValid());
    QVERIFY(row->voucherCode.isEmpty());

    const auto events = AuditLog(ws.db()).eventsFor(u"Application"_s, idText(a.id));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().action, u"SubmitApplication"_s);
    QCOMPARE(events.first().actorId, ws.managerA.userId);
    QCOMPARE(events.first().details.value(u"templateId"_s).toString(), idText(t.id));
    QCOMPARE(events.first().details.value(u"customerId"_s).toString(), idText(ws.customerA.id));
    const auto templateEvents = AuditLog(ws.db()).eventsFor(u"Template"_s, idText(t.id));
    QCOMPARE(templateEvents.size(), 2);
    QCOMPARE(templateEvents.last().action, u"LockTemplate"_s);
    QCOMPARE(templateEvents.last().details.value(u"applicationId"_s).toString(), idText(a.id));
}

void TestApplicationCommands::submitSnapshotsTheLockedTemplate()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate draft;
    draft.name = u"Snapshot me"_s;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 123456;
    draft.currency = u"CNY"_s;
    draft.validityDays = 45;
    draft.minSpendMinor = 700;
    draft.payMode = PayMode::Prepaid;
    draft.productCodes = {u"cdn"_s, u"cvm"_s, u"redis"_s};
    draft.note = u"keep"_s;
    auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
    VoucherTemplate edit = created.value();
    edit.note = u"edited before use"_s;
    QVERIFY(TemplateCommands(*ctx).updateTemplate(edit, 1).ok());
    ws.advance(600);

    const QUuid id = ws.submit(edit.id);
    const auto application = ApplicationRepository(ws.db()).find(id);
    const auto locked = TemplateRepository(ws.db()).find(edit.id);
    QVERIFY(locked->locked);
    // The snapshot is the template as submitted (a locked template cannot change after).
    QCOMPARE(application->templateSnapshot.toJson(), locked->toJson());
    QCOMPARE(application->templateSnapshot.version, 2);
    QCOMPARE(application->templateSnapshot.note, u"edited before use"_s);
    QCOMPARE(application->templateSnapshot.productCodes,
             QStringList({u"cdn"_s, u"cvm"_s, u"redis"_s}));
}

void TestApplicationCommands::secondSubmitDoesNotLockAgain()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Reused"_s);
    ws.submit(t.id);
    const qint64 lockedRev = TemplateRepository(ws.db()).find(t.id)->rev;
    const QUuid second = ws.submit(t.id);
    QVERIFY(ApplicationRepository(ws.db()).find(second));
    QCOMPARE(TemplateRepository(ws.db()).find(t.id)->rev, lockedRev);
    const auto events = AuditLog(ws.db()).eventsFor(u"Template"_s, idText(t.id));
    QCOMPARE(events.size(), 2); // create + one lock
}

void TestApplicationCommands::reviewDueAt_data()
{
    QTest::addColumn<QDateTime>("submittedAt");
    QTest::addColumn<QDateTime>("dueAt");

    const auto utc = [](int y, int m, int d, int h, int min) {
        return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
    };
    // Shanghai is UTC+8.
    QTest::newRow("Fri 10:00") << utc(2026, 11, 27, 2, 0) << utc(2026, 12, 2, 15, 59).addSecs(59);
    QTest::newRow("Fri 23:59 local")
        << utc(2026, 11, 27, 15, 59) << utc(2026, 12, 2, 15, 59).addSecs(59);
    QTest::newRow("Sat 10:00 counts from Mon")
        << utc(2026, 11, 28, 2, 0) << utc(2026, 12, 3, 15, 59).addSecs(59);
    QTest::newRow("Sun 10:00 counts from Mon")
        << utc(2026, 11, 29, 2, 0) << utc(2026, 12, 3, 15, 59).addSecs(59);
    QTest::newRow("Fri 16:30 UTC is Sat in Shanghai")
        << utc(2026, 11, 27, 16, 30) << utc(2026, 12, 3, 15, 59).addSecs(59);
    QTest::newRow("Mon 10:00") << utc(2026, 11, 30, 2, 0) << utc(2026, 12, 3, 15, 59).addSecs(59);
    QTest::newRow("before National Day, make-up Saturday counts")
        << utc(2026, 9, 30, 2, 0) << utc(2026, 10, 10, 15, 59).addSecs(59);
}

void TestApplicationCommands::reviewDueAt()
{
    QFETCH(QDateTime, submittedAt);
    QFETCH(QDateTime, dueAt);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Due"_s);
    ws.setNow(submittedAt);
    const QUuid id = ws.submit(t.id);
    const auto application = ApplicationRepository(ws.db()).find(id);
    QCOMPARE(application->submittedAt, submittedAt);
    QCOMPARE(application->reviewDueAt, dueAt);
}

void TestApplicationCommands::ineligibleCustomerIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Unused"_s);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto refused =
        ApplicationCommands(*ctx).submitApplication(request(t.id, ws.ineligibleCustomerA.id));
    VD_EXPECT_ERROR(refused, u"InvalidParameter.CustomerId"_s);
    QCOMPARE(refused.error().kind(), CommandError::Kind::InvalidParameter);
    QVERIFY(refused.error().message().contains(ws.ineligibleCustomerA.name));
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(!TemplateRepository(ws.db()).find(t.id)->locked);
}

void TestApplicationCommands::scenarioLength_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("9 chars") << QString(9, u's') << false;
    QTest::newRow("10 chars") << QString(10, u's') << true;
    QTest::newRow("1000 chars") << QString(1000, u's') << true;
    QTest::newRow("1001 chars") << QString(1001, u's') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("9 chars padded to 13") << u"  "_s + QString(9, u's') + u"  "_s << false;
    QTest::newRow("1000 chars padded") << u" "_s + QString(1000, u's') + u"\n"_s << true;
    QTest::newRow("10 CJK chars") << u"测试场景测试场景测试"_s << true;
}

void TestApplicationCommands::scenarioLength()
{
    QFETCH(QString, scenario);
    QFETCH(bool, accepted);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Scenario"_s);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto result =
        ApplicationCommands(*ctx).submitApplication(request(t.id, ws.customerA.id, scenario));
    if (accepted) {
        QVERIFY2(result.ok(), resultMessage(result));
        QCOMPARE(result.value().scenario, scenario.trimmed());
        QCOMPARE(ApplicationRepository(ws.db()).find(result.value().id)->scenario,
                 scenario.trimmed());
    } else {
        VD_EXPECT_ERROR(result, u"InvalidParameter.Scenario"_s);
        VD_VERIFY_UNCHANGED(before, ws.db());
    }
}

void TestApplicationCommands::missingIdsAreFieldErrors()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Ids"_s);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    VD_EXPECT_ERROR(ApplicationCommands(*ctx).submitApplication(request({}, ws.customerA.id)),
                    u"InvalidParameter.TemplateId"_s);
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).submitApplication(request(t.id, {})),
                    u"InvalidParameter.CustomerId"_s);
    const auto all = ApplicationCommands(*ctx).submitApplication(request({}, {}, u"short"_s));
    VD_EXPECT_ERROR(all, u"InvalidParameter"_s);
    QCOMPARE(all.error().fieldErrors().size(), 3);
    QCOMPARE(all.error().fieldErrors().at(0).field, u"templateId"_s);
    QCOMPARE(all.error().fieldErrors().at(1).field, u"customerId"_s);
    QCOMPARE(all.error().fieldErrors().at(2).field, u"scenario"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestApplicationCommands::otherPartnersIdsAreNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate mine = ws.createTemplate(u"A's"_s);
    const VoucherTemplate theirs =
        ws.createTemplate(u"B's"_s, VoucherKind::Specific, 100000, &ws.managerB);
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto foreignTemplate =
        ApplicationCommands(*ctx).submitApplication(request(theirs.id, ws.customerA.id));
    VD_EXPECT_ERROR(foreignTemplate, u"ResourceNotFound.Template"_s);
    QCOMPARE(foreignTemplate.error().httpStatus(), 404);
    VD_EXPECT_ERROR(
        ApplicationCommands(*ctx).submitApplication(request(QUuid::createUuid(), ws.customerA.id)),
        u"ResourceNotFound.Template"_s);
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).submitApplication(request(mine.id, ws.customerB.id)),
                    u"ResourceNotFound.Customer"_s);
    VD_EXPECT_ERROR(
        ApplicationCommands(*ctx).submitApplication(request(mine.id, QUuid::createUuid())),
        u"ResourceNotFound.Customer"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(!TemplateRepository(ws.db()).find(theirs.id)->locked);
    QVERIFY(!TemplateRepository(ws.db()).find(mine.id)->locked);
}

void TestApplicationCommands::submitByOtherRolesIsUnauthorized_data()
{
    QTest::addColumn<bool>("asReviewer");
    QTest::newRow("reviewer") << true;
    QTest::newRow("admin") << false;
}

void TestApplicationCommands::submitByOtherRolesIsUnauthorized()
{
    QFETCH(bool, asReviewer);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Vendor can't apply"_s);
    auto ctx = ws.context(asReviewer ? ws.reviewer : ws.admin);
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).submitApplication(request(t.id, ws.customerA.id)),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestApplicationCommands::quotaIsNotCheckedAtSubmission()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    // Partner B's whole quota in one voucher, applied for three times: all accepted.
    const VoucherTemplate t =
        ws.createTemplate(u"Everything"_s, VoucherKind::Universal, 50000000, &ws.managerB);
    for (int i = 0; i < 3; ++i)
        ws.submit(t.id, &ws.managerB, &ws.customerB);
    QCOMPARE(ApplicationRepository(ws.db()).countByStatus(ApplicationStatus::PendingReview,
                                                          ws.partnerB.id),
             3);
    QCOMPARE(StoreProbe::scalar(ws.db(), u"SELECT issued_minor FROM partners WHERE id = '%1'"_s.arg(
                                             idText(ws.partnerB.id))),
             0);
}

void TestApplicationCommands::idempotentSubmit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Retry"_s);
    auto ctx = ws.context(ws.managerA);
    SubmitApplicationRequest r = request(t.id, ws.customerA.id);
    r.id = QUuid::createUuid();

    const auto first = ApplicationCommands(*ctx).submitApplication(r);
    QVERIFY2(first.ok(), resultMessage(first));
    QCOMPARE(first.value().id, r.id);
    const StoreSnapshot before(ws.db());
    ws.advance(24 * 3600);

    r.scenario = u"  "_s + kScenario + u" "_s; // the same after trimming
    const auto second = ApplicationCommands(*ctx).submitApplication(r);
    QVERIFY2(second.ok(), resultMessage(second));
    QCOMPARE(second.value().id, first.value().id);
    QCOMPARE(second.value().submittedAt, first.value().submittedAt);
    QCOMPARE(second.value().reviewDueAt, first.value().reviewDueAt);
    QCOMPARE(second.value().rev, first.value().rev);
    QCOMPARE(second.value().status, ApplicationStatus::PendingReview);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"applications"_s), 1);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"voucher_list"_s), 1);

    // A retry after the application was decided answers its current state.
    const auto approved = ReviewCommands(*ws.context(ws.reviewer)).approve(r.id);
    QVERIFY2(approved.ok(), resultMessage(approved));
    const auto third = ApplicationCommands(*ctx).submitApplication(r);
    QVERIFY2(third.ok(), resultMessage(third));
    QCOMPARE(third.value().status, ApplicationStatus::Approved);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"applications"_s), 1);
}

void TestApplicationCommands::idempotentSubmitConflicts()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Retry"_s);
    const VoucherTemplate other = ws.createTemplate(u"Other"_s);
    auto ctxA = ws.context(ws.managerA);
    auto ctxB = ws.context(ws.managerB);
    SubmitApplicationRequest r = request(t.id, ws.customerA.id);
    r.id = QUuid::createUuid();
    QVERIFY(ApplicationCommands(*ctxA).submitApplication(r).ok());
    const StoreSnapshot before(ws.db());

    SubmitApplicationRequest changed = r;
    changed.scenario = kScenario + u" More."_s;
    VD_EXPECT_ERROR(ApplicationCommands(*ctxA).submitApplication(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    changed = r;
    changed.templateId = other.id;
    VD_EXPECT_ERROR(ApplicationCommands(*ctxA).submitApplication(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_EXPECT_ERROR(ApplicationCommands(*ctxB).submitApplication(r),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(!TemplateRepository(ws.db()).find(other.id)->locked);
}

void TestApplicationCommands::cancelPending()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Withdrawn"_s);
    const QUuid id = ws.submit(t.id);
    ws.advance(90);
    auto ctx = ws.context(ws.managerA);

    const auto cancelled = ApplicationCommands(*ctx).cancelApplication(id);
    QVERIFY2(cancelled.ok(), resultMessage(cancelled));
    QCOMPARE(cancelled.value().status, ApplicationStatus::Cancelled);
    QCOMPARE(cancelled.value().cancelledAt, ws.now());
    QCOMPARE(cancelled.value().version, 2);
    QVERIFY(cancelled.value().voucherId.isNull());

    const auto stored = ApplicationRepository(ws.db()).find(id);
    QCOMPARE(stored->status, ApplicationStatus::Cancelled);
    QCOMPARE(stored->cancelledAt, ws.now());
    QCOMPARE(stored->version, 2);
    QCOMPARE(VoucherListQuery(ws.db(), {}).row(id)->phase, VoucherListRow::Phase::Cancelled);
    QVERIFY(TemplateRepository(ws.db()).find(t.id)->locked); // a lock is for good
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), 0);

    const auto events = AuditLog(ws.db()).eventsFor(u"Application"_s, idText(id));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().action, u"CancelApplication"_s);
    QCOMPARE(events.last().actorId, ws.managerA.userId);
    QCOMPARE(events.last().at, ws.now());
}

void TestApplicationCommands::cancelAfterDecisionIsRefused_data()
{
    QTest::addColumn<QString>("decision");
    QTest::newRow("approved") << u"approve"_s;
    QTest::newRow("rejected") << u"reject"_s;
    QTest::newRow("cancelled") << u"cancel"_s;
}

void TestApplicationCommands::cancelAfterDecisionIsRefused()
{
    QFETCH(QString, decision);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Decided"_s);
    const QUuid id = ws.submit(t.id);
    auto ctx = ws.context(ws.managerA);
    auto reviewerCtx = ws.context(ws.reviewer);
    if (decision == u"approve"_s)
        QVERIFY(ReviewCommands(*reviewerCtx).approve(id).ok());
    else if (decision == u"reject"_s)
        QVERIFY(ReviewCommands(*reviewerCtx).reject(id, u"Not a test scenario"_s).ok());
    else
        QVERIFY(ApplicationCommands(*ctx).cancelApplication(id).ok());

    const StoreSnapshot before(ws.db());
    const auto refused = ApplicationCommands(*ctx).cancelApplication(id);
    VD_EXPECT_ERROR(refused, u"FailedOperation.ApplicationNotPending"_s);
    QCOMPARE(refused.error().httpStatus(), 409);
    // The state is checked before the version.
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).cancelApplication(id, 1),
                    u"FailedOperation.ApplicationNotPending"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestApplicationCommands::cancelWithExpectedVersion()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Versioned"_s);
    const QUuid id = ws.submit(t.id);
    auto ctx = ws.context(ws.managerA);

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).cancelApplication(id, 2),
                    u"FailedOperation.VersionConflict"_s);
    VD_EXPECT_ERROR(ApplicationCommands(*ctx).cancelApplication(id, 9),
                    u"FailedOperation.VersionConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());

    const auto cancelled = ApplicationCommands(*ctx).cancelApplication(id, 1);
    QVERIFY2(cancelled.ok(), resultMessage(cancelled));
    QCOMPARE(cancelled.value().version, 2);
}

void TestApplicationCommands::cancelOfInvisibleApplication()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"A's application"_s);
    const QUuid id = ws.submit(t.id);
    const StoreSnapshot before(ws.db());

    const auto byB = ApplicationCommands(*ws.context(ws.managerB)).cancelApplication(id);
    VD_EXPECT_ERROR(byB, u"ResourceNotFound.Application"_s);
    const auto unknown =
        ApplicationCommands(*ws.context(ws.managerB)).cancelApplication(QUuid::createUuid());
    VD_EXPECT_ERROR(unknown, u"ResourceNotFound.Application"_s);
    QCOMPARE(byB.error().message(), unknown.error().message());
    VD_EXPECT_ERROR(ApplicationCommands(*ws.context(ws.reviewer)).cancelApplication(id),
                    u"UnauthorizedOperation"_s);
    VD_EXPECT_ERROR(ApplicationCommands(*ws.context(ws.admin)).cancelApplication(id),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestApplicationCommands::reviewQueueOrder()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate forA = ws.createTemplate(u"Queue A"_s);
    const VoucherTemplate forB =
        ws.createTemplate(u"Queue B"_s, VoucherKind::Specific, 100000, &ws.managerB);

    // Fri 27 Nov 10:00 Shanghai: due Wed 2 Dec.
    const QUuid friday = ws.submit(forA.id);
    const QUuid decided = ws.submit(forA.id);
    ws.approve(decided);
    // Mon 30 Nov 10:00 (B): due Thu 3 Dec.
    ws.setNow(QDateTime(QDate(2026, 11, 30), QTime(2, 0), Qt::UTC));
    const QUuid monday = ws.submit(forB.id, &ws.managerB, &ws.customerB);
    // Sat 28 Nov 10:00 (A), submitted last but from a weekend: due Thu 3 Dec too, and
    // submitted before Monday's.
    ws.setNow(QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));
    const QUuid saturday = ws.submit(forA.id);
    const QUuid cancelled = ws.submit(forA.id);
    QVERIFY(ApplicationCommands(*ws.context(ws.managerA)).cancelApplication(cancelled).ok());

    const ApplicationRepository applications(ws.db());
    auto ids = [](const QList<Application> &list) {
        QList<QUuid> result;
        for (const Application &a : list)
            result.append(a.id);
        return result;
    };
    QCOMPARE(ids(applications.reviewQueue()), QList<QUuid>({friday, saturday, monday}));
    QCOMPARE(ids(applications.reviewQueue(ws.partnerA.id)), QList<QUuid>({friday, saturday}));
    QCOMPARE(ids(applications.reviewQueue({}, 1, 1)), QList<QUuid>({saturday}));
    QCOMPARE(applications.countByStatus(ApplicationStatus::PendingReview), 3);
    QCOMPARE(applications.countByStatus(ApplicationStatus::PendingReview, ws.partnerB.id), 1);
    QCOMPARE(applications.countByStatus(ApplicationStatus::Approved), 1);
    QCOMPARE(applications.countByStatus(ApplicationStatus::Cancelled, ws.partnerA.id), 1);
    QCOMPARE(applications.countByStatus(ApplicationStatus::Rejected), 0);
}

QTEST_GUILESS_MAIN(TestApplicationCommands)
#include "tst_applicationcommands.moc"
