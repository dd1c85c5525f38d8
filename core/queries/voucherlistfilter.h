#pragma once

#include "core/domain/voucherkind.h"
#include "core/queries/voucherliststatus.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

// The conditions of the Vendor Voucher List; every one is optional.
struct VoucherListFilter
{
    QUuid partnerId; // the caller's scope: a partner's rows, or every partner's when null
    std::optional<VoucherListStatus> status;
    QUuid customerId;
    std::optional<VoucherKind> kind;
    QDateTime appliedFrom;        // inclusive
    QDateTime appliedTo;          // exclusive
    QDateTime expiresBefore;      // issued vouchers expiring before this moment
    bool positiveBalance = false; // money still spendable at `now` (see VoucherListQuery)
    qint64 minBalanceMinor = 0;   // > 0: spendable at `now`, with at least this balance left
    QString text; // part of the voucher code or customer name, or the start of the UIN

    friend bool operator==(const VoucherListFilter &, const VoucherListFilter &) = default;
};

enum class VoucherListSortKey { AppliedAt, ExpiresAt, Balance, FaceValue, Customer, Code };

struct VoucherListSort
{
    VoucherListSortKey key = VoucherListSortKey::AppliedAt;
    bool descending = true;

    friend bool operator==(const VoucherListSort &, const VoucherListSort &) = default;
};
