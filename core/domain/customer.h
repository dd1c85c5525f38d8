#pragma once

#include "core/base/fielderror.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

// A customer of a partner. Vouchers are applied for on a customer's behalf but never shown to it.
struct Customer
{
    QUuid id;
    QUuid partnerId;
    QString name;         // 1-100 characters
    QString uin;          // the customer's Tencent Cloud account id: 5-20 digits
    bool eligible = true; // only eligible customers can be chosen in an application
    QDateTime createdAt;
    qint64 rev = 0;

    static constexpr int MaxNameLength = 100;
    static constexpr int MinUinLength = 5;
    static constexpr int MaxUinLength = 20;

    // Every rule the customer's own fields break (uniqueness needs the store).
    FieldErrors validate() const;
};
