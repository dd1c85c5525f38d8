#pragma once

#include <QString>

#include <optional>

// Universal vouchers pay for every product except the blocklist; specific ones only for the
// products their template lists.
enum class VoucherKind { Universal, Specific };

QString voucherKindToString(VoucherKind kind); // "universal", "specific"
std::optional<VoucherKind> voucherKindFromString(const QString &name);
QString voucherKindDisplayName(VoucherKind kind);
