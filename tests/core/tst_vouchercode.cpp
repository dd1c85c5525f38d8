#include "core/domain/vouchercode.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVoucherCode : public QObject
{
    Q_OBJECT

private slots:
    void generateIsWellFormed();
    void generateSpreadsOverTheCodeSpace();
    void seededGeneratorIsReproducible();
    void fromNumber_data();
    void fromNumber();
    void isWellFormed_data();
    void isWellFormed();
};

void TestVoucherCode::generateIsWellFormed()
{
    static const QRegularExpression shape(u"^VV[0-9]{12}$"_s);
    QRandomGenerator random(20260310);
    for (int i = 0; i < 1000; ++i) {
        const QString code = VoucherCode::generate(random);
        QCOMPARE(code.size(), 2 + VoucherCode::DigitCount);
        QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QVERIFY2(VoucherCode::isWellFormed(code), qPrintable(code));
    }
}

void TestVoucherCode::generateSpreadsOverTheCodeSpace()
{
    // 1000 draws from 10^12 codes: a collision or a constant leading digit would mean the
    // generator is not using the space.
    QRandomGenerator random(7);
    QSet<QString> codes;
    QSet<QChar> leadingDigits;
    for (int i = 0; i < 1000; ++i) {
        const QString code = VoucherCode::generate(random);
        codes.insert(code);
        leadingDigits.insert(code.at(2));
    }
    QCOMPARE(codes.size(), 1000);
    QCOMPARE(leadingDigits.size(), 10);
}

void TestVoucherCode::seededGeneratorIsReproducible()
{
    QRandomGenerator first(42);
    QRandomGenerator second(42);
    QStringList a;
    QStringList b;
    for (int i = 0; i < 5; ++i) {
        a.append(VoucherCode::generate(first));
        b.append(VoucherCode::generate(second));
    }
    QCOMPARE(a, b);
    QCOMPARE(QSet<QString>(a.cbegin(), a.cend()).size(), 5);

    QRandomGenerator other(43);
    QVERIFY(VoucherCode::generate(other) != a.constFirst());
}

void TestVoucherCode::fromNumber_data()
{
    QTest::addColumn<quint64>("number");
    QTest::addColumn<QString>("code");

    QTest::newRow("zero") << quint64(0) << u"VV000000000000"_s;
    QTest::newRow("one") << quint64(1) << u"VV000000000001"_s;
    QTest::newRow("six digits") << quint64(123456) << u"VV000000123456"_s;
    QTest::newRow("eleven digits") << quint64(12345678901) << u"VV012345678901"_s;
    QTest::newRow("largest") << quint64(999'999'999'999) << u"VV999999999999"_s;
    QTest::newRow("power of ten") << quint64(100'000'000'000) << u"VV100000000000"_s;
}

void TestVoucherCode::fromNumber()
{
    QFETCH(quint64, number);
    QFETCH(QString, code);
    QCOMPARE(VoucherCode::fromNumber(number), code);
    QVERIFY(VoucherCode::isWellFormed(VoucherCode::fromNumber(number)));
}

void TestVoucherCode::isWellFormed_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("wellFormed");

    QTest::newRow("valid") << u"VV123456789012"_s << true;
    QTest::newRow("all zeros") << u"VV000000000000"_s << true;
    QTest::newRow("all nines") << u"VV999999999999"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("prefix only") << u"VV"_s << false;
    QTest::newRow("11 digits") << u"VV12345678901"_s << false;
    QTest::newRow("13 digits") << u"VV1234567890123"_s << false;
    QTest::newRow("lower-case prefix") << u"vv123456789012"_s << false;
    QTest::newRow("mixed-case prefix") << u"Vv123456789012"_s << false;
    QTest::newRow("other prefix") << u"VX123456789012"_s << false;
    QTest::newRow("no prefix, 14 digits") << u"12345678901234"_s << false;
    QTest::newRow("letter among digits") << u"VV12345678901A"_s << false;
    QTest::newRow("blank among digits") << u"VV123456 89012"_s << false;
    QTest::newRow("dash among digits") << u"VV123456-89012"_s << false;
    QTest::newRow("leading blank") << u" VV12345678901"_s << false;
    QTest::newRow("trailing blank") << u"VV12345678901 "_s << false;
    QTest::newRow("trailing newline") << u"VV123456789012\n"_s << false;
    QTest::newRow("full-width digits") << u"VV\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18"
                                          u"\uFF19\uFF10\uFF11\uFF12"_s
                                       << false;
    QTest::newRow("Arabic-Indic digits") << u"VV\u0661\u0662\u0663\u0664\u0665\u0666\u0667"
                                            u"\u0668\u0669\u0660\u0661\u0662"_s
                                         << false;
    QTest::newRow("full-width prefix") << u"\uFF36\uFF36123456789012"_s << false;
}

void TestVoucherCode::isWellFormed()
{
    QFETCH(QString, code);
    QFETCH(bool, wellFormed);
    QCOMPARE(VoucherCode::isWellFormed(code), wellFormed);
}

QTEST_GUILESS_MAIN(TestVoucherCode)
#include "tst_vouchercode.moc"
