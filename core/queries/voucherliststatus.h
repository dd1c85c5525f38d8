#pragma once

#include <QString>

#include <optional>

// The one status the Vendor Voucher List shows for a row: the application's while it has no
// voucher, the voucher's status at the moment once it is issued.
enum class VoucherListStatus {
    PendingReview,
    Unused,
    PartiallyUsed,
    UsedUp,
    Expired,
    Rejected,
    Cancelled,
    Invalidated,
};

QString voucherListStatusToString(VoucherListStatus status); // "pending_review", "unused", ...
std::optional<VoucherListStatus> voucherListStatusFromString(const QString &name);
QString voucherListStatusDisplayName(VoucherListStatus status);
