#include "core/domain/vouchercode.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 kCodeSpace = 1'000'000'000'000ULL; // 10^12
}

QString VoucherCode::generate(QRandomGenerator &random)
{
    return fromNumber(random.bounded(quint64(0), kCodeSpace));
}

QString VoucherCode::fromNumber(quint64 number)
{
    Q_ASSERT(number < kCodeSpace);
    return u"VV"_s + u"%1"_s.arg(number, DigitCount, 10, QLatin1Char('0'));
}

bool VoucherCode::isWellFormed(const QString &code)
{
    if (code.size() != 2 + DigitCount || !code.startsWith(u"VV"_s))
        return false;
    return std::all_of(code.cbegin() + 2, code.cend(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
}
