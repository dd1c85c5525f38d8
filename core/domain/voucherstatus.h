#pragma once

#include <QString>

#include <optional>

// The status of an issued voucher at a given moment (see Voucher::statusAt).
enum class VoucherStatus { Unused, PartiallyUsed, UsedUp, Expired, Invalidated };

QString voucherStatusToString(VoucherStatus status); // "unused", "partially_used", ...
std::optional<VoucherStatus> voucherStatusFromString(const QString &name);
QString voucherStatusDisplayName(VoucherStatus status);
