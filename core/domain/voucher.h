#pragma once

#include "core/domain/paymode.h"
#include "core/domain/voucherkind.h"
#include "core/domain/voucherstatus.h"

#include <QDateTime>
#include <QStringList>
#include <QUuid>

// A voucher issued into a partner's pool by an approved application. Never shown to the
// customer it is for.
struct Voucher
{
    QUuid id;
    QString code; // "VV" + 12 digits, unique
    QUuid applicationId;
    QUuid partnerId;
    QUuid customerId;
    VoucherKind kind = VoucherKind::Specific;
    PayMode payMode = PayMode::All;
    QString currency;
    qint64 faceValueMinor = 0;
    qint64 balanceMinor = 0;
    qint64 minSpendMinor = 0;
    QDateTime effectiveAt;
    QDateTime expiresAt;             // effectiveAt + the template's validity days
    QStringList productCodes;        // specific vouchers: what it pays for
    QStringList blockedProductCodes; // universal vouchers: the blocklist snapshot at approval
    int blocklistRevision = 0;       // universal vouchers: the revision of that snapshot
    QDateTime invalidatedAt;
    qint64 rev = 0;

    // Status at a moment: invalidated, then used up, then expired, then partially used/unused.
    VoucherStatus statusAt(const QDateTime &now) const;
    // True when it can pay a bill at that moment (effective, unexpired, balance left, valid).
    bool isUsableAt(const QDateTime &now) const;
    // Whether the voucher's product scope covers the product.
    bool covers(const QString &productCode) const;
};
