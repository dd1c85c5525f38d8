#pragma once

#include "core/domain/paymode.h"
#include "core/domain/voucherkind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <optional>

// What a partner fills in once and applies with many times. Editable until the first
// application using it is submitted; then locked for good.
struct VoucherTemplate
{
    QUuid id;
    QUuid partnerId;
    QString name;
    VoucherKind kind = VoucherKind::Specific;
    qint64 faceValueMinor = 0;
    QString currency;
    int validityDays = 30;
    qint64 minSpendMinor = 0;
    PayMode payMode = PayMode::All;
    QStringList productCodes; // specific vouchers only
    QString note;
    int version = 1;
    bool locked = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;

    static constexpr int MaxNameLength = 60;
    static constexpr int MinValidityDays = 1;
    static constexpr int MaxValidityDays = 365;
    static constexpr int MaxProducts = 50;
    static constexpr int MaxNoteLength = 500;

    // The API representation; also what an application keeps as its template snapshot
    // (ApiJsonReader::voucherTemplate reads it back).
    QJsonObject toJson() const;
};
