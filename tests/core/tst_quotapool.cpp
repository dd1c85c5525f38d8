#include "core/rules/quotapool.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestQuotaPool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultIsEmpty();
    void accounting_data();
    void accounting();
    void checkIssue_data();
    void checkIssue();
    void insufficientQuotaMessage();
    void checkNewTotal_data();
    void checkNewTotal();
    void negativeTotalIsAFieldError();
};

void TestQuotaPool::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestQuotaPool::defaultIsEmpty()
{
    const QuotaPool pool;
    QCOMPARE(pool.totalMinor(), 0);
    QCOMPARE(pool.issuedMinor(), 0);
    QCOMPARE(pool.remainingMinor(), 0);
    QCOMPARE(pool.currency(), QString());
    QVERIFY(pool.checkIssue(1).has_value());
}

void TestQuotaPool::accounting_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("issued");
    QTest::addColumn<qint64>("remaining");

    QTest::newRow("nothing issued") << qint64(100'000) << qint64(0) << qint64(100'000);
    QTest::newRow("some issued") << qint64(100'000) << qint64(30'000) << qint64(70'000);
    QTest::newRow("all issued") << qint64(100'000) << qint64(100'000) << qint64(0);
    QTest::newRow("empty pool") << qint64(0) << qint64(0) << qint64(0);
    const qint64 big = std::numeric_limits<qint64>::max() / 2;
    QTest::newRow("large amounts") << big << big - 1 << qint64(1);
}

void TestQuotaPool::accounting()
{
    QFETCH(qint64, total);
    QFETCH(qint64, issued);
    QFETCH(qint64, remaining);

    const QuotaPool pool(total, issued, u"CNY"_s);
    QCOMPARE(pool.totalMinor(), total);
    QCOMPARE(pool.issuedMinor(), issued);
    QCOMPARE(pool.remainingMinor(), remaining);
    QCOMPARE(pool.currency(), u"CNY"_s);
}

void TestQuotaPool::checkIssue_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("issued");
    QTest::addColumn<qint64>("faceValue");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("well within") << qint64(100'000) << qint64(30'000) << qint64(1'000) << true;
    QTest::newRow("exactly the remaining")
        << qint64(100'000) << qint64(30'000) << qint64(70'000) << true;
    QTest::newRow("remaining + 1") << qint64(100'000) << qint64(30'000) << qint64(70'001) << false;
    QTest::newRow("whole empty pool") << qint64(50'000) << qint64(0) << qint64(50'000) << true;
    QTest::newRow("more than the whole pool")
        << qint64(50'000) << qint64(0) << qint64(50'001) << false;
    QTest::newRow("pool exhausted") << qint64(50'000) << qint64(50'000) << qint64(1) << false;
    QTest::newRow("pool of zero") << qint64(0) << qint64(0) << qint64(1) << false;
}

void TestQuotaPool::checkIssue()
{
    QFETCH(qint64, total);
    QFETCH(qint64, issued);
    QFETCH(qint64, faceValue);
    QFETCH(bool, allowed);

    const QuotaPool pool(total, issued, u"CNY"_s);
    const std::optional<CommandError> error = pool.checkIssue(faceValue);
    QCOMPARE(!error.has_value(), allowed);
    if (!allowed) {
        QCOMPARE(error->code(), u"FailedOperation.InsufficientQuota"_s);
        QCOMPARE(error->kind(), CommandError::Kind::Conflict);
        QCOMPARE(error->httpStatus(), 409);
        QVERIFY(!error->message().isEmpty());
    }
}

void TestQuotaPool::insufficientQuotaMessage()
{
    const QuotaPool pool(100'000, 30'000, u"CNY"_s);
    const std::optional<CommandError> error = pool.checkIssue(80'000);
    QVERIFY(error.has_value());
    // Names what is left and what was asked for.
    QVERIFY2(error->message().contains(u"700.00"_s), qPrintable(error->message()));
    QVERIFY2(error->message().contains(u"800.00"_s), qPrintable(error->message()));
}

void TestQuotaPool::checkNewTotal_data()
{
    QTest::addColumn<qint64>("issued");
    QTest::addColumn<qint64>("newTotal");
    QTest::addColumn<QString>("code"); // empty: allowed

    const QString belowIssued = u"FailedOperation.QuotaBelowIssued"_s;
    const QString negative = u"InvalidParameter.QuotaMinor"_s;

    QTest::newRow("raise") << qint64(30'000) << qint64(200'000) << QString();
    QTest::newRow("lower, above issued") << qint64(30'000) << qint64(40'000) << QString();
    QTest::newRow("exactly issued") << qint64(30'000) << qint64(30'000) << QString();
    QTest::newRow("1 below issued") << qint64(30'000) << qint64(29'999) << belowIssued;
    QTest::newRow("zero with vouchers issued") << qint64(30'000) << qint64(0) << belowIssued;
    QTest::newRow("zero, nothing issued") << qint64(0) << qint64(0) << QString();
    QTest::newRow("negative, nothing issued") << qint64(0) << qint64(-1) << negative;
    QTest::newRow("negative, vouchers issued") << qint64(30'000) << qint64(-100) << negative;
}

void TestQuotaPool::checkNewTotal()
{
    QFETCH(qint64, issued);
    QFETCH(qint64, newTotal);
    QFETCH(QString, code);

    const QuotaPool pool(100'000, issued, u"USD"_s);
    const std::optional<CommandError> error = pool.checkNewTotal(newTotal);
    if (code.isEmpty()) {
        QVERIFY2(!error.has_value(), error ? qPrintable(error->code()) : "");
        return;
    }
    QVERIFY(error.has_value());
    QCOMPARE(error->code(), code);
    QVERIFY(!error->message().isEmpty());
}

void TestQuotaPool::negativeTotalIsAFieldError()
{
    const QuotaPool pool(100'000, 30'000, u"CNY"_s);
    const std::optional<CommandError> negative = pool.checkNewTotal(-1);
    QVERIFY(negative.has_value());
    QCOMPARE(negative->kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(negative->httpStatus(), 400);
    QCOMPARE(negative->fieldErrors().size(), 1);
    QCOMPARE(negative->fieldErrors().constFirst().field, u"quotaMinor"_s);
    QVERIFY(!negative->fieldErrors().constFirst().message.isEmpty());

    const std::optional<CommandError> below = pool.checkNewTotal(29'999);
    QVERIFY(below.has_value());
    QCOMPARE(below->kind(), CommandError::Kind::Conflict);
    QCOMPARE(below->httpStatus(), 409);
    QVERIFY2(below->message().contains(u"300.00"_s), qPrintable(below->message()));
}

QTEST_GUILESS_MAIN(TestQuotaPool)
#include "tst_quotapool.moc"
