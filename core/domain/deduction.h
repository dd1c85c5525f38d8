#pragma once

#include "core/domain/paymode.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

// One use of a voucher to pay (part of) a customer's bill.
struct Deduction
{
    QUuid id; // chosen by the client, so that a retried payment is the same payment
    QUuid voucherId;
    QUuid customerId;
    QString orderId;
    QString productCode;
    PayMode payMode = PayMode::Prepaid; // of the order: prepaid or postpaid
    qint64 orderAmountMinor = 0;
    qint64 deductedMinor = 0; // min(balance, order amount)
    QDateTime at;
    QUuid actorId;
    qint64 rev = 0;

    static constexpr int MaxOrderIdLength = 64;
};
