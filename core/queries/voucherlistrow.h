#pragma once

#include "core/domain/voucherkind.h"
#include "core/queries/voucherliststatus.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

// One row of the Vendor Voucher List (table voucher_list): an application and, once approved,
// its voucher.
struct VoucherListRow
{
    // Stored lifecycle phase; the time-dependent voucher statuses derive from it at read time.
    enum class Phase {
        PendingReview = 0,
        Rejected = 1,
        Cancelled = 2,
        Issued = 3,
        Invalidated = 4
    };

    QUuid applicationId;
    QUuid partnerId;
    QUuid customerId;
    QString customerName;
    QString customerUin;
    QString templateName;
    VoucherKind kind = VoucherKind::Specific;
    QString currency;
    qint64 faceValueMinor = 0;
    qint64 balanceMinor = 0; // meaningful once issued
    Phase phase = Phase::PendingReview;
    QDateTime appliedAt;
    QDateTime expiresAt; // once issued
    QUuid voucherId;
    QString voucherCode;

    bool isIssued() const { return phase == Phase::Issued || phase == Phase::Invalidated; }
    VoucherListStatus statusAt(const QDateTime &now) const;
};
