#include "core/domain/customer.h"

#include <QTest>

using namespace Qt::StringLiterals;

static QByteArray describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + u": "_s + error.message);
    return parts.join(u"; "_s).toUtf8();
}

class TestCustomer : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void bothFieldsWrong();
    void eligibilityIsNotValidated();
};

void TestCustomer::valid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uin");

    QTest::newRow("typical") << u"Acme Ltd."_s << u"100012345678"_s;
    QTest::newRow("one-character name") << u"A"_s << u"12345"_s;
    QTest::newRow("100-character name") << QString(100, u'n') << u"12345"_s;
    QTest::newRow("100 characters between blanks")
        << u"  "_s + QString(100, u'n') + u" "_s << u"12345"_s;
    QTest::newRow("Chinese name") << u"\u817E\u8BAF\u4E91\u5BA2\u6237"_s << u"123456789"_s;
    QTest::newRow("5-digit UIN") << u"Acme"_s << u"00000"_s;
    QTest::newRow("20-digit UIN") << u"Acme"_s << QString(20, u'9');
}

void TestCustomer::valid()
{
    QFETCH(QString, name);
    QFETCH(QString, uin);

    Customer customer;
    customer.name = name;
    customer.uin = uin;
    const FieldErrors errors = customer.validate();
    QVERIFY2(errors.isEmpty(), describe(errors).constData());
}

void TestCustomer::invalid_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uin");
    QTest::addColumn<QString>("field");

    const QString uin = u"100012345678"_s;
    QTest::newRow("name empty") << QString() << uin << u"name"_s;
    QTest::newRow("name whitespace") << u" \t\n "_s << uin << u"name"_s;
    QTest::newRow("name of 101 characters") << QString(101, u'n') << uin << u"name"_s;

    const QString name = u"Acme"_s;
    QTest::newRow("UIN empty") << name << QString() << u"uin"_s;
    QTest::newRow("UIN of 4 digits") << name << u"1234"_s << u"uin"_s;
    QTest::newRow("UIN of 21 digits") << name << QString(21, u'1') << u"uin"_s;
    QTest::newRow("UIN with a letter") << name << u"12a45"_s << u"uin"_s;
    QTest::newRow("UIN with a blank") << name << u"123 456"_s << u"uin"_s;
    QTest::newRow("UIN with a leading blank") << name << u" 123456"_s << u"uin"_s;
    QTest::newRow("UIN negative") << name << u"-123456"_s << u"uin"_s;
    QTest::newRow("UIN with a plus") << name << u"+123456"_s << u"uin"_s;
    QTest::newRow("UIN blanks only") << name << u"     "_s << u"uin"_s;
    QTest::newRow("UIN in full-width digits")
        << name << u"\uFF11\uFF12\uFF13\uFF14\uFF15"_s << u"uin"_s;
}

void TestCustomer::invalid()
{
    QFETCH(QString, name);
    QFETCH(QString, uin);
    QFETCH(QString, field);

    Customer customer;
    customer.name = name;
    customer.uin = uin;
    const FieldErrors errors = customer.validate();
    QVERIFY2(errors.size() == 1, describe(errors).constData());
    QCOMPARE(errors.constFirst().field, field);
    QVERIFY(!errors.constFirst().message.isEmpty());
}

void TestCustomer::bothFieldsWrong()
{
    Customer customer;
    customer.name = QString(101, u'x');
    customer.uin = u"123"_s;
    const FieldErrors errors = customer.validate();
    QVERIFY2(errors.size() == 2, describe(errors).constData());
    QStringList fields = {errors.at(0).field, errors.at(1).field};
    fields.sort();
    QCOMPARE(fields, QStringList({u"name"_s, u"uin"_s}));
    // The length messages say how long the value is.
    for (const FieldError &error : errors) {
        if (error.field == u"name"_s)
            QVERIFY2(error.message.contains(u"101"_s), qPrintable(error.message));
        else
            QVERIFY2(error.message.contains(u'3'), qPrintable(error.message));
    }
}

void TestCustomer::eligibilityIsNotValidated()
{
    Customer customer;
    customer.name = u"Acme"_s;
    customer.uin = u"12345"_s;
    customer.eligible = false;
    QVERIFY(customer.validate().isEmpty());
}

QTEST_GUILESS_MAIN(TestCustomer)
#include "tst_customer.moc"
