#include "core/commands/applicationcommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/domain/vouchercode.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// Approve and Reject through the store, including reviewers racing on two connections.
class TestReviewCommands : public QObject
{
    Q_OBJECT

private slots:
    void approveIssuesVoucher();
    void approveUniversalSnapshotsBlocklist();
    void blocklistRevisionAppliesFromItsEffectiveTime();
    void approveTwiceIsRefused();
    void approveAfterRejectOrCancelIsRefused_data();
    void approveAfterRejectOrCancelIsRefused();
    void approveWithExpectedVersion();
    void approveCommentTooLong();
    void decisionsByOtherRolesAreUnauthorized_data();
    void decisionsByOtherRolesAreUnauthorized();
    void decisionOnUnknownApplicationIsNotFound();
    void reject();
    void rejectNeedsReason_data();
    void rejectNeedsReason();
    void rejectAfterApprovalIsRefused();
    void insufficientQuotaChangesNothing();
    void quotaIsCheckedOnlyAtApproval();
    void racingApprovalsIssueOneVoucher();
};

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

qint64 issuedOf(const TestWorkspace &ws, const QUuid &partnerId)
{
    return PartnerRepository(ws.db()).find(partnerId)->issuedMinor;
}

void addBlocklistRevision(TestWorkspace &ws, const QDateTime &effectiveAt, const QStringList &codes)
{
    const auto added = ws.db().write([&]() -> Result<BlocklistRevision> {
        return ProductRepository(ws.db()).addBlocklistRevision(effectiveAt, codes,
                                                               ws.db().nextRev());
    });
    QVERIFY2(added.ok(), resultMessage(added));
}

Actor actorNamed(const TestWorkspace &ws, const QString &who)
{
    if (who == u"managerA"_s)
        return ws.managerA;
    if (who == u"managerB"_s)
        return ws.managerB;
    if (who == u"admin"_s)
        return ws.admin;
    return ws.reviewer;
}

} // namespace

void TestReviewCommands::approveIssuesVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Specific"_s, VoucherKind::Specific, 250000);
    const QUuid appId = ws.submit(t.id);
    ws.advance(7200);
    const qint64 issuedBefore = issuedOf(ws, ws.partnerA.id);
    auto ctx = ws.context(ws.reviewer);

    const auto approved = ReviewCommands(*ctx).approve(appId, u"  Looks fine  "_s);
    QVERIFY2(approved.ok(), resultMessage(approved));
    const Application &a = approved.value();
    QCOMPARE(a.status, ApplicationStatus::Approved);
    QCOMPARE(a.reviewerId, ws.reviewer.userId);
    QCOMPARE(a.reviewedAt, ws.now());
    QCOMPARE(a.reviewComment, u"Looks fine"_s);
    QCOMPARE(a.version, 2);
    QVERIFY(!a.voucherId.isNull());

    const auto voucher = VoucherRepository(ws.db()).find(a.voucherId);
    QVERIFY(voucher);
    static const QRegularExpression codePattern(u"^VV\\d{12}$"_s);
    QVERIFY2(codePattern.match(voucher->code).hasMatch(), qPrintable(voucher->code));
    QVERIFY(VoucherCode::isWellFormed(voucher->code));
    QCOMPARE(voucher->applicationId, appId);
    QCOMPARE(voucher->partnerId, ws.partnerA.id);
    QCOMPARE(voucher->customerId, ws.customerA.id);
    QCOMPARE(voucher->kind, VoucherKind::Specific);
    QCOMPARE(voucher->payMode, t.payMode);
    QCOMPARE(voucher->currency, u"CNY"_s);
    QCOMPARE(voucher->faceValueMinor, 250000);
    QCOMPARE(voucher->balanceMinor, 250000);
    QCOMPARE(voucher->minSpendMinor, t.minSpendMinor);
    QCOMPARE(voucher->effectiveAt, ws.now());
    QCOMPARE(voucher->expiresAt, ws.now().addDays(t.validityDays));
    QCOMPARE(voucher->productCodes, t.productCodes);
    QVERIFY(voucher->blockedProductCodes.isEmpty());
    QVERIFY(!voucher->invalidatedAt.isValid());
    QCOMPARE(voucher->statusAt(ws.now()), VoucherStatus::Unused);

    QCOMPARE(issuedOf(ws, ws.partnerA.id), issuedBefore + 250000);
    QCOMPARE(issuedOf(ws, ws.partnerB.id), 0);

    const auto stored = ApplicationRepository(ws.db()).find(appId);
    QCOMPARE(stored->status, ApplicationStatus::Approved);
    QCOMPARE(stored->voucherId, voucher->id);
    QCOMPARE(stored->reviewerId, ws.reviewer.userId);

    const auto row = VoucherListQuery(ws.db(), {}).row(appId);
    QCOMPARE(row->phase, VoucherListRow::Phase::Issued);
    QCOMPARE(row->voucherId, voucher->id);
    QCOMPARE(row->voucherCode, voucher->code);
    QCOMPARE(row->balanceMinor, 250000);
    QCOMPARE(row->expiresAt, voucher->expiresAt);
    QCOMPARE(row->statusAt(ws.now()), VoucherListStatus::Unused);

    const auto appEvents = AuditLog(ws.db()).eventsFor(u"Application"_s, idText(appId));
    QCOMPARE(appEvents.size(), 2);
    QCOMPARE(appEvents.last().action, u"Approve"_s);
    QCOMPARE(appEvents.last().actorId, ws.reviewer.userId);
    QCOMPARE(appEvents.last().at, ws.now());
    QCOMPARE(appEvents.last().details.value(u"voucherId"_s).toString(), idText(voucher->id));
    const auto voucherEvents = AuditLog(ws.db()).eventsFor(u"Voucher"_s, idText(voucher->id));
    QCOMPARE(voucherEvents.size(), 1);
    QCOMPARE(voucherEvents.first().action, u"IssueVoucher"_s);
    QCOMPARE(voucherEvents.first().details.value(u"code"_s).toString(), voucher->code);
    QCOMPARE(voucherEvents.first().details.value(u"faceValueMinor"_s).toInteger(), 250000);
}

void TestReviewCommands::approveUniversalSnapshotsBlocklist()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Universal"_s, VoucherKind::Universal);
    const QUuid firstApp = ws.submit(t.id);
    const QUuid secondApp = ws.submit(t.id);
    const auto revision1 = ProductRepository(ws.db()).blocklistAt(ws.now());
    QVERIFY(revision1);
    QCOMPARE(revision1->revision, 1);

    const QUuid firstVoucherId = ws.approve(firstApp);
    const auto first = VoucherRepository(ws.db()).find(firstVoucherId);
    QCOMPARE(first->kind, VoucherKind::Universal);
    QCOMPARE(first->blocklistRevision, 1);
    QCOMPARE(first->blockedProductCodes, revision1->productCodes);
    QVERIFY(first->productCodes.isEmpty());
    QCOMPARE(AuditLog(ws.db())
                 .eventsFor(u"Voucher"_s, idText(firstVoucherId))
                 .first()
                 .details.value(u"blocklistRevision"_s)
                 .toInt(),
             1);

    // The vendor adds cvm to the blocklist and lifts sms.
    const QStringList revision2Codes = {u"antiddos"_s, u"cvm"_s, u"domain"_s, u"marketplace"_s,
                                        u"ssl"_s};
    addBlocklistRevision(ws, ws.now(), revision2Codes);
    ws.advance(60);

    // The issued voucher keeps its snapshot...
    const auto firstAfter = VoucherRepository(ws.db()).find(firstVoucherId);
    QCOMPARE(firstAfter->blocklistRevision, 1);
    QCOMPARE(firstAfter->blockedProductCodes, revision1->productCodes);
    QVERIFY(firstAfter->covers(u"cvm"_s));
    QVERIFY(!firstAfter->covers(u"sms"_s));

    // ... and the next approval takes the new revision.
    const auto second = VoucherRepository(ws.db()).find(ws.approve(secondApp));
    QCOMPARE(second->blocklistRevision, 2);
    QCOMPARE(second->blockedProductCodes, revision2Codes);
    QVERIFY(!second->covers(u"cvm"_s));
    QVERIFY(second->covers(u"sms"_s));

    // Paying shows the difference: cvm is fine on the first, refused on the second.
    auto managerCtx = ws.context(ws.managerA);
    Deduction bill;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-CVM"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Postpaid;
    bill.orderAmountMinor = 100;
    bill.voucherId = firstVoucherId;
    const auto paidFirst = VoucherCommands(*managerCtx).recordDeduction(bill);
    QVERIFY2(paidFirst.ok(), resultMessage(paidFirst));
    bill.id = QUuid();
    bill.voucherId = second->id;
    VD_EXPECT_ERROR(VoucherCommands(*managerCtx).recordDeduction(bill),
                    u"FailedOperation.ProductNotCovered"_s);
}

void TestReviewCommands::blocklistRevisionAppliesFromItsEffectiveTime()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Universal"_s, VoucherKind::Universal);
    const QUuid early = ws.submit(t.id);
    const QUuid late = ws.submit(t.id);
    const QDateTime tomorrow = ws.now().addDays(1);
    addBlocklistRevision(ws, tomorrow, {u"cdn"_s});

    const auto before = VoucherRepository(ws.db()).find(ws.approve(early));
    QCOMPARE(before->blocklistRevision, 1);

    ws.setNow(tomorrow);
    const auto after = VoucherRepository(ws.db()).find(ws.approve(late));
    QCOMPARE(after->blocklistRevision, 2);
    QCOMPARE(after->blockedProductCodes, QStringList({u"cdn"_s}));
}

void TestReviewCommands::approveTwiceIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Once"_s);
    const QUuid appId = ws.submit(t.id);
    ws.approve(appId);
    auto ctx = ws.context(ws.reviewer);

    const StoreSnapshot before(ws.db());
    const auto again = ReviewCommands(*ctx).approve(appId);
    VD_EXPECT_ERROR(again, u"FailedOperation.ApplicationNotPending"_s);
    QCOMPARE(again.error().kind(), CommandError::Kind::Conflict);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), 1);
}

void TestReviewCommands::approveAfterRejectOrCancelIsRefused_data()
{
    QTest::addColumn<bool>("rejected");
    QTest::newRow("rejected") << true;
    QTest::newRow("cancelled") << false;
}

void TestReviewCommands::approveAfterRejectOrCancelIsRefused()
{
    QFETCH(bool, rejected);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Closed"_s);
    const QUuid appId = ws.submit(t.id);
    auto ctx = ws.context(ws.reviewer);
    if (rejected) {
        QVERIFY(ReviewCommands(*ctx).reject(appId, u"Scenario unclear"_s).ok());
    } else {
        auto managerCtx = ws.context(ws.managerA);
        QVERIFY(ApplicationCommands(*managerCtx).cancelApplication(appId).ok());
    }

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(appId),
                    u"FailedOperation.ApplicationNotPending"_s);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).reject(appId, u"again"_s),
                    u"FailedOperation.ApplicationNotPending"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestReviewCommands::approveWithExpectedVersion()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Versioned"_s);
    const QUuid appId = ws.submit(t.id);
    auto ctx = ws.context(ws.reviewer);

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(appId, {}, 2),
                    u"FailedOperation.VersionConflict"_s);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).reject(appId, u"reason"_s, 3),
                    u"FailedOperation.VersionConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    const auto approved = ReviewCommands(*ctx).approve(appId, {}, 1);
    QVERIFY2(approved.ok(), resultMessage(approved));
    QCOMPARE(approved.value().version, 2);
}

void TestReviewCommands::approveCommentTooLong()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Commented"_s);
    const QUuid appId = ws.submit(t.id);
    auto ctx = ws.context(ws.reviewer);

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(appId, QString(501, u'c')),
                    u"InvalidParameter.Comment"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    const auto approved = ReviewCommands(*ctx).approve(appId, QString(500, u'c'));
    QVERIFY2(approved.ok(), resultMessage(approved));
    QCOMPARE(approved.value().reviewComment.size(), 500);
}

void TestReviewCommands::decisionsByOtherRolesAreUnauthorized_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("code");
    QTest::newRow("owning partner manager") << u"managerA"_s << u"UnauthorizedOperation"_s;
    QTest::newRow("admin") << u"admin"_s << u"UnauthorizedOperation"_s;
    QTest::newRow("other partner manager") << u"managerB"_s << u"ResourceNotFound.Application"_s;
}

void TestReviewCommands::decisionsByOtherRolesAreUnauthorized()
{
    QFETCH(QString, who);
    QFETCH(QString, code);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Self-approval"_s);
    const QUuid appId = ws.submit(t.id);
    auto ctx = ws.context(actorNamed(ws, who));

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(appId), code);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).reject(appId, u"no"_s), code);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestReviewCommands::decisionOnUnknownApplicationIsNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(QUuid::createUuid()),
                    u"ResourceNotFound.Application"_s);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).reject(QUuid::createUuid(), u"why"_s),
                    u"ResourceNotFound.Application"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestReviewCommands::reject()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Refused"_s);
    const QUuid appId = ws.submit(t.id);
    ws.advance(300);
    auto ctx = ws.context(ws.reviewer);

    const auto rejected = ReviewCommands(*ctx).reject(appId, u"  Scenario is production use.  "_s);
    QVERIFY2(rejected.ok(), resultMessage(rejected));
    QCOMPARE(rejected.value().status, ApplicationStatus::Rejected);
    QCOMPARE(rejected.value().rejectReason, u"Scenario is production use."_s);
    QCOMPARE(rejected.value().reviewerId, ws.reviewer.userId);
    QCOMPARE(rejected.value().reviewedAt, ws.now());
    QCOMPARE(rejected.value().version, 2);
    QVERIFY(rejected.value().voucherId.isNull());

    const auto stored = ApplicationRepository(ws.db()).find(appId);
    QCOMPARE(stored->status, ApplicationStatus::Rejected);
    QCOMPARE(stored->rejectReason, u"Scenario is production use."_s);
    QCOMPARE(VoucherListQuery(ws.db(), {}).row(appId)->phase, VoucherListRow::Phase::Rejected);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), 0);
    QCOMPARE(issuedOf(ws, ws.partnerA.id), 0);
    QVERIFY(TemplateRepository(ws.db()).find(t.id)->locked);

    const auto events = AuditLog(ws.db()).eventsFor(u"Application"_s, idText(appId));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().action, u"Reject"_s);
    QCOMPARE(events.last().actorId, ws.reviewer.userId);
    QCOMPARE(events.last().details.value(u"reason"_s).toString(), u"Scenario is production use."_s);
}

void TestReviewCommands::rejectNeedsReason_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u" \t\n "_s;
    QTest::newRow("501 chars") << QString(501, u'r');
}

void TestReviewCommands::rejectNeedsReason()
{
    QFETCH(QString, reason);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Unexplained"_s);
    const QUuid appId = ws.submit(t.id);
    auto ctx = ws.context(ws.reviewer);

    const StoreSnapshot before(ws.db());
    const auto refused = ReviewCommands(*ctx).reject(appId, reason);
    VD_EXPECT_ERROR(refused, u"InvalidParameter.Reason"_s);
    QCOMPARE(refused.error().httpStatus(), 400);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(ApplicationRepository(ws.db()).find(appId)->status, ApplicationStatus::PendingReview);
}

void TestReviewCommands::rejectAfterApprovalIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Approved"_s);
    const QUuid appId = ws.submit(t.id);
    ws.approve(appId);
    auto ctx = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(ReviewCommands(*ctx).reject(appId, u"changed my mind"_s),
                    u"FailedOperation.ApplicationNotPending"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestReviewCommands::insufficientQuotaChangesNothing()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const qint64 face = 300000;
    const VoucherTemplate t = ws.createTemplate(u"Big"_s, VoucherKind::Specific, face);
    const QUuid appId = ws.submit(t.id);
    auto adminCtx = ws.context(ws.admin);
    QVERIFY(PartnerCommands(*adminCtx).setQuota(ws.partnerA.id, face - 1).ok());
    auto ctx = ws.context(ws.reviewer);

    const StoreSnapshot before(ws.db());
    const auto refused = ReviewCommands(*ctx).approve(appId);
    VD_EXPECT_ERROR(refused, u"FailedOperation.InsufficientQuota"_s);
    QCOMPARE(refused.error().httpStatus(), 409);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(ApplicationRepository(ws.db()).find(appId)->status, ApplicationStatus::PendingReview);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), 0);
    QCOMPARE(issuedOf(ws, ws.partnerA.id), 0);
    QCOMPARE(VoucherListQuery(ws.db(), {}).row(appId)->phase, VoucherListRow::Phase::PendingReview);

    // Exactly the face value left is enough.
    QVERIFY(PartnerCommands(*adminCtx).setQuota(ws.partnerA.id, face).ok());
    const auto approved = ReviewCommands(*ctx).approve(appId);
    QVERIFY2(approved.ok(), resultMessage(approved));
    QCOMPARE(issuedOf(ws, ws.partnerA.id), face);
}

void TestReviewCommands::quotaIsCheckedOnlyAtApproval()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const qint64 face = 200000;
    auto adminCtx = ws.context(ws.admin);
    QVERIFY(PartnerCommands(*adminCtx).setQuota(ws.partnerA.id, face * 3 / 2).ok());
    const VoucherTemplate t = ws.createTemplate(u"Half again"_s, VoucherKind::Specific, face);
    // Three pending applications worth twice the quota: submission reserves nothing.
    const QUuid first = ws.submit(t.id);
    const QUuid second = ws.submit(t.id);
    const QUuid third = ws.submit(t.id);
    QCOMPARE(issuedOf(ws, ws.partnerA.id), 0);
    auto ctx = ws.context(ws.reviewer);

    const QUuid firstVoucher = ws.approve(first);
    QCOMPARE(issuedOf(ws, ws.partnerA.id), face);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(second), u"FailedOperation.InsufficientQuota"_s);
    VD_EXPECT_ERROR(ReviewCommands(*ctx).approve(third), u"FailedOperation.InsufficientQuota"_s);
    // Rejecting needs no quota.
    QVERIFY(ReviewCommands(*ctx).reject(third, u"duplicate"_s).ok());

    // Invalidating the first voucher returns its balance; the second then fits.
    QVERIFY(VoucherCommands(*adminCtx).invalidateVoucher(firstVoucher).ok());
    QCOMPARE(issuedOf(ws, ws.partnerA.id), 0);
    const auto approved = ReviewCommands(*ctx).approve(second);
    QVERIFY2(approved.ok(), resultMessage(approved));
    QCOMPARE(issuedOf(ws, ws.partnerA.id), face);
}

void TestReviewCommands::racingApprovalsIssueOneVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    // A second store on the same file: another reviewer's app instance.
    const auto otherDb = Database::open(ws.path(), &error);
    QVERIFY2(otherDb, qPrintable(error));

    constexpr int Rounds = 20;
    const qint64 face = 100000;
    const VoucherTemplate t = ws.createTemplate(u"Raced"_s, VoucherKind::Universal, face);
    QList<QUuid> applications;
    for (int i = 0; i < Rounds; ++i)
        applications.append(ws.submit(t.id));
    const qint64 issuedBefore = issuedOf(ws, ws.partnerA.id);
    const qint64 auditBefore = AuditLog(ws.db()).count();

    struct Outcome
    {
        bool ok = false;
        QString code;
    };
    QList<Outcome> outcomes[2];
    outcomes[0].resize(Rounds);
    outcomes[1].resize(Rounds);
    ThreadBarrier barrier(2);
    Database *stores[2] = {&ws.db(), otherDb.get()};
    const QDateTime now = ws.now();

    auto reviewerLoop = [&](int side) {
        CommandContext ctx(*stores[side], ws.reviewer);
        ctx.setClock([now] { return now; });
        const ReviewCommands commands(ctx);
        for (int i = 0; i < Rounds; ++i) {
            barrier.wait();
            const auto result = commands.approve(applications.at(i));
            outcomes[side][i].ok = result.ok();
            if (!result.ok())
                outcomes[side][i].code = result.error().code();
        }
    };
    std::unique_ptr<QThread> threads[2] = {
        std::unique_ptr<QThread>(QThread::create(reviewerLoop, 0)),
        std::unique_ptr<QThread>(QThread::create(reviewerLoop, 1)),
    };
    threads[0]->start();
    threads[1]->start();
    QVERIFY(threads[0]->wait(QDeadlineTimer(60000)));
    QVERIFY(threads[1]->wait(QDeadlineTimer(60000)));

    int winsOfFirst = 0;
    for (int i = 0; i < Rounds; ++i) {
        const Outcome &a = outcomes[0][i];
        const Outcome &b = outcomes[1][i];
        QVERIFY2(a.ok != b.ok, qPrintable(u"round %1: %2 / %3"_s.arg(i).arg(a.code, b.code)));
        const Outcome &loser = a.ok ? b : a;
        QCOMPARE(loser.code, u"FailedOperation.ApplicationNotPending"_s);
        winsOfFirst += a.ok ? 1 : 0;

        const auto application = ApplicationRepository(ws.db()).find(applications.at(i));
        QCOMPARE(application->status, ApplicationStatus::Approved);
        QCOMPARE(application->version, 2);
        QCOMPARE(
            StoreProbe::scalar(ws.db(), u"SELECT COUNT(*) FROM vouchers WHERE "
                                        u"application_id = '%1'"_s.arg(idText(applications.at(i)))),
            1);
        const auto voucher = VoucherRepository(ws.db()).find(application->voucherId);
        QVERIFY(voucher);
        QCOMPARE(voucher->applicationId, applications.at(i));
        QCOMPARE(voucher->balanceMinor, face);
    }
    qInfo("the first store won %d of %d rounds", winsOfFirst, Rounds);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), Rounds);
    QCOMPARE(issuedOf(ws, ws.partnerA.id), issuedBefore + Rounds * face);
    // One Approve and one IssueVoucher event per round, none from the losers.
    QCOMPARE(AuditLog(ws.db()).count(), auditBefore + 2 * Rounds);
    // Both stores see the same outcome.
    QCOMPARE(StoreProbe::rowCount(*otherDb, u"vouchers"_s), Rounds);
    QCOMPARE(PartnerRepository(*otherDb).find(ws.partnerA.id)->issuedMinor,
             issuedBefore + Rounds * face);
}

QTEST_GUILESS_MAIN(TestReviewCommands)
#include "tst_reviewcommands.moc"
