#include "core/rules/deductionrules.h"

#include "core/base/coretr.h"
#include "core/domain/money.h"

using namespace Qt::StringLiterals;

FieldErrors DeductionRules::validateRequest(const Deduction &request)
{
    FieldErrors errors;
    const QString orderId = request.orderId.trimmed();
    if (orderId.isEmpty())
        errors.append({u"orderId"_s, CoreTr::tr("Enter the order number of the bill.")});
    else if (orderId.size() > Deduction::MaxOrderIdLength)
        errors.append({u"orderId"_s, CoreTr::tr("An order number has at most %1 characters.")
                                         .arg(Deduction::MaxOrderIdLength)});
    if (request.productCode.trimmed().isEmpty())
        errors.append({u"productCode"_s, CoreTr::tr("Choose the product the bill is for.")});
    if (request.payMode == PayMode::All)
        errors.append({u"payMode"_s, CoreTr::tr("A bill is either prepaid or postpaid.")});
    if (request.orderAmountMinor <= 0)
        errors.append(
            {u"orderAmountMinor"_s, CoreTr::tr("The order amount must be greater than 0.")});
    if (request.customerId.isNull())
        errors.append({u"customerId"_s, CoreTr::tr("Choose the customer the bill belongs to.")});
    return errors;
}

Result<qint64> DeductionRules::amountToDeduct(const Voucher &voucher, const Deduction &request,
                                              const QDateTime &now)
{
    if (request.customerId != voucher.customerId) {
        return CommandError::conflict(
            u"CustomerMismatch"_s,
            CoreTr::tr("Voucher %1 was issued for another customer.").arg(voucher.code));
    }
    if (!voucher.isUsableAt(now)) {
        QString why;
        switch (voucher.statusAt(now)) {
        case VoucherStatus::Expired:
            why = CoreTr::tr("Voucher %1 expired on %2.")
                      .arg(voucher.code, QLocale().toString(voucher.expiresAt.toLocalTime(),
                                                            QLocale::ShortFormat));
            break;
        case VoucherStatus::UsedUp:
            why = CoreTr::tr("Voucher %1 has no balance left.").arg(voucher.code);
            break;
        case VoucherStatus::Invalidated:
            why = CoreTr::tr("Voucher %1 was invalidated by the vendor.").arg(voucher.code);
            break;
        default:
            why = CoreTr::tr("Voucher %1 is not in effect yet.").arg(voucher.code);
            break;
        }
        return CommandError::conflict(u"VoucherNotUsable"_s, why);
    }
    if (!voucher.covers(request.productCode)) {
        const QString why =
            voucher.kind == VoucherKind::Specific
                ? CoreTr::tr("Voucher %1 pays only for its listed products, not %2.")
                : CoreTr::tr("Voucher %1 does not pay for %2: the product is on its blocklist.");
        return CommandError::conflict(u"ProductNotCovered"_s,
                                      why.arg(voucher.code, request.productCode));
    }
    if (voucher.payMode != PayMode::All && voucher.payMode != request.payMode) {
        return CommandError::conflict(u"PayModeMismatch"_s,
                                      CoreTr::tr("Voucher %1 pays %2 bills only; this bill is %3.")
                                          .arg(voucher.code,
                                               payModeDisplayName(voucher.payMode).toLower(),
                                               payModeDisplayName(request.payMode).toLower()));
    }
    if (request.orderAmountMinor < voucher.minSpendMinor) {
        return CommandError::conflict(
            u"BelowMinSpend"_s,
            CoreTr::tr("Voucher %1 needs a bill of at least %2; this one is %3.")
                .arg(voucher.code, Money(voucher.minSpendMinor, voucher.currency).format(),
                     Money(request.orderAmountMinor, voucher.currency).format()));
    }
    return std::min(voucher.balanceMinor, request.orderAmountMinor);
}
