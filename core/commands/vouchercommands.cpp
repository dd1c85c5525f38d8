#include "core/commands/vouchercommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/queries/voucherlistwriter.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/rules/deductionrules.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"

using namespace Qt::StringLiterals;

namespace {
QJsonObject requestFields(const Deduction &d)
{
    return {
        {u"voucherId"_s, d.voucherId.toString(QUuid::WithoutBraces)},
        {u"customerId"_s, d.customerId.toString(QUuid::WithoutBraces)},
        {u"orderId"_s, d.orderId},
        {u"productCode"_s, d.productCode},
        {u"payMode"_s, payModeToString(d.payMode)},
        {u"orderAmountMinor"_s, d.orderAmountMinor},
    };
}
} // namespace

Result<Deduction> VoucherCommands::recordDeduction(const Deduction &request) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = CommandChecks::requireRole(
            actor, Role::PartnerManager,
            CoreTr::tr("Only the partner that holds a voucher can pay with it.")))
        return *refused;

    Deduction deduction = request;
    deduction.orderId = request.orderId.trimmed();
    deduction.productCode = request.productCode.trimmed();
    if (deduction.id.isNull())
        deduction.id = m_context.newId();
    if (const FieldErrors errors = DeductionRules::validateRequest(deduction); !errors.isEmpty())
        return CommandError::invalid(errors);
    const QString hash = RequestHash::of(requestFields(deduction));

    return m_context.db().write([&]() -> Result<Deduction> {
        const Database &db = m_context.db();
        const VoucherRepository vouchers(db);
        const auto voucher = vouchers.find(deduction.voucherId);
        if (const auto previous = vouchers.deductionRequestHash(deduction.id)) {
            if (*previous != hash || !CommandChecks::visible(voucher, actor))
                return CommandChecks::idempotencyConflict();
            return *vouchers.findDeduction(deduction.id);
        }
        if (!CommandChecks::visible(voucher, actor))
            return CommandError::notFound(u"Voucher"_s);
        if (!ProductRepository(db).activeCodes().contains(deduction.productCode)) {
            return CommandError::invalidField(
                u"productCode"_s,
                CoreTr::tr("%1 is not a product of the catalogue.").arg(deduction.productCode));
        }

        const QDateTime now = m_context.now();
        const Result<qint64> amount = DeductionRules::amountToDeduct(*voucher, deduction, now);
        if (!amount)
            return amount.error();

        deduction.deductedMinor = amount.value();
        deduction.at = now;
        deduction.actorId = actor.userId;
        deduction.rev = db.nextRev();
        const qint64 balance = voucher->balanceMinor - deduction.deductedMinor;
        if (!vouchers.deduct(voucher->id, voucher->balanceMinor, deduction.deductedMinor,
                             deduction.rev)) {
            throw StoreError(StoreError::Kind::Retryable, u"voucher balance changed meanwhile"_s);
        }
        vouchers.insertDeduction(deduction, hash);
        VoucherListWriter(db).setBalance(voucher->applicationId, balance);
        QJsonObject details = requestFields(deduction);
        // Which deduction: the voucher's event alone could not be traced back to its row.
        details.insert(u"deductionId"_s, deduction.id.toString(QUuid::WithoutBraces));
        details.insert(u"deductedMinor"_s, deduction.deductedMinor);
        details.insert(u"balanceMinor"_s, balance);
        m_context.audit(u"RecordDeduction"_s, u"Voucher"_s, voucher->id, details);
        return deduction;
    });
}

Result<Voucher> VoucherCommands::invalidateVoucher(const QUuid &voucherId,
                                                   const QString &reason) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = CommandChecks::requireRole(
            actor, Role::Admin, CoreTr::tr("Only an administrator can invalidate vouchers.")))
        return *refused;

    return m_context.db().write([&]() -> Result<Voucher> {
        const Database &db = m_context.db();
        const VoucherRepository vouchers(db);
        const auto voucher = vouchers.find(voucherId);
        if (!voucher)
            return CommandError::notFound(u"Voucher"_s);
        if (voucher->invalidatedAt.isValid()) {
            return CommandError::conflict(
                u"VoucherInvalidated"_s,
                CoreTr::tr("Voucher %1 is already invalidated.").arg(voucher->code));
        }
        const QDateTime now = m_context.now();
        const qint64 rev = db.nextRev();
        if (!vouchers.invalidate(voucherId, now, rev))
            throw StoreError(StoreError::Kind::Retryable, u"voucher invalidated meanwhile"_s);
        // Quota accounting: the unused balance returns to the partner's pool.
        PartnerRepository(db).releaseIssued(voucher->partnerId, voucher->balanceMinor,
                                            db.nextRev());
        VoucherListWriter(db).setPhase(voucher->applicationId, VoucherListRow::Phase::Invalidated);
        m_context.audit(u"InvalidateVoucher"_s, u"Voucher"_s, voucherId,
                        {{u"code"_s, voucher->code},
                         {u"returnedMinor"_s, voucher->balanceMinor},
                         {u"reason"_s, reason.trimmed()}});
        return *vouchers.find(voucherId);
    });
}
