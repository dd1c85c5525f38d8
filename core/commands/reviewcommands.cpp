#include "core/commands/reviewcommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/domain/vouchercode.h"
#include "core/queries/voucherlistwriter.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/rules/applicationstatemachine.h"
#include "core/rules/quotapool.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxCodeAttempts = 32;

std::optional<CommandError> checkDecision(const std::optional<Application> &current,
                                          ApplicationStateMachine::Transition transition,
                                          const Actor &actor, int expectedVersion)
{
    if (!current)
        return CommandError::notFound(u"Application"_s);
    return ApplicationStateMachine::check(*current, transition, actor, expectedVersion);
}

QString uniqueVoucherCode(const CommandContext &context)
{
    const VoucherRepository vouchers(context.db());
    for (int attempt = 0; attempt < kMaxCodeAttempts; ++attempt) {
        const QString code = VoucherCode::generate(context.random());
        if (!vouchers.codeExists(code))
            return code;
    }
    throw StoreError(StoreError::Kind::Failed, u"no free voucher code found"_s);
}

Voucher issueVoucher(const CommandContext &context, const Application &application,
                     const QDateTime &now)
{
    const VoucherTemplate &t = application.templateSnapshot;
    Voucher voucher;
    voucher.id = context.newId();
    voucher.code = uniqueVoucherCode(context);
    voucher.applicationId = application.id;
    voucher.partnerId = application.partnerId;
    voucher.customerId = application.customerId;
    voucher.kind = t.kind;
    voucher.payMode = t.payMode;
    voucher.currency = t.currency;
    voucher.faceValueMinor = t.faceValueMinor;
    voucher.balanceMinor = t.faceValueMinor;
    voucher.minSpendMinor = t.minSpendMinor;
    voucher.effectiveAt = now;
    voucher.expiresAt = now.addDays(t.validityDays);
    if (t.kind == VoucherKind::Universal) {
        // Blocklist snapshot: the revision in effect at approval binds the voucher for good.
        if (const auto blocklist = ProductRepository(context.db()).blocklistAt(now)) {
            voucher.blockedProductCodes = blocklist->productCodes;
            voucher.blocklistRevision = blocklist->revision;
        }
    } else {
        voucher.productCodes = t.productCodes;
    }
    return voucher;
}

} // namespace

Result<Application> ReviewCommands::approve(const QUuid &applicationId, const QString &comment,
                                            int expectedVersion) const
{
    const Actor &actor = m_context.actor();
    const QString trimmedComment = comment.trimmed();
    if (trimmedComment.size() > Application::MaxCommentLength) {
        return CommandError::invalidField(
            u"comment"_s,
            CoreTr::tr("A comment has at most %1 characters.").arg(Application::MaxCommentLength));
    }

    return m_context.db().write([&]() -> Result<Application> {
        const Database &db = m_context.db();
        const ApplicationRepository applications(db);
        const auto current = applications.find(applicationId);
        if (auto refused = checkDecision(current, ApplicationStateMachine::Transition::Approve,
                                         actor, expectedVersion))
            return *refused;

        // Quota check, with the partner row locked against concurrent approvals.
        const PartnerRepository partners(db);
        const auto partner = partners.findForUpdate(current->partnerId);
        if (!partner)
            return CommandError::notFound(u"Partner"_s);
        const qint64 face = current->templateSnapshot.faceValueMinor;
        const QuotaPool pool(partner->quotaMinor, partner->issuedMinor, partner->currency);
        if (auto exhausted = pool.checkIssue(face))
            return *exhausted;

        const QDateTime now = m_context.now();
        const Voucher voucher = issueVoucher(m_context, *current, now);
        Application approved = *current;
        approved.status = ApplicationStatus::Approved;
        approved.reviewerId = actor.userId;
        approved.reviewedAt = now;
        approved.reviewComment = trimmedComment;
        approved.voucherId = voucher.id;
        approved.rev = db.nextRev();
        if (!applications.transition(approved, current->version))
            return ApplicationStateMachine::notPending(*applications.find(applicationId));
        if (!partners.reserveIssue(partner->id, face, db.nextRev())) {
            const Partner fresh = *partners.find(partner->id);
            const QuotaPool freshPool(fresh.quotaMinor, fresh.issuedMinor, fresh.currency);
            if (auto exhausted = freshPool.checkIssue(face))
                return *exhausted;
            throw StoreError(StoreError::Kind::Retryable, u"quota changed meanwhile"_s);
        }

        Voucher issued = voucher;
        issued.rev = db.nextRev();
        VoucherRepository(db).insert(issued);
        VoucherListWriter(db).setIssued(issued);
        m_context.audit(u"Approve"_s, u"Application"_s, applicationId,
                        {{u"comment"_s, trimmedComment},
                         {u"voucherId"_s, issued.id.toString(QUuid::WithoutBraces)}});
        m_context.audit(u"IssueVoucher"_s, u"Voucher"_s, issued.id,
                        {{u"code"_s, issued.code},
                         {u"faceValueMinor"_s, issued.faceValueMinor},
                         {u"blocklistRevision"_s, issued.blocklistRevision}});
        return *applications.find(applicationId);
    });
}

std::optional<CommandError> ReviewCommands::checkRejectReason(const QString &reason)
{
    const QString trimmedReason = reason.trimmed();
    if (trimmedReason.isEmpty()) {
        return CommandError::invalidField(
            u"reason"_s, CoreTr::tr("Give the reason for the rejection; the partner will see it."));
    }
    if (trimmedReason.size() > Application::MaxRejectReasonLength) {
        return CommandError::invalidField(u"reason"_s,
                                          CoreTr::tr("A reason has at most %1 characters.")
                                              .arg(Application::MaxRejectReasonLength));
    }
    return std::nullopt;
}

Result<Application> ReviewCommands::reject(const QUuid &applicationId, const QString &reason,
                                           int expectedVersion) const
{
    const Actor &actor = m_context.actor();
    const QString trimmedReason = reason.trimmed();
    if (auto refused = checkRejectReason(trimmedReason))
        return *refused;

    return m_context.db().write([&]() -> Result<Application> {
        const Database &db = m_context.db();
        const ApplicationRepository applications(db);
        const auto current = applications.find(applicationId);
        if (auto refused = checkDecision(current, ApplicationStateMachine::Transition::Reject,
                                         actor, expectedVersion))
            return *refused;

        Application rejected = *current;
        rejected.status = ApplicationStatus::Rejected;
        rejected.reviewerId = actor.userId;
        rejected.reviewedAt = m_context.now();
        rejected.rejectReason = trimmedReason;
        rejected.rev = db.nextRev();
        if (!applications.transition(rejected, current->version))
            return ApplicationStateMachine::notPending(*applications.find(applicationId));
        VoucherListWriter(db).setPhase(applicationId, VoucherListRow::Phase::Rejected);
        m_context.audit(u"Reject"_s, u"Application"_s, applicationId,
                        {{u"reason"_s, trimmedReason}});
        return *applications.find(applicationId);
    });
}
