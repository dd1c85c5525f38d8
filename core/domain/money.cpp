#include "core/domain/money.h"

#include "core/base/coretr.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

// A currency symbol or code a user may write before or after an amount.
struct CurrencyMarker
{
    QString text;
    QString currency;
};

// Longest first, so that "US$" wins over "$". Codes match case-insensitively.
static const QList<CurrencyMarker> &currencyMarkers()
{
    static const QList<CurrencyMarker> markers = {
        {u"US$"_s, u"USD"_s}, {u"USD"_s, u"USD"_s}, {u"CNY"_s, u"CNY"_s},
        {u"RMB"_s, u"CNY"_s}, {u"$"_s, u"USD"_s},   {u"\u00A5"_s, u"CNY"_s}, // ¥
    };
    return markers;
}

static const CurrencyMarker *markerAtStart(QStringView text)
{
    for (const CurrencyMarker &marker : currencyMarkers()) {
        if (text.startsWith(marker.text, Qt::CaseInsensitive))
            return &marker;
    }
    return nullptr;
}

static const CurrencyMarker *markerAtEnd(QStringView text)
{
    for (const CurrencyMarker &marker : currencyMarkers()) {
        if (text.endsWith(marker.text, Qt::CaseInsensitive))
            return &marker;
    }
    return nullptr;
}

static bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

static bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

static quint64 magnitudeOf(qint64 value)
{
    // Unsigned negation, so INT64_MIN works too.
    return value < 0 ? 0 - quint64(value) : quint64(value);
}

// Full-width forms typed by Chinese input methods become their ASCII equivalents: digits,
// letters and punctuation (U+FF01..U+FF5E), the full-width yen sign, the ideographic space and
// the ideographic full stop (typed for '.' when Chinese punctuation is on).
static QString normalisedInput(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0xFFE5)
            c = QChar(0x00A5);
        else if (u == 0x3000)
            c = QLatin1Char(' ');
        else if (u == 0x3002)
            c = QLatin1Char('.');
    }
    return result;
}

// Length of the minus sign at the start of text, or 0: '-', U+2212 or the locale's own sign.
static qsizetype minusSignLength(QStringView text, const QLocale &locale)
{
    const QString localeSign = locale.negativeSign();
    if (!localeSign.isEmpty() && text.startsWith(localeSign))
        return localeSign.size();
    if (!text.isEmpty() && (text.front() == QLatin1Char('-') || text.front() == QChar(0x2212)))
        return 1;
    return 0;
}

// Which characters separate digit groups and which one is the decimal point. The locale's own
// separators always count. Besides them ',' groups and '.' is a decimal point, unless the
// locale uses that character the other way round (German "1.000,50"). Where the locale groups
// with a kind of space or apostrophe, the ones a keyboard types count as well.
class NumberSyntax
{
public:
    explicit NumberSyntax(const QLocale &locale)
    {
        const QString decimal = locale.decimalPoint();
        const QString group = locale.groupSeparator();
        if (decimal.size() == 1)
            m_decimalPoint = decimal.at(0);
        if (group.size() == 1)
            m_groupSeparator = group.at(0);
    }

    bool isDecimalPoint(QChar c) const
    {
        return c == m_decimalPoint ||
               (c == QLatin1Char('.') && m_groupSeparator != QLatin1Char('.'));
    }

    bool isGroupSeparator(QChar c) const
    {
        if (c == m_groupSeparator)
            return true;
        if (c == QLatin1Char(','))
            return m_decimalPoint != QLatin1Char(',');
        if (isSpaceLike(m_groupSeparator))
            return isSpaceLike(c);
        if (isApostropheLike(m_groupSeparator))
            return isApostropheLike(c);
        return false;
    }

private:
    static bool isSpaceLike(QChar c)
    {
        return c == QLatin1Char(' ') || c == QChar(0x00A0) || c == QChar(0x2009) ||
               c == QChar(0x202F);
    }
    static bool isApostropheLike(QChar c) { return c == QLatin1Char('\'') || c == QChar(0x2019); }

    QChar m_decimalPoint = QLatin1Char('.');
    QChar m_groupSeparator = QLatin1Char(',');
};

// The digits of an amount of `digits` decimal places, grouped by threes with `group` (none if
// empty), ASCII digits, no sign.
static QString formatMagnitude(quint64 magnitude, int digits, const QString &group,
                               const QString &decimalPoint)
{
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString result = QString::number(magnitude / scale);
    if (!group.isEmpty()) {
        for (qsizetype at = result.size() - 3; at > 0; at -= 3)
            result.insert(at, group);
    }
    if (digits > 0) {
        result += decimalPoint;
        result += QString::number(magnitude % scale).rightJustified(digits, QLatin1Char('0'));
    }
    return result;
}

// Where the locale writes a currency symbol (before or after the number) and the space between.
// Learnt from the locale's currency format applied to the integer 1; no amount goes through it.
struct SymbolPlacement
{
    bool after = false;
    QString spacing;
};

static SymbolPlacement symbolPlacement(const QLocale &locale)
{
    if (locale.language() == QLocale::C)
        return {};
    const QString sign = u"\u00A4"_s; // ¤, the generic currency sign
    const QString one = locale.toString(qlonglong(1));
    const QString sample = locale.toCurrencyString(qlonglong(1), sign);
    SymbolPlacement placement;
    if (sample.startsWith(sign) && sample.endsWith(one)) {
        placement.spacing = sample.mid(sign.size(), sample.size() - sign.size() - one.size());
    } else if (sample.startsWith(one) && sample.endsWith(sign)) {
        placement.after = true;
        placement.spacing = sample.mid(one.size(), sample.size() - one.size() - sign.size());
    }
    if (!placement.spacing.trimmed().isEmpty())
        placement.spacing.clear();
    return placement;
}

Money::Money(qint64 minor, const QString &currency)
    : m_minor(minor)
    , m_currency(currency)
{}

bool Money::isValid() const
{
    return isSupportedCurrency(m_currency);
}

bool Money::isSupportedCurrency(const QString &code)
{
    return code == u"CNY" || code == u"USD";
}

QStringList Money::supportedCurrencies()
{
    return {u"CNY"_s, u"USD"_s};
}

int Money::minorDigits(const QString &code)
{
    return isSupportedCurrency(code) ? 2 : -1;
}

QString Money::symbol(const QString &code)
{
    if (code == u"CNY")
        return u"\u00A5"_s; // ¥
    if (code == u"USD")
        return u"$"_s;
    return {};
}

std::optional<Money> Money::checkedAdd(const Money &other) const
{
    if (!isValid() || m_currency != other.m_currency)
        return std::nullopt;
    const std::optional<qint64> sum = checkedAdd(m_minor, other.m_minor);
    if (!sum)
        return std::nullopt;
    return Money(*sum, m_currency);
}

std::optional<Money> Money::checkedSubtract(const Money &other) const
{
    if (!isValid() || m_currency != other.m_currency)
        return std::nullopt;
    const std::optional<qint64> difference = checkedSubtract(m_minor, other.m_minor);
    if (!difference)
        return std::nullopt;
    return Money(*difference, m_currency);
}

std::optional<qint64> Money::checkedAdd(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (__builtin_add_overflow(a, b, &result))
        return std::nullopt;
    return result;
}

std::optional<qint64> Money::checkedSubtract(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (__builtin_sub_overflow(a, b, &result))
        return std::nullopt;
    return result;
}

QString Money::toDecimalString() const
{
    const int digits = minorDigits(m_currency);
    if (digits < 0)
        return QString::number(m_minor);
    const QString number = formatMagnitude(magnitudeOf(m_minor), digits, {}, u"."_s);
    return m_minor < 0 ? QString(QLatin1Char('-') + number) : number;
}

QString Money::toEditString(const QLocale &locale) const
{
    const int digits = minorDigits(m_currency);
    if (digits < 0)
        return QString::number(m_minor);
    const QString number = formatMagnitude(magnitudeOf(m_minor), digits, {}, locale.decimalPoint());
    return m_minor < 0 ? QString(locale.negativeSign() + number) : number;
}

QString Money::format(const QLocale &locale) const
{
    const int digits = minorDigits(m_currency);
    if (digits < 0)
        return QString::number(m_minor);
    const QString group = locale.numberOptions().testFlag(QLocale::OmitGroupSeparator)
                              ? QString()
                              : locale.groupSeparator();
    const QString number =
        formatMagnitude(magnitudeOf(m_minor), digits, group, locale.decimalPoint());
    const SymbolPlacement placement = symbolPlacement(locale);
    const QString currencySymbol = symbol(m_currency);
    QString result = placement.after ? QString(number + placement.spacing + currencySymbol)
                                     : QString(currencySymbol + placement.spacing + number);
    if (m_minor < 0)
        result.prepend(locale.negativeSign());
    return result;
}

// A currency sign (€, £) or a three-letter code at the start or end of text, followed or
// preceded by something with digits: a currency the user meant but the field does not take.
static QString foreignCurrency(QStringView text)
{
    for (const bool atEnd : {false, true}) {
        if (text.isEmpty())
            return {};
        qsizetype length = 0;
        if ((atEnd ? text.back() : text.front()).category() == QChar::Symbol_Currency) {
            length = 1;
        } else {
            while (length < text.size() &&
                   isAsciiLetter(atEnd ? text.at(text.size() - 1 - length) : text.at(length)))
                ++length;
            if (length != 3)
                continue;
        }
        const QStringView rest = atEnd ? text.chopped(length) : text.mid(length);
        if (std::any_of(rest.begin(), rest.end(), isAsciiDigit))
            return (atEnd ? text.last(length) : text.first(length)).toString();
    }
    return {};
}

// “e” for a visible character, U+200B for an invisible one.
static QString describeCharacter(QChar c)
{
    if (c.isPrint() && !c.isSpace())
        return u"\u201C"_s + c + u"\u201D"_s;
    return u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

std::optional<Money> Money::parse(const QString &text, const QString &currency,
                                  const QLocale &locale, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) -> std::optional<Money> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    if (!isSupportedCurrency(currency)) {
        return fail(CoreTr::tr("“%1” is not a supported currency. Supported currencies: %2.")
                        .arg(currency, supportedCurrencies().join(u", ")));
    }
    const int digits = minorDigits(currency);
    const QString decimalPoint = locale.decimalPoint();
    // Examples for the messages, written the way this locale writes numbers.
    const QString example = formatMagnitude(100050, digits, locale.groupSeparator(), decimalPoint);
    const QString groupedExample =
        formatMagnitude(123456789, digits, locale.groupSeparator(), decimalPoint);
    const QString ungroupedExample = formatMagnitude(123456789, digits, {}, decimalPoint);
    const QString ungroupedPlainExample = formatMagnitude(100050, digits, {}, decimalPoint);
    // A space that groups digits is invisible between quotes: name it.
    const QString groupName = locale.groupSeparator().trimmed().isEmpty()
                                  ? CoreTr::tr("a space")
                                  : u"\u201C"_s + locale.groupSeparator() + u"\u201D"_s;

    const QString input = normalisedInput(text).trimmed();
    if (input.isEmpty())
        return fail(CoreTr::tr("Enter an amount."));

    // Sign and currency: "-¥1,000", "¥-1,000", "-1.000,00 ¥", "USD 12.30".
    QStringView rest = input;
    bool negative = false;
    if (const qsizetype length = minusSignLength(rest, locale)) {
        negative = true;
        rest = rest.mid(length);
    }
    const CurrencyMarker *prefix = markerAtStart(rest);
    if (prefix) {
        rest = rest.mid(prefix->text.size()).trimmed();
        if (const qsizetype length = minusSignLength(rest, locale); length && !negative) {
            negative = true;
            rest = rest.mid(length);
        }
    }
    const CurrencyMarker *suffix = markerAtEnd(rest);
    if (suffix)
        rest = rest.chopped(suffix->text.size()).trimmed();
    for (const CurrencyMarker *marker : {prefix, suffix}) {
        if (marker && marker->currency != currency) {
            return fail(CoreTr::tr("This amount is in %1; enter it in %2.")
                            .arg(marker->currency, currency));
        }
    }
    if ((prefix && suffix) || markerAtStart(rest) || markerAtEnd(rest))
        return fail(CoreTr::tr("Write the currency only once, before or after the amount."));
    if (const QString foreign = foreignCurrency(rest); !foreign.isEmpty()) {
        return fail(CoreTr::tr("“%1” is not accepted here; enter the amount in %2.")
                        .arg(foreign, currency));
    }

    // What is left are the digits, digit group separators and at most one decimal point.
    const NumberSyntax syntax(locale);
    const auto isMinus = [&locale](QChar c) {
        return c == QLatin1Char('-') || c == QChar(0x2212) || locale.negativeSign().contains(c);
    };
    for (const QChar c : rest) {
        if (!isAsciiDigit(c) && !syntax.isDecimalPoint(c) && !syntax.isGroupSeparator(c) &&
            !isMinus(c) && !c.isSpace()) {
            //: %2 is the decimal point and %3 the digit group separator of the user's
            //: locale; %4 and %5 the same amount written with and without the separators.
            return fail(CoreTr::tr("%1 is not allowed in an amount. Type digits, with “%2” as "
                                   "the decimal point and, if you like, %3 between thousands: "
                                   "for example %4 or %5.")
                            .arg(describeCharacter(c), decimalPoint, groupName, example,
                                 ungroupedPlainExample));
        }
    }
    qsizetype decimalAt = -1;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (isAsciiDigit(c) || syntax.isGroupSeparator(c))
            continue;
        if (isMinus(c))
            return fail(CoreTr::tr("Use only one minus sign, at the start of the amount."));
        if (syntax.isDecimalPoint(c)) {
            if (decimalAt >= 0)
                return fail(CoreTr::tr("Use only one decimal point."));
            decimalAt = i;
            continue;
        }
        return fail(CoreTr::tr("Remove the spaces inside the amount."));
    }
    if (std::none_of(rest.begin(), rest.end(), isAsciiDigit))
        return fail(CoreTr::tr("Enter the amount in digits, for example %1.").arg(example));

    const QStringView integerPart = decimalAt >= 0 ? rest.first(decimalAt) : rest;
    const QStringView fractionPart = decimalAt >= 0 ? rest.mid(decimalAt + 1) : QStringView();
    const QString groupingMessage =
        CoreTr::tr("Group the digits in threes, like %1, or leave the separators out, like %2.")
            .arg(groupedExample, ungroupedExample);
    if (std::any_of(fractionPart.begin(), fractionPart.end(),
                    [&syntax](QChar c) { return syntax.isGroupSeparator(c); }))
        return fail(groupingMessage);
    // Groups: the first of 1 to 3 digits, each further one of exactly 3.
    qsizetype groupLength = 0;
    bool firstGroup = true;
    for (const QChar c : integerPart) {
        if (isAsciiDigit(c)) {
            ++groupLength;
            continue;
        }
        if (firstGroup ? (groupLength < 1 || groupLength > 3) : groupLength != 3)
            return fail(groupingMessage);
        firstGroup = false;
        groupLength = 0;
    }
    if (!firstGroup && groupLength != 3)
        return fail(groupingMessage);
    if (fractionPart.size() > digits)
        return fail(CoreTr::tr("Use at most %1 decimal places.").arg(digits));

    // Magnitude in minor units, checked at every step.
    const QString tooLarge = CoreTr::tr("The amount is too large.");
    quint64 magnitude = 0;
    const auto appendDigit = [&magnitude](int digit) {
        return !__builtin_mul_overflow(magnitude, quint64(10), &magnitude) &&
               !__builtin_add_overflow(magnitude, quint64(digit), &magnitude);
    };
    for (const QChar c : integerPart) {
        if (isAsciiDigit(c) && !appendDigit(c.unicode() - u'0'))
            return fail(tooLarge);
    }
    for (qsizetype i = 0; i < digits; ++i) {
        if (!appendDigit(i < fractionPart.size() ? fractionPart.at(i).unicode() - u'0' : 0))
            return fail(tooLarge);
    }
    const quint64 limit = negative ? magnitudeOf(std::numeric_limits<qint64>::min())
                                   : quint64(std::numeric_limits<qint64>::max());
    if (magnitude > limit)
        return fail(tooLarge);
    if (!negative)
        return Money(qint64(magnitude), currency);
    if (magnitude == limit)
        return Money(std::numeric_limits<qint64>::min(), currency);
    return Money(-qint64(magnitude), currency);
}
