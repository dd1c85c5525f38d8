#pragma once

#include <QString>

#include <optional>

// How the bills a voucher may pay are charged. A voucher with `All` pays either kind; an order
// is always Prepaid or Postpaid.
enum class PayMode { All, Prepaid, Postpaid };

QString payModeToString(PayMode mode); // "all", "prepaid", "postpaid"
std::optional<PayMode> payModeFromString(const QString &name);
QString payModeDisplayName(PayMode mode);
