#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

// An amount of money: an integer count of minor units (fen, cents) plus an ISO 4217 currency
// code. No floating point is ever involved, neither in arithmetic nor in formatting or parsing.
class Money
{
public:
    Money() = default; // zero, with no currency (invalid)
    Money(qint64 minor, const QString &currency);

    qint64 minor() const { return m_minor; }
    QString currency() const { return m_currency; }

    // True when the currency is one the application supports.
    bool isValid() const;

    static bool isSupportedCurrency(const QString &code); // exact ISO code: "CNY", "USD"
    static QStringList supportedCurrencies();
    // Number of decimal places of the currency's minor unit; -1 for an unsupported currency.
    static int minorDigits(const QString &code);
    // "¥" for CNY, "$" for USD, empty for an unsupported currency.
    static QString symbol(const QString &code);

    // nullopt on overflow, when the currencies differ, or when either operand is invalid.
    std::optional<Money> checkedAdd(const Money &other) const;
    std::optional<Money> checkedSubtract(const Money &other) const;
    static std::optional<qint64> checkedAdd(qint64 a, qint64 b);
    static std::optional<qint64> checkedSubtract(qint64 a, qint64 b);

    // Locale-independent: "1000.50", "-0.05", "0.00". For CSV, JSON and edit fields. An invalid
    // Money gives its raw minor units ("1050").
    QString toDecimalString() const;
    // For pre-filling an edit field: the locale's decimal point and minus sign, no digit group
    // separators, no symbol: "1000.50", "1000,50" (German), "-0.05". Unlike toDecimalString(),
    // parse() reads it back in every locale, including those that group digits with '.'.
    QString toEditString(const QLocale &locale = QLocale()) const;
    // For display: the currency symbol placed as the locale places it, the locale's group and
    // decimal separators and minus sign, ASCII digits: "¥1,000.50", "-$0.05", "1.000,50 ¥".
    // An invalid Money gives its raw minor units with no symbol.
    QString format(const QLocale &locale = QLocale()) const;

    // Strict parse of an amount typed by a user into a field that takes `currency`. Accepts the
    // output of format() and toEditString() in the same locale, and that of toDecimalString() with
    // QLocale::c() (or any locale that does not group digits with '.'). On failure returns nullopt
    // and, if errorMessage is given, sets it to a translated message that says what to fix.
    static std::optional<Money> parse(const QString &text, const QString &currency,
                                      const QLocale &locale = QLocale(),
                                      QString *errorMessage = nullptr);

    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};
