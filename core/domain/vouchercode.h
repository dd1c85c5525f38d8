#pragma once

#include <QString>

class QRandomGenerator;

// Voucher codes: "VV" followed by 12 digits. Uniqueness is the store's job (a unique index);
// this only makes and recognises them.
class VoucherCode
{
public:
    static constexpr int DigitCount = 12;

    static QString generate(QRandomGenerator &random);
    static QString fromNumber(quint64 number); // zero-padded; number < 10^12
    static bool isWellFormed(const QString &code);
};
