#include "core/domain/money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

static constexpr qint64 Max = std::numeric_limits<qint64>::max();
static constexpr qint64 Min = std::numeric_limits<qint64>::min();

// Lets QCOMPARE print a Money that differs.
char *toString(const Money &money)
{
    return QTest::toString(money.toDecimalString() + QLatin1Char(' ') + money.currency());
}

static QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}
static QLocale chinese()
{
    return QLocale(QLocale::Chinese, QLocale::China);
}
static QLocale german() // groups with '.', decimal ','
{
    return QLocale(QLocale::German, QLocale::Germany);
}
static QLocale french() // groups with U+202F, decimal ','
{
    return QLocale(QLocale::French, QLocale::France);
}
static QLocale swedish() // groups with U+00A0, minus sign U+2212
{
    return QLocale(QLocale::Swedish, QLocale::Sweden);
}
static QLocale swiss() // groups with U+2019, decimal '.'
{
    return QLocale(QLocale::German, QLocale::Switzerland);
}

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void construction();
    void currencies();
    void equality();

    void checkedAddIntegers_data();
    void checkedAddIntegers();
    void checkedSubtractIntegers_data();
    void checkedSubtractIntegers();
    void checkedMoney_data();
    void checkedMoney();

    void toDecimalString_data();
    void toDecimalString();
    void toEditString_data();
    void toEditString();
    void format_data();
    void format();

    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseKeepsMessageOnSuccess();
    void parseWithoutMessagePointer();

    void roundTrip_data();
    void roundTrip();
};

void TestMoney::construction()
{
    const Money none;
    QCOMPARE(none.minor(), 0);
    QCOMPARE(none.currency(), QString());
    QVERIFY(!none.isValid());

    const Money cny(-1234, u"CNY"_s);
    QCOMPARE(cny.minor(), -1234);
    QCOMPARE(cny.currency(), u"CNY"_s);
    QVERIFY(cny.isValid());

    QVERIFY(Money(0, u"USD"_s).isValid());
    QVERIFY(!Money(5, u"EUR"_s).isValid());
    QVERIFY(!Money(5, u"cny"_s).isValid());
}

void TestMoney::currencies()
{
    QCOMPARE(Money::supportedCurrencies(), QStringList({u"CNY"_s, u"USD"_s}));
    QVERIFY(Money::isSupportedCurrency(u"CNY"_s));
    QVERIFY(Money::isSupportedCurrency(u"USD"_s));
    QVERIFY(!Money::isSupportedCurrency(u"usd"_s));
    QVERIFY(!Money::isSupportedCurrency(u"EUR"_s));
    QVERIFY(!Money::isSupportedCurrency(QString()));

    QCOMPARE(Money::minorDigits(u"CNY"_s), 2);
    QCOMPARE(Money::minorDigits(u"USD"_s), 2);
    QCOMPARE(Money::minorDigits(u"EUR"_s), -1);

    QCOMPARE(Money::symbol(u"CNY"_s), u"\u00A5"_s);
    QCOMPARE(Money::symbol(u"USD"_s), u"$"_s);
    QCOMPARE(Money::symbol(u"EUR"_s), QString());
}

void TestMoney::equality()
{
    QVERIFY(Money(5, u"CNY"_s) == Money(5, u"CNY"_s));
    QVERIFY(Money(5, u"CNY"_s) != Money(5, u"USD"_s));
    QVERIFY(Money(5, u"CNY"_s) != Money(6, u"CNY"_s));
    QVERIFY(Money() == Money());
    QVERIFY(Money() != Money(0, u"CNY"_s));
}

void TestMoney::checkedAddIntegers_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("small") << qint64(1) << qint64(2) << true << qint64(3);
    QTest::newRow("cancel") << qint64(-5) << qint64(5) << true << qint64(0);
    QTest::newRow("max+0") << Max << qint64(0) << true << Max;
    QTest::newRow("max+1") << Max << qint64(1) << false << qint64(0);
    QTest::newRow("max+max") << Max << Max << false << qint64(0);
    QTest::newRow("min+0") << Min << qint64(0) << true << Min;
    QTest::newRow("min-1") << Min << qint64(-1) << false << qint64(0);
    QTest::newRow("min+min") << Min << Min << false << qint64(0);
    QTest::newRow("min+max") << Min << Max << true << qint64(-1);
}

void TestMoney::checkedAddIntegers()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const std::optional<qint64> sum = Money::checkedAdd(a, b);
    QCOMPARE(sum.has_value(), ok);
    if (ok)
        QCOMPARE(*sum, expected);
}

void TestMoney::checkedSubtractIntegers_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("small") << qint64(5) << qint64(3) << true << qint64(2);
    QTest::newRow("below zero") << qint64(3) << qint64(5) << true << qint64(-2);
    QTest::newRow("min-1") << Min << qint64(1) << false << qint64(0);
    QTest::newRow("max-(-1)") << Max << qint64(-1) << false << qint64(0);
    QTest::newRow("0-min") << qint64(0) << Min << false << qint64(0);
    QTest::newRow("0-max") << qint64(0) << Max << true << -Max;
    QTest::newRow("-1-max") << qint64(-1) << Max << true << Min;
    QTest::newRow("min-min") << Min << Min << true << qint64(0);
    QTest::newRow("max-min") << Max << Min << false << qint64(0);
}

void TestMoney::checkedSubtractIntegers()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const std::optional<qint64> difference = Money::checkedSubtract(a, b);
    QCOMPARE(difference.has_value(), ok);
    if (ok)
        QCOMPARE(*difference, expected);
}

void TestMoney::checkedMoney_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<QString>("currencyA");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<QString>("currencyB");
    QTest::addColumn<bool>("subtract");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    const QString cny = u"CNY"_s;
    const QString usd = u"USD"_s;
    QTest::newRow("add") << qint64(100) << cny << qint64(50) << cny << false << true << qint64(150);
    QTest::newRow("subtract") << qint64(100) << usd << qint64(150) << usd << true << true
                              << qint64(-50);
    QTest::newRow("add to max") << Max - 1 << cny << qint64(1) << cny << false << true << Max;
    QTest::newRow("add overflow") << Max << cny << qint64(1) << cny << false << false << qint64(0);
    QTest::newRow("subtract to min") << Min + 1 << usd << qint64(1) << usd << true << true << Min;
    QTest::newRow("subtract overflow")
        << Min << usd << qint64(1) << usd << true << false << qint64(0);
    QTest::newRow("add mismatch") << qint64(1) << cny << qint64(1) << usd << false << false
                                  << qint64(0);
    QTest::newRow("subtract mismatch")
        << qint64(1) << usd << qint64(1) << cny << true << false << qint64(0);
    QTest::newRow("add unsupported")
        << qint64(1) << u"EUR"_s << qint64(1) << u"EUR"_s << false << false << qint64(0);
    QTest::newRow("add invalid to invalid")
        << qint64(0) << QString() << qint64(0) << QString() << false << false << qint64(0);
    QTest::newRow("add to invalid")
        << qint64(0) << QString() << qint64(1) << cny << false << false << qint64(0);
}

void TestMoney::checkedMoney()
{
    QFETCH(qint64, a);
    QFETCH(QString, currencyA);
    QFETCH(qint64, b);
    QFETCH(QString, currencyB);
    QFETCH(bool, subtract);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const Money left(a, currencyA);
    const Money right(b, currencyB);
    const std::optional<Money> result =
        subtract ? left.checkedSubtract(right) : left.checkedAdd(right);
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        QCOMPARE(result->minor(), expected);
        QCOMPARE(result->currency(), currencyA);
    }
}

void TestMoney::toDecimalString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << u"CNY"_s << u"0.00"_s;
    QTest::newRow("one fen") << qint64(1) << u"CNY"_s << u"0.01"_s;
    QTest::newRow("ten fen") << qint64(10) << u"CNY"_s << u"0.10"_s;
    QTest::newRow("one yuan") << qint64(100) << u"CNY"_s << u"1.00"_s;
    QTest::newRow("no grouping") << qint64(100050) << u"CNY"_s << u"1000.50"_s;
    QTest::newRow("negative cents") << qint64(-5) << u"USD"_s << u"-0.05"_s;
    QTest::newRow("negative dollar") << qint64(-100) << u"USD"_s << u"-1.00"_s;
    QTest::newRow("max") << Max << u"USD"_s << u"92233720368547758.07"_s;
    QTest::newRow("min") << Min << u"USD"_s << u"-92233720368547758.08"_s;
    QTest::newRow("unsupported: raw minor units") << qint64(1050) << u"EUR"_s << u"1050"_s;
    QTest::newRow("default") << qint64(0) << QString() << u"0"_s;
}

void TestMoney::toDecimalString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency).toDecimalString(), expected);
}

void TestMoney::toEditString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("en") << qint64(100050) << english() << u"1000.50"_s;
    QTest::newRow("en negative") << qint64(-5) << english() << u"-0.05"_s;
    QTest::newRow("zh") << qint64(123456789) << chinese() << u"1234567.89"_s;
    QTest::newRow("de") << qint64(100050) << german() << u"1000,50"_s;
    QTest::newRow("de negative") << qint64(-5) << german() << u"-0,05"_s;
    QTest::newRow("sv negative") << qint64(-100050) << swedish() << u"\u22121000,50"_s;
    QTest::newRow("en min") << Min << english() << u"-92233720368547758.08"_s;
}

void TestMoney::toEditString()
{
    QFETCH(qint64, minor);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, u"CNY"_s).toEditString(locale), expected);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    const QString cny = u"CNY"_s;
    const QString usd = u"USD"_s;
    QTest::newRow("en zero") << qint64(0) << cny << english() << u"¥0.00"_s;
    QTest::newRow("en cents") << qint64(5) << cny << english() << u"¥0.05"_s;
    QTest::newRow("en 999.99") << qint64(99999) << cny << english() << u"¥999.99"_s;
    QTest::newRow("en 1,000.00") << qint64(100000) << cny << english() << u"¥1,000.00"_s;
    QTest::newRow("en 1,000.50") << qint64(100050) << cny << english() << u"¥1,000.50"_s;
    QTest::newRow("en millions") << qint64(123456789) << usd << english() << u"$1,234,567.89"_s;
    QTest::newRow("en negative") << qint64(-5) << usd << english() << u"-$0.05"_s;
    QTest::newRow("en negative grouped") << qint64(-100050) << cny << english() << u"-¥1,000.50"_s;
    QTest::newRow("en max") << Max << cny << english() << u"¥92,233,720,368,547,758.07"_s;
    QTest::newRow("en min") << Min << usd << english() << u"-$92,233,720,368,547,758.08"_s;

    QTest::newRow("zh cny") << qint64(100050) << cny << chinese() << u"¥1,000.50"_s;
    QTest::newRow("zh usd") << qint64(100050) << usd << chinese() << u"$1,000.50"_s;
    QTest::newRow("zh negative") << qint64(-5) << usd << chinese() << u"-$0.05"_s;
    QTest::newRow("zh min") << Min << cny << chinese() << u"-¥92,233,720,368,547,758.08"_s;

    // German writes the symbol after the number, separated by a no-break space.
    QTest::newRow("de cny") << qint64(100050) << cny << german() << u"1.000,50\u00A0¥"_s;
    QTest::newRow("de usd") << qint64(123456789) << usd << german() << u"1.234.567,89\u00A0$"_s;
    QTest::newRow("de negative") << qint64(-5) << usd << german() << u"-0,05\u00A0$"_s;
    QTest::newRow("de min") << Min << cny << german() << u"-92.233.720.368.547.758,08\u00A0¥"_s;

    QTest::newRow("fr") << qint64(100050) << cny << french() << u"1\u202F000,50\u00A0¥"_s;
    QTest::newRow("sv negative") << qint64(-100050) << cny << swedish()
                                 << u"\u22121\u00A0000,50\u00A0¥"_s;
    QTest::newRow("de_CH") << qint64(100050) << usd << swiss() << u"1\u2019000.50\u00A0$"_s;
    QTest::newRow("C: no grouping") << qint64(100050) << cny << QLocale::c() << u"¥1000.50"_s;

    QTest::newRow("unsupported: raw minor units")
        << qint64(1050) << u"EUR"_s << english() << u"1050"_s;
    QTest::newRow("default") << qint64(0) << QString() << english() << u"0"_s;
}

void TestMoney::format()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money(minor, currency).format(locale), expected);
}

void TestMoney::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("expected");

    const QString cny = u"CNY"_s;
    const QString usd = u"USD"_s;
    const QLocale en = english();

    QTest::newRow("integer") << u"1000"_s << cny << en << qint64(100000);
    QTest::newRow("grouped") << u"1,000.50"_s << cny << en << qint64(100050);
    QTest::newRow("millions") << u"1,234,567.89"_s << cny << en << qint64(123456789);
    QTest::newRow("grouped integer") << u"1,000,000"_s << cny << en << qint64(100000000);
    QTest::newRow("surrounding spaces") << u"  2,500 "_s << cny << en << qint64(250000);
    QTest::newRow("tabs and newline") << u"\t12\n"_s << cny << en << qint64(1200);
    QTest::newRow("one decimal") << u"1,000.5"_s << cny << en << qint64(100050);
    QTest::newRow("zero") << u"0"_s << cny << en << qint64(0);
    QTest::newRow("zero decimals") << u"0.00"_s << cny << en << qint64(0);
    QTest::newRow("minus zero") << u"-0"_s << cny << en << qint64(0);
    QTest::newRow("leading zeros") << u"007"_s << cny << en << qint64(700);
    QTest::newRow("no integer digits") << u".5"_s << cny << en << qint64(50);
    QTest::newRow("negative, no integer digits") << u"-.05"_s << cny << en << qint64(-5);
    QTest::newRow("no fraction digits") << u"1."_s << cny << en << qint64(100);
    QTest::newRow("grouped, no fraction digits") << u"1,000."_s << cny << en << qint64(100000);
    QTest::newRow("negative") << u"-12.30"_s << cny << en << qint64(-1230);
    QTest::newRow("U+2212 minus") << u"\u221212.30"_s << cny << en << qint64(-1230);

    QTest::newRow("yen prefix") << u"¥1000"_s << cny << en << qint64(100000);
    QTest::newRow("yen prefix, space") << u"¥ 1,000"_s << cny << en << qint64(100000);
    QTest::newRow("yen suffix") << u"1000¥"_s << cny << en << qint64(100000);
    QTest::newRow("yen suffix, space") << u"1000 ¥"_s << cny << en << qint64(100000);
    QTest::newRow("full-width yen") << u"\uFFE51000"_s << cny << en << qint64(100000);
    QTest::newRow("CNY prefix") << u"CNY 1"_s << cny << en << qint64(100);
    QTest::newRow("cny lower case") << u"cny1"_s << cny << en << qint64(100);
    QTest::newRow("RMB") << u"RMB 99.99"_s << cny << en << qint64(9999);
    QTest::newRow("rmb suffix") << u"99.99rmb"_s << cny << en << qint64(9999);
    QTest::newRow("minus before yen") << u"-¥5"_s << cny << en << qint64(-500);
    QTest::newRow("minus after yen") << u"¥-5"_s << cny << en << qint64(-500);
    QTest::newRow("minus after yen and space") << u"¥ -5"_s << cny << en << qint64(-500);
    QTest::newRow("minus, yen, space") << u"-¥ 5"_s << cny << en << qint64(-500);
    QTest::newRow("minus, suffix code") << u"-5 CNY"_s << cny << en << qint64(-500);

    QTest::newRow("USD prefix") << u"USD 12.30"_s << usd << en << qint64(1230);
    QTest::newRow("USD suffix") << u"12.30 USD"_s << usd << en << qint64(1230);
    QTest::newRow("usd lower case") << u"usd12.3"_s << usd << en << qint64(1230);
    QTest::newRow("dollar") << u"$0.05"_s << usd << en << qint64(5);
    QTest::newRow("US$") << u"US$5"_s << usd << en << qint64(500);
    QTest::newRow("US$ suffix") << u"5 us$"_s << usd << en << qint64(500);
    QTest::newRow("minus before dollar") << u"-$0.05"_s << usd << en << qint64(-5);
    QTest::newRow("minus after dollar") << u"$-0.05"_s << usd << en << qint64(-5);

    // Chinese input methods in full-width mode.
    QTest::newRow("full-width") << u"\uFFE5\uFF11\uFF0C\uFF10\uFF10\uFF10\uFF0E\uFF15\uFF10"_s
                                << cny << chinese() << qint64(100050);
    QTest::newRow("full-width digits")
        << u"\uFF11\uFF12\uFF13"_s << cny << chinese() << qint64(12300);
    QTest::newRow("full-width minus") << u"\uFF0D\uFF15"_s << cny << chinese() << qint64(-500);
    QTest::newRow("full-width code")
        << u"\uFF23\uFF2E\uFF39 5"_s << cny << chinese() << qint64(500);
    QTest::newRow("ideographic full stop")
        << u"\uFF11\uFF12\u3002\uFF15"_s << cny << chinese() << qint64(1250);
    QTest::newRow("ideographic spaces")
        << u"\u3000\uFF11\uFF10\uFF10\u3000"_s << cny << chinese() << qint64(10000);
    QTest::newRow("zh ascii") << u"1,000.50"_s << cny << chinese() << qint64(100050);

    // Locales with other separators.
    QTest::newRow("de grouped") << u"1.000,50"_s << cny << german() << qint64(100050);
    QTest::newRow("de ungrouped") << u"1000,5"_s << cny << german() << qint64(100050);
    QTest::newRow("de decimal only") << u"1,5"_s << cny << german() << qint64(150);
    QTest::newRow("de formatted") << u"-1.000,50\u00A0¥"_s << cny << german() << qint64(-100050);
    QTest::newRow("de symbol first") << u"$1.000,50"_s << usd << german() << qint64(100050);
    QTest::newRow("fr narrow no-break space")
        << u"1\u202F000,50"_s << cny << french() << qint64(100050);
    QTest::newRow("fr typed space") << u"1 000,50"_s << cny << french() << qint64(100050);
    QTest::newRow("fr no-break space, point")
        << u"1\u00A0000.5"_s << cny << french() << qint64(100050);
    QTest::newRow("sv minus") << u"\u22121 000,50"_s << cny << swedish() << qint64(-100050);
    QTest::newRow("de_CH typed apostrophe") << u"1'000.50"_s << usd << swiss() << qint64(100050);
    QTest::newRow("de_CH typographic apostrophe")
        << u"1\u2019000.50"_s << usd << swiss() << qint64(100050);
    QTest::newRow("de_CH comma") << u"1,000.50"_s << usd << swiss() << qint64(100050);
    QTest::newRow("C decimal string") << u"1000.50"_s << cny << QLocale::c() << qint64(100050);

    // Boundaries.
    QTest::newRow("max") << u"92233720368547758.07"_s << cny << en << Max;
    QTest::newRow("max grouped") << u"¥92,233,720,368,547,758.07"_s << cny << en << Max;
    QTest::newRow("min") << u"-92233720368547758.08"_s << cny << en << Min;
    QTest::newRow("min grouped") << u"-¥92,233,720,368,547,758.08"_s << cny << en << Min;
    QTest::newRow("many leading zeros")
        << u"000000000000000000000000001"_s << cny << en << qint64(100);
}

void TestMoney::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);
    QFETCH(qint64, expected);

    QString message;
    const std::optional<Money> money = Money::parse(text, currency, locale, &message);
    QVERIFY2(money.has_value(), qPrintable(message));
    QCOMPARE(money->minor(), expected);
    QCOMPARE(money->currency(), currency);
    QVERIFY(message.isEmpty());
}

void TestMoney::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("mentions"); // a part of the message; empty: any message

    const QString cny = u"CNY"_s;
    const QString usd = u"USD"_s;
    const QLocale en = english();

    QTest::newRow("empty") << QString() << cny << en << u"Enter an amount."_s;
    QTest::newRow("blank") << u"   "_s << cny << en << u"Enter an amount."_s;
    QTest::newRow("ideographic space") << u"\u3000"_s << cny << en << u"Enter an amount."_s;

    QTest::newRow("unsupported currency") << u"5"_s << u"EUR"_s << en << u"EUR"_s;
    QTest::newRow("lower-case currency") << u"5"_s << u"cny"_s << en << u"CNY, USD"_s;
    QTest::newRow("no currency") << u"5"_s << QString() << en << u"CNY, USD"_s;

    QTest::newRow("USD code for CNY")
        << u"USD 12.30"_s << cny << en << u"This amount is in USD; enter it in CNY."_s;
    QTest::newRow("dollar for CNY") << u"$5"_s << cny << en << u"in USD"_s;
    QTest::newRow("US$ suffix for CNY") << u"5 US$"_s << cny << en << u"in USD"_s;
    QTest::newRow("yen for USD") << u"¥5"_s << usd << en
                                 << u"This amount is in CNY; enter it in USD."_s;
    QTest::newRow("full-width yen for USD") << u"\uFFE55"_s << usd << en << u"in CNY"_s;
    QTest::newRow("RMB for USD") << u"rmb 5"_s << usd << en << u"in CNY"_s;
    QTest::newRow("yen and USD") << u"¥5 USD"_s << cny << en << u"in USD"_s;

    QTest::newRow("symbol twice") << u"¥5¥"_s << cny << en << u"only once"_s;
    QTest::newRow("symbol and code") << u"CNY ¥5"_s << cny << en << u"only once"_s;
    QTest::newRow("double dollar") << u"$$5"_s << usd << en << u"only once"_s;
    QTest::newRow("euro code") << u"EUR 5"_s << cny << en << u"“EUR”"_s;
    QTest::newRow("euro sign") << u"5 €"_s << cny << en << u"“€”"_s;
    QTest::newRow("pound sign") << u"£5"_s << usd << en << u"“£”"_s;

    QTest::newRow("three decimals")
        << u"1.234"_s << cny << en << u"Use at most 2 decimal places."_s;
    QTest::newRow("tenth of a fen") << u"0.001"_s << cny << en << u"at most 2 decimal"_s;
    QTest::newRow("de three decimals") << u"1,234"_s << cny << german() << u"at most 2"_s;

    QTest::newRow("group of two") << u"1,00"_s << cny << en << u"1,234,567.89"_s;
    QTest::newRow("Indian grouping") << u"10,00,000"_s << cny << en << u"in threes"_s;
    QTest::newRow("empty group") << u"1,,000"_s << cny << en << u"in threes"_s;
    QTest::newRow("group of four") << u"1,0000"_s << cny << en << u"in threes"_s;
    QTest::newRow("first group of four") << u"1000,000"_s << cny << en << u"in threes"_s;
    QTest::newRow("leading separator") << u",100"_s << cny << en << u"in threes"_s;
    QTest::newRow("trailing separator") << u"100,"_s << cny << en << u"in threes"_s;
    QTest::newRow("separator before point") << u"1,000,.5"_s << cny << en << u"in threes"_s;
    QTest::newRow("separator after point") << u"1.000,50"_s << cny << en << u"in threes"_s;
    QTest::newRow("de: point groups") << u"1.5"_s << cny << german() << u"1.234.567,89"_s;
    QTest::newRow("de: decimal string") << u"1000.50"_s << cny << german() << u"in threes"_s;
    QTest::newRow("de: English style") << u"1,000.50"_s << cny << german() << u"in threes"_s;

    QTest::newRow("two points") << u"1.2.3"_s << cny << en << u"one decimal point"_s;
    QTest::newRow("double point") << u"1..5"_s << cny << en << u"one decimal point"_s;
    QTest::newRow("de two commas") << u"1,2,3"_s << cny << german() << u"one decimal point"_s;

    QTest::newRow("space inside") << u"1 000"_s << cny << en << u"spaces"_s;
    QTest::newRow("no-break space inside") << u"1\u00A0000"_s << cny << en << u"spaces"_s;
    QTest::newRow("tab inside") << u"1\t000"_s << cny << en << u"spaces"_s;
    QTest::newRow("space after minus") << u"- 5"_s << cny << en << u"spaces"_s;
    QTest::newRow("space in decimals") << u"1.5 0"_s << cny << en << u"spaces"_s;

    QTest::newRow("exponent") << u"1e5"_s << cny << en << u"“e”"_s;
    QTest::newRow("hex") << u"0x10"_s << cny << en << u"“x”"_s;
    QTest::newRow("NaN") << u"NaN"_s << cny << en << u"“N”"_s;
    QTest::newRow("infinity") << u"∞"_s << cny << en << u"“∞”"_s;
    QTest::newRow("minus infinity") << u"-∞"_s << cny << en << u"“∞”"_s;
    QTest::newRow("word") << u"ten"_s << cny << en << u"“t”"_s;
    QTest::newRow("letter O") << u"1O0"_s << cny << en << u"“O”"_s;
    QTest::newRow("plus") << u"+5"_s << cny << en << u"“+”"_s;
    QTest::newRow("parentheses") << u"(5)"_s << cny << en << u"“(”"_s;
    QTest::newRow("yuan character") << u"5元"_s << cny << en << u"“元”"_s;
    QTest::newRow("symbol inside") << u"5¥5"_s << cny << en << u"“¥”"_s;
    QTest::newRow("zero-width space") << u"1\u200B000"_s << cny << en << u"U+200B"_s;
    QTest::newRow("arabic digits") << u"\u0661\u0662"_s << cny << en << u"“\u0661”"_s;

    QTest::newRow("two minus signs") << u"--5"_s << cny << en << u"one minus sign"_s;
    QTest::newRow("minus around yen") << u"-¥-5"_s << cny << en << u"one minus sign"_s;
    QTest::newRow("trailing minus") << u"5-"_s << cny << en << u"one minus sign"_s;
    QTest::newRow("minus inside") << u"1-000"_s << cny << en << u"one minus sign"_s;

    QTest::newRow("minus only") << u"-"_s << cny << en << u"in digits"_s;
    QTest::newRow("point only") << u"."_s << cny << en << u"in digits"_s;
    QTest::newRow("symbol only") << u"¥"_s << cny << en << u"in digits"_s;
    QTest::newRow("minus and symbol") << u"-$"_s << usd << en << u"in digits"_s;
    QTest::newRow("separator only") << u","_s << cny << en << u"in digits"_s;

    QTest::newRow("max + 1") << u"92233720368547758.08"_s << cny << en
                             << u"The amount is too large."_s;
    QTest::newRow("min - 1") << u"-92233720368547758.09"_s << cny << en << u"too large"_s;
    QTest::newRow("2^64 integer digits")
        << u"18446744073709551616"_s << cny << en << u"too large"_s;
    QTest::newRow("2^64 minor units") << u"184467440737095516.16"_s << cny << en << u"too large"_s;
    QTest::newRow("very long") << u"99999999999999999999999999999999999999.99"_s << cny << en
                               << u"too large"_s;
    QTest::newRow("max + 1 grouped")
        << u"¥92,233,720,368,547,758.08"_s << cny << en << u"too large"_s;
    // What is accepted, in the locale's own spelling: its decimal point and its separator.
    QTest::newRow("letter, English") << u"12a"_s << cny << en
                                     << u"with “.” as the decimal point and, if you like, “,” "
                                        "between thousands: for example 1,000.50 or 1000.50."_s;
    QTest::newRow("letter, German")
        << u"12a"_s << cny << QLocale(QLocale::German, QLocale::Germany)
        << u"with “,” as the decimal point and, if you like, “.” between thousands: for "
           "example 1.000,50 or 1000,50."_s;
    QTest::newRow("letter, French")
        << u"12a"_s << cny << QLocale(QLocale::French, QLocale::France)
        << u"with “,” as the decimal point and, if you like, a space between thousands"_s;
}

void TestMoney::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);
    QFETCH(QString, mentions);

    QString message;
    const std::optional<Money> money = Money::parse(text, currency, locale, &message);
    QVERIFY2(!money.has_value(), qPrintable(money ? money->toDecimalString() : QString()));
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void TestMoney::parseKeepsMessageOnSuccess()
{
    QString message = u"untouched"_s;
    QVERIFY(Money::parse(u"5"_s, u"CNY"_s, english(), &message).has_value());
    QCOMPARE(message, u"untouched"_s);
}

void TestMoney::parseWithoutMessagePointer()
{
    QVERIFY(!Money::parse(u"1.234"_s, u"CNY"_s, english()).has_value());
    QVERIFY(!Money::parse(u"5"_s, u"EUR"_s, english()).has_value());
    QCOMPARE(Money::parse(u"1.23"_s, u"CNY"_s, english()).value_or(Money()), Money(123, u"CNY"_s));
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");

    const QList<qint64> values = {0,       1,      5,       -5,        99,         100,
                                  -100,    100050, -100050, 123456789, -123456789, Max,
                                  Max - 1, Min,    Min + 1, 100000000};
    const QList<QLocale> locales = {english(), chinese(), german(),    french(),
                                    swedish(), swiss(),   QLocale::c()};
    for (const QLocale &locale : locales) {
        for (const QString &currency : Money::supportedCurrencies()) {
            for (const qint64 value : values) {
                QTest::addRow("%s %s %lld", qPrintable(locale.name()), qPrintable(currency),
                              static_cast<long long>(value))
                    << value << currency << locale;
            }
        }
    }
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);

    const Money money(minor, currency);
    QString message;

    const QString formatted = money.format(locale);
    QCOMPARE(Money::parse(formatted, currency, locale, &message).value_or(Money()), money);
    QVERIFY2(message.isEmpty(), qPrintable(formatted + u": "_s + message));

    const QString edit = money.toEditString(locale);
    QCOMPARE(Money::parse(edit, currency, locale, &message).value_or(Money()), money);
    QVERIFY2(message.isEmpty(), qPrintable(edit + u": "_s + message));

    const QString decimal = money.toDecimalString();
    QCOMPARE(Money::parse(decimal, currency, QLocale::c(), &message).value_or(Money()), money);
    QVERIFY2(message.isEmpty(), qPrintable(decimal + u": "_s + message));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
