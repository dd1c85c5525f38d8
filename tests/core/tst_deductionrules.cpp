#include "core/rules/deductionrules.h"

#include "tests/support/resultmessage.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Voucher)
Q_DECLARE_METATYPE(Deduction)

static QDateTime utc(const char *iso)
{
    const QDateTime result = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid() && result.timeSpec() == Qt::UTC);
    return result;
}

static const QUuid CustomerId = QUuid(u"{dddddddd-0000-4000-8000-000000000001}"_s);
static const QUuid OtherCustomer = QUuid(u"{dddddddd-0000-4000-8000-000000000002}"_s);

static const QDateTime EffectiveAt = utc("2026-03-01T02:00:00Z");
static const QDateTime ExpiresAt = utc("2026-03-31T02:00:00Z");
static const QDateTime Now = utc("2026-03-10T08:30:00Z");

// A specific voucher for cvm and cos, all pay modes, 100.00 CNY, unused, in effect at Now.
static Voucher specificVoucher()
{
    Voucher voucher;
    voucher.id = QUuid(u"{eeeeeeee-0000-4000-8000-000000000001}"_s);
    voucher.code = u"VV000000000042"_s;
    voucher.customerId = CustomerId;
    voucher.kind = VoucherKind::Specific;
    voucher.payMode = PayMode::All;
    voucher.currency = u"CNY"_s;
    voucher.faceValueMinor = 10'000;
    voucher.balanceMinor = 10'000;
    voucher.minSpendMinor = 0;
    voucher.effectiveAt = EffectiveAt;
    voucher.expiresAt = ExpiresAt;
    voucher.productCodes = {u"cvm"_s, u"cos"_s};
    return voucher;
}

// A universal voucher whose blocklist snapshot holds domain and ssl.
static Voucher universalVoucher()
{
    Voucher voucher = specificVoucher();
    voucher.kind = VoucherKind::Universal;
    voucher.productCodes.clear();
    voucher.blockedProductCodes = {u"domain"_s, u"ssl"_s};
    voucher.blocklistRevision = 3;
    return voucher;
}

// A prepaid cvm bill of 30.00 for the voucher's customer.
static Deduction bill(qint64 amountMinor = 3'000, const QString &product = u"cvm"_s,
                      PayMode payMode = PayMode::Prepaid)
{
    Deduction request;
    request.id = QUuid(u"{ffffffff-0000-4000-8000-000000000001}"_s);
    request.voucherId = specificVoucher().id;
    request.customerId = CustomerId;
    request.orderId = u"20260310-000123"_s;
    request.productCode = product;
    request.payMode = payMode;
    request.orderAmountMinor = amountMinor;
    return request;
}

static QByteArray describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + u": "_s + error.message);
    return parts.join(u"; "_s).toUtf8();
}

class TestDeductionRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validRequest();
    void requestFieldErrors_data();
    void requestFieldErrors();
    void requestWithEveryFieldWrong();

    void deducts_data();
    void deducts();
    void refuses_data();
    void refuses();
    void refusalMessagesNameTheVoucher();
};

void TestDeductionRules::initTestCase()
{
    // Refusal messages format amounts in the default locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestDeductionRules::validRequest()
{
    QVERIFY2(DeductionRules::validateRequest(bill()).isEmpty(),
             describe(DeductionRules::validateRequest(bill())).constData());
    Deduction request = bill(1, u"cos"_s, PayMode::Postpaid);
    request.orderId = QString(Deduction::MaxOrderIdLength, u'9');
    QVERIFY2(DeductionRules::validateRequest(request).isEmpty(),
             describe(DeductionRules::validateRequest(request)).constData());
}

void TestDeductionRules::requestFieldErrors_data()
{
    QTest::addColumn<Deduction>("request");
    QTest::addColumn<QString>("field");

    Deduction d;
    d = bill();
    d.orderId.clear();
    QTest::newRow("order id empty") << d << u"orderId"_s;
    d = bill();
    d.orderId = u"  \t"_s;
    QTest::newRow("order id whitespace") << d << u"orderId"_s;
    d = bill();
    d.orderId = QString(Deduction::MaxOrderIdLength + 1, u'9');
    QTest::newRow("order id of 65 characters") << d << u"orderId"_s;
    d = bill();
    d.productCode.clear();
    QTest::newRow("product empty") << d << u"productCode"_s;
    d = bill();
    d.productCode = u" "_s;
    QTest::newRow("product whitespace") << d << u"productCode"_s;
    d = bill();
    d.payMode = PayMode::All;
    QTest::newRow("pay mode all") << d << u"payMode"_s;
    d = bill(0);
    QTest::newRow("amount 0") << d << u"orderAmountMinor"_s;
    d = bill(-100);
    QTest::newRow("amount negative") << d << u"orderAmountMinor"_s;
    d = bill();
    d.customerId = QUuid();
    QTest::newRow("no customer") << d << u"customerId"_s;
}

void TestDeductionRules::requestFieldErrors()
{
    QFETCH(Deduction, request);
    QFETCH(QString, field);

    const FieldErrors errors = DeductionRules::validateRequest(request);
    QVERIFY2(errors.size() == 1, describe(errors).constData());
    QCOMPARE(errors.constFirst().field, field);
    QVERIFY(!errors.constFirst().message.isEmpty());
}

void TestDeductionRules::requestWithEveryFieldWrong()
{
    Deduction request;
    request.payMode = PayMode::All;
    const FieldErrors errors = DeductionRules::validateRequest(request);
    QStringList fields;
    for (const FieldError &error : errors) {
        fields.append(error.field);
        QVERIFY(!error.message.isEmpty());
    }
    fields.sort();
    QCOMPARE(fields, QStringList({u"customerId"_s, u"orderAmountMinor"_s, u"orderId"_s,
                                  u"payMode"_s, u"productCode"_s}));
}

void TestDeductionRules::deducts_data()
{
    QTest::addColumn<Voucher>("voucher");
    QTest::addColumn<Deduction>("request");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<qint64>("expected");

    // Partial deduction: min(balance, order amount).
    QTest::newRow("order below balance")
        << specificVoucher() << bill(3'000) << Now << qint64(3'000);
    QTest::newRow("order equal to balance")
        << specificVoucher() << bill(10'000) << Now << qint64(10'000);
    QTest::newRow("order above balance")
        << specificVoucher() << bill(12'345) << Now << qint64(10'000);
    QTest::newRow("order of 1 minor unit") << specificVoucher() << bill(1) << Now << qint64(1);

    Voucher partly = specificVoucher();
    partly.balanceMinor = 2'500;
    QTest::newRow("partly used, order below") << partly << bill(2'000) << Now << qint64(2'000);
    QTest::newRow("partly used, order equal") << partly << bill(2'500) << Now << qint64(2'500);
    QTest::newRow("partly used, order above") << partly << bill(9'000) << Now << qint64(2'500);

    Voucher oneLeft = specificVoucher();
    oneLeft.balanceMinor = 1;
    QTest::newRow("1 minor unit left") << oneLeft << bill(5'000) << Now << qint64(1);

    // Time window: [effectiveAt, expiresAt).
    QTest::newRow("exactly at effectiveAt")
        << specificVoucher() << bill() << EffectiveAt << qint64(3'000);
    QTest::newRow("1 ms before expiresAt")
        << specificVoucher() << bill() << ExpiresAt.addMSecs(-1) << qint64(3'000);

    // Product scope.
    QTest::newRow("specific, second listed product")
        << specificVoucher() << bill(3'000, u"cos"_s) << Now << qint64(3'000);
    Voucher listsBlocked = specificVoucher();
    listsBlocked.blockedProductCodes = {u"cvm"_s}; // ignored: a specific voucher lists products
    QTest::newRow("specific ignores a blocklist")
        << listsBlocked << bill(3'000, u"cvm"_s) << Now << qint64(3'000);
    QTest::newRow("universal, product not blocked")
        << universalVoucher() << bill(3'000, u"cdb"_s) << Now << qint64(3'000);
    Voucher noBlocklist = universalVoucher();
    noBlocklist.blockedProductCodes.clear();
    QTest::newRow("universal, empty blocklist")
        << noBlocklist << bill(3'000, u"ssl"_s) << Now << qint64(3'000);

    // Pay mode.
    QTest::newRow("all takes postpaid")
        << specificVoucher() << bill(3'000, u"cvm"_s, PayMode::Postpaid) << Now << qint64(3'000);
    Voucher prepaid = specificVoucher();
    prepaid.payMode = PayMode::Prepaid;
    QTest::newRow("prepaid takes prepaid")
        << prepaid << bill(3'000, u"cvm"_s, PayMode::Prepaid) << Now << qint64(3'000);
    Voucher postpaid = specificVoucher();
    postpaid.payMode = PayMode::Postpaid;
    QTest::newRow("postpaid takes postpaid")
        << postpaid << bill(3'000, u"cvm"_s, PayMode::Postpaid) << Now << qint64(3'000);

    // Minimum spend: on the order amount, not on what is deducted.
    Voucher minSpend = specificVoucher();
    minSpend.minSpendMinor = 5'000;
    QTest::newRow("exactly at min spend") << minSpend << bill(5'000) << Now << qint64(5'000);
    QTest::newRow("above min spend") << minSpend << bill(20'000) << Now << qint64(10'000);
    Voucher minSpendLowBalance = minSpend;
    minSpendLowBalance.balanceMinor = 1'000;
    QTest::newRow("min spend met, balance lower")
        << minSpendLowBalance << bill(6'000) << Now << qint64(1'000);
}

void TestDeductionRules::deducts()
{
    QFETCH(Voucher, voucher);
    QFETCH(Deduction, request);
    QFETCH(QDateTime, now);
    QFETCH(qint64, expected);

    QVERIFY(DeductionRules::validateRequest(request).isEmpty());
    const Result<qint64> amount = DeductionRules::amountToDeduct(voucher, request, now);
    QVERIFY2(amount.ok(), resultMessage(amount).constData());
    QCOMPARE(amount.value(), expected);
    QVERIFY(amount.value() <= voucher.balanceMinor);
    QVERIFY(amount.value() <= request.orderAmountMinor);
}

void TestDeductionRules::refuses_data()
{
    QTest::addColumn<Voucher>("voucher");
    QTest::addColumn<Deduction>("request");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("code");

    const QString mismatch = u"FailedOperation.CustomerMismatch"_s;
    const QString notUsable = u"FailedOperation.VoucherNotUsable"_s;
    const QString notCovered = u"FailedOperation.ProductNotCovered"_s;
    const QString payMode = u"FailedOperation.PayModeMismatch"_s;
    const QString minSpend = u"FailedOperation.BelowMinSpend"_s;

    Deduction otherCustomers = bill();
    otherCustomers.customerId = OtherCustomer;
    QTest::newRow("another customer's bill")
        << specificVoucher() << otherCustomers << Now << mismatch;
    QTest::newRow("another customer's bill, universal")
        << universalVoucher() << otherCustomers << Now << mismatch;

    QTest::newRow("not yet effective")
        << specificVoucher() << bill() << EffectiveAt.addMSecs(-1) << notUsable;
    QTest::newRow("a day before effective")
        << specificVoucher() << bill() << EffectiveAt.addDays(-1) << notUsable;
    QTest::newRow("exactly at expiresAt") << specificVoucher() << bill() << ExpiresAt << notUsable;
    QTest::newRow("after expiry") << specificVoucher() << bill() << ExpiresAt.addDays(1)
                                  << notUsable;
    Voucher usedUp = specificVoucher();
    usedUp.balanceMinor = 0;
    QTest::newRow("used up") << usedUp << bill() << Now << notUsable;
    Voucher invalidated = specificVoucher();
    invalidated.invalidatedAt = Now.addDays(-1);
    QTest::newRow("invalidated") << invalidated << bill() << Now << notUsable;
    Voucher invalidatedLater = specificVoucher();
    invalidatedLater.invalidatedAt = Now.addDays(1); // status does not look at when
    QTest::newRow("invalidated, any time") << invalidatedLater << bill() << Now << notUsable;

    QTest::newRow("specific, product not listed")
        << specificVoucher() << bill(3'000, u"cdb"_s) << Now << notCovered;
    QTest::newRow("universal, product on its blocklist snapshot")
        << universalVoucher() << bill(3'000, u"ssl"_s) << Now << notCovered;
    QTest::newRow("universal, first blocked product")
        << universalVoucher() << bill(3'000, u"domain"_s) << Now << notCovered;

    Voucher prepaid = specificVoucher();
    prepaid.payMode = PayMode::Prepaid;
    QTest::newRow("prepaid voucher, postpaid bill")
        << prepaid << bill(3'000, u"cvm"_s, PayMode::Postpaid) << Now << payMode;
    Voucher postpaid = specificVoucher();
    postpaid.payMode = PayMode::Postpaid;
    QTest::newRow("postpaid voucher, prepaid bill")
        << postpaid << bill(3'000, u"cvm"_s, PayMode::Prepaid) << Now << payMode;

    Voucher withMinSpend = specificVoucher();
    withMinSpend.minSpendMinor = 5'000;
    QTest::newRow("1 below min spend") << withMinSpend << bill(4'999) << Now << minSpend;
    QTest::newRow("far below min spend") << withMinSpend << bill(1) << Now << minSpend;
}

void TestDeductionRules::refuses()
{
    QFETCH(Voucher, voucher);
    QFETCH(Deduction, request);
    QFETCH(QDateTime, now);
    QFETCH(QString, code);

    const Result<qint64> amount = DeductionRules::amountToDeduct(voucher, request, now);
    QVERIFY2(!amount.ok(), "the deduction was allowed");
    QCOMPARE(amount.error().code(), code);
    QCOMPARE(amount.error().kind(), CommandError::Kind::Conflict);
    QCOMPARE(amount.error().httpStatus(), 409);
    QVERIFY(!amount.error().message().isEmpty());
}

void TestDeductionRules::refusalMessagesNameTheVoucher()
{
    Voucher expired = specificVoucher();
    Result<qint64> amount = DeductionRules::amountToDeduct(expired, bill(), ExpiresAt);
    QVERIFY(!amount.ok());
    QVERIFY2(amount.error().message().contains(expired.code), resultMessage(amount).constData());

    amount = DeductionRules::amountToDeduct(specificVoucher(), bill(3'000, u"cdb"_s), Now);
    QVERIFY(!amount.ok());
    QVERIFY2(amount.error().message().contains(u"cdb"_s), resultMessage(amount).constData());

    Voucher withMinSpend = specificVoucher();
    withMinSpend.minSpendMinor = 5'000;
    amount = DeductionRules::amountToDeduct(withMinSpend, bill(4'999), Now);
    QVERIFY(!amount.ok());
    QVERIFY2(amount.error().message().contains(u"50"_s) &&
                 amount.error().message().contains(u"49.99"_s),
             resultMessage(amount).constData());
}

QTEST_GUILESS_MAIN(TestDeductionRules)
#include "tst_deductionrules.moc"
