#include "core/domain/voucher.h"
#include "core/queries/voucherlistrow.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(VoucherListRow::Phase)

static QDateTime utc(const char *iso)
{
    const QDateTime result = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid() && result.timeSpec() == Qt::UTC);
    return result;
}

static const QDateTime EffectiveAt = utc("2026-03-01T02:00:00Z");
static const QDateTime ExpiresAt = utc("2026-03-31T02:00:00Z");
static const QDateTime Now = utc("2026-03-10T08:30:00Z");
static constexpr qint64 Face = 10'000;

static Voucher voucher(qint64 balanceMinor, bool invalidated = false)
{
    Voucher v;
    v.code = u"VV000000000007"_s;
    v.kind = VoucherKind::Specific;
    v.currency = u"CNY"_s;
    v.faceValueMinor = Face;
    v.balanceMinor = balanceMinor;
    v.effectiveAt = EffectiveAt;
    v.expiresAt = ExpiresAt;
    v.productCodes = {u"cvm"_s};
    if (invalidated)
        v.invalidatedAt = EffectiveAt.addDays(2);
    return v;
}

// The list row of the same voucher, as the Vendor Voucher List stores it.
static VoucherListRow rowOf(const Voucher &v)
{
    VoucherListRow row;
    row.kind = v.kind;
    row.currency = v.currency;
    row.faceValueMinor = v.faceValueMinor;
    row.balanceMinor = v.balanceMinor;
    row.phase = v.invalidatedAt.isValid() ? VoucherListRow::Phase::Invalidated
                                          : VoucherListRow::Phase::Issued;
    row.appliedAt = v.effectiveAt.addDays(-1);
    row.expiresAt = v.expiresAt;
    row.voucherId = v.id;
    row.voucherCode = v.code;
    return row;
}

// The list status that shows a voucher status: the same API name.
static std::optional<VoucherListStatus> listStatusOf(VoucherStatus status)
{
    return voucherListStatusFromString(voucherStatusToString(status));
}

class TestVoucher : public QObject
{
    Q_OBJECT

private slots:
    void statusAt_data();
    void statusAt();
    void listRowAgreesWithVoucher();
    void listRowBeforeIssue_data();
    void listRowBeforeIssue();
    void listRowIsIssued();
    void isUsableAt_data();
    void isUsableAt();
    void covers_data();
    void covers();
};

void TestVoucher::statusAt_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<bool>("invalidated");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("expected");

    const QDateTime expired = ExpiresAt.addDays(1);

    QTest::newRow("unused") << Face << false << Now << u"unused"_s;
    QTest::newRow("unused, not yet effective")
        << Face << false << EffectiveAt.addDays(-1) << u"unused"_s;
    QTest::newRow("partially used") << Face - 1 << false << Now << u"partially_used"_s;
    QTest::newRow("1 minor unit left") << qint64(1) << false << Now << u"partially_used"_s;
    QTest::newRow("used up") << qint64(0) << false << Now << u"used_up"_s;
    QTest::newRow("negative balance counts as used up")
        << qint64(-1) << false << Now << u"used_up"_s;

    QTest::newRow("1 ms before expiry") << Face << false << ExpiresAt.addMSecs(-1) << u"unused"_s;
    QTest::newRow("exactly at expiresAt") << Face << false << ExpiresAt << u"expired"_s;
    QTest::newRow("expired, unused") << Face << false << expired << u"expired"_s;
    // expired > partially used
    QTest::newRow("expired, partially used") << qint64(500) << false << expired << u"expired"_s;
    // used up > expired
    QTest::newRow("expired, used up") << qint64(0) << false << expired << u"used_up"_s;

    // invalidated > everything
    QTest::newRow("invalidated, unused") << Face << true << Now << u"invalidated"_s;
    QTest::newRow("invalidated, partially used") << qint64(500) << true << Now << u"invalidated"_s;
    QTest::newRow("invalidated, used up") << qint64(0) << true << Now << u"invalidated"_s;
    QTest::newRow("invalidated, expired") << Face << true << expired << u"invalidated"_s;
    QTest::newRow("invalidated, expired and used up")
        << qint64(0) << true << expired << u"invalidated"_s;
}

void TestVoucher::statusAt()
{
    QFETCH(qint64, balance);
    QFETCH(bool, invalidated);
    QFETCH(QDateTime, now);
    QFETCH(QString, expected);

    const Voucher v = voucher(balance, invalidated);
    QCOMPARE(voucherStatusToString(v.statusAt(now)), expected);
    // The list shows the same status for the same data.
    QCOMPARE(voucherListStatusToString(rowOf(v).statusAt(now)), expected);
}

void TestVoucher::listRowAgreesWithVoucher()
{
    const qint64 balances[] = {-1, 0, 1, Face / 2, Face - 1, Face};
    const QDateTime moments[] = {EffectiveAt.addDays(-1), EffectiveAt, Now,
                                 ExpiresAt.addMSecs(-1),  ExpiresAt,   ExpiresAt.addMSecs(1),
                                 ExpiresAt.addYears(1)};
    int checked = 0;
    for (const bool invalidated : {false, true}) {
        for (const qint64 balance : balances) {
            for (const QDateTime &now : moments) {
                const Voucher v = voucher(balance, invalidated);
                const std::optional<VoucherListStatus> expected = listStatusOf(v.statusAt(now));
                QVERIFY(expected.has_value());
                const VoucherListStatus actual = rowOf(v).statusAt(now);
                QVERIFY2(actual == *expected,
                         qPrintable(
                             u"balance %1, invalidated %2, at %3: voucher %4, row %5"_s.arg(balance)
                                 .arg(int(invalidated))
                                 .arg(now.toString(Qt::ISODateWithMs),
                                      voucherStatusToString(v.statusAt(now)),
                                      voucherListStatusToString(actual))));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 2 * 6 * 7);
}

void TestVoucher::listRowBeforeIssue_data()
{
    QTest::addColumn<VoucherListRow::Phase>("phase");
    QTest::addColumn<QString>("expected");
    QTest::newRow("pending review") << VoucherListRow::Phase::PendingReview << u"pending_review"_s;
    QTest::newRow("rejected") << VoucherListRow::Phase::Rejected << u"rejected"_s;
    QTest::newRow("cancelled") << VoucherListRow::Phase::Cancelled << u"cancelled"_s;
}

void TestVoucher::listRowBeforeIssue()
{
    QFETCH(VoucherListRow::Phase, phase);
    QFETCH(QString, expected);

    // Without a voucher, balance and expiry mean nothing: the application's status shows.
    VoucherListRow row;
    row.phase = phase;
    row.faceValueMinor = Face;
    for (const qint64 balance : {qint64(0), Face}) {
        row.balanceMinor = balance;
        for (const QDateTime &expiresAt : {QDateTime(), ExpiresAt}) {
            row.expiresAt = expiresAt;
            QCOMPARE(voucherListStatusToString(row.statusAt(Now)), expected);
            QCOMPARE(voucherListStatusToString(row.statusAt(ExpiresAt.addDays(1))), expected);
        }
    }
    QVERIFY(!row.isIssued());
}

void TestVoucher::listRowIsIssued()
{
    VoucherListRow row;
    row.phase = VoucherListRow::Phase::Issued;
    QVERIFY(row.isIssued());
    row.phase = VoucherListRow::Phase::Invalidated;
    QVERIFY(row.isIssued());
    row.phase = VoucherListRow::Phase::PendingReview;
    QVERIFY(!row.isIssued());
}

void TestVoucher::isUsableAt_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<bool>("invalidated");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("usable");

    QTest::newRow("unused, in effect") << Face << false << Now << true;
    QTest::newRow("partially used, in effect") << qint64(1) << false << Now << true;
    QTest::newRow("exactly at effectiveAt") << Face << false << EffectiveAt << true;
    QTest::newRow("1 ms before effectiveAt") << Face << false << EffectiveAt.addMSecs(-1) << false;
    QTest::newRow("1 ms before expiresAt") << Face << false << ExpiresAt.addMSecs(-1) << true;
    QTest::newRow("exactly at expiresAt") << Face << false << ExpiresAt << false;
    QTest::newRow("after expiry") << Face << false << ExpiresAt.addDays(3) << false;
    QTest::newRow("used up") << qint64(0) << false << Now << false;
    QTest::newRow("invalidated") << Face << true << Now << false;
}

void TestVoucher::isUsableAt()
{
    QFETCH(qint64, balance);
    QFETCH(bool, invalidated);
    QFETCH(QDateTime, now);
    QFETCH(bool, usable);
    QCOMPARE(voucher(balance, invalidated).isUsableAt(now), usable);
}

void TestVoucher::covers_data()
{
    QTest::addColumn<bool>("universal");
    QTest::addColumn<QStringList>("productCodes");
    QTest::addColumn<QStringList>("blocked");
    QTest::addColumn<QString>("product");
    QTest::addColumn<bool>("covered");

    const QStringList listed = {u"cvm"_s, u"cos"_s};
    const QStringList blocklist = {u"domain"_s, u"ssl"_s};

    QTest::newRow("specific, listed") << false << listed << QStringList() << u"cos"_s << true;
    QTest::newRow("specific, not listed") << false << listed << QStringList() << u"cdb"_s << false;
    QTest::newRow("specific, case differs")
        << false << listed << QStringList() << u"CVM"_s << false;
    QTest::newRow("specific, empty product")
        << false << listed << QStringList() << QString() << false;
    QTest::newRow("specific ignores a blocklist") << false << listed << listed << u"cvm"_s << true;
    QTest::newRow("universal, not blocked")
        << true << QStringList() << blocklist << u"cvm"_s << true;
    QTest::newRow("universal, blocked") << true << QStringList() << blocklist << u"ssl"_s << false;
    QTest::newRow("universal, empty blocklist")
        << true << QStringList() << QStringList() << u"ssl"_s << true;
    QTest::newRow("universal ignores a product list")
        << true << listed << QStringList() << u"cdb"_s << true;
}

void TestVoucher::covers()
{
    QFETCH(bool, universal);
    QFETCH(QStringList, productCodes);
    QFETCH(QStringList, blocked);
    QFETCH(QString, product);
    QFETCH(bool, covered);

    Voucher v = voucher(Face);
    v.kind = universal ? VoucherKind::Universal : VoucherKind::Specific;
    v.productCodes = productCodes;
    v.blockedProductCodes = blocked;
    QCOMPARE(v.covers(product), covered);
}

QTEST_GUILESS_MAIN(TestVoucher)
#include "tst_voucher.moc"
