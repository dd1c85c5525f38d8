#include "core/queries/voucherlistrow.h"

VoucherListStatus VoucherListRow::statusAt(const QDateTime &now) const
{
    switch (phase) {
    case Phase::PendingReview:
        return VoucherListStatus::PendingReview;
    case Phase::Rejected:
        return VoucherListStatus::Rejected;
    case Phase::Cancelled:
        return VoucherListStatus::Cancelled;
    case Phase::Invalidated:
        return VoucherListStatus::Invalidated;
    case Phase::Issued:
        break;
    }
    // Same precedence as Voucher::statusAt.
    if (balanceMinor <= 0)
        return VoucherListStatus::UsedUp;
    if (now >= expiresAt)
        return VoucherListStatus::Expired;
    if (balanceMinor < faceValueMinor)
        return VoucherListStatus::PartiallyUsed;
    return VoucherListStatus::Unused;
}
