#include "core/domain/voucher.h"

VoucherStatus Voucher::statusAt(const QDateTime &now) const
{
    if (invalidatedAt.isValid())
        return VoucherStatus::Invalidated;
    if (balanceMinor <= 0)
        return VoucherStatus::UsedUp;
    if (now >= expiresAt)
        return VoucherStatus::Expired;
    if (balanceMinor < faceValueMinor)
        return VoucherStatus::PartiallyUsed;
    return VoucherStatus::Unused;
}

bool Voucher::isUsableAt(const QDateTime &now) const
{
    const VoucherStatus status = statusAt(now);
    return now >= effectiveAt &&
           (status == VoucherStatus::Unused || status == VoucherStatus::PartiallyUsed);
}

bool Voucher::covers(const QString &productCode) const
{
    if (kind == VoucherKind::Specific)
        return productCodes.contains(productCode);
    return !blockedProductCodes.contains(productCode);
}
