#include "core/base/enumnames.h"
#include "core/domain/applicationstatus.h"
#include "core/domain/paymode.h"
#include "core/domain/role.h"
#include "core/domain/voucherkind.h"
#include "core/domain/voucherstatus.h"
#include "core/queries/voucherliststatus.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// Each enum's values with the API names the REST API and the store use.
template<typename E>
struct Spelling
{
    E value;
    QString name;
};

static const QList<Spelling<Role>> Roles = {
    {Role::PartnerManager, u"partner_manager"_s},
    {Role::Reviewer, u"reviewer"_s},
    {Role::Admin, u"admin"_s},
};
static const QList<Spelling<VoucherKind>> Kinds = {
    {VoucherKind::Universal, u"universal"_s},
    {VoucherKind::Specific, u"specific"_s},
};
static const QList<Spelling<PayMode>> PayModes = {
    {PayMode::All, u"all"_s},
    {PayMode::Prepaid, u"prepaid"_s},
    {PayMode::Postpaid, u"postpaid"_s},
};
static const QList<Spelling<ApplicationStatus>> ApplicationStatuses = {
    {ApplicationStatus::PendingReview, u"pending_review"_s},
    {ApplicationStatus::Approved, u"approved"_s},
    {ApplicationStatus::Rejected, u"rejected"_s},
    {ApplicationStatus::Cancelled, u"cancelled"_s},
};
static const QList<Spelling<VoucherStatus>> VoucherStatuses = {
    {VoucherStatus::Unused, u"unused"_s},
    {VoucherStatus::PartiallyUsed, u"partially_used"_s},
    {VoucherStatus::UsedUp, u"used_up"_s},
    {VoucherStatus::Expired, u"expired"_s},
    {VoucherStatus::Invalidated, u"invalidated"_s},
};
static const QList<Spelling<VoucherListStatus>> VoucherListStatuses = {
    {VoucherListStatus::PendingReview, u"pending_review"_s},
    {VoucherListStatus::Unused, u"unused"_s},
    {VoucherListStatus::PartiallyUsed, u"partially_used"_s},
    {VoucherListStatus::UsedUp, u"used_up"_s},
    {VoucherListStatus::Expired, u"expired"_s},
    {VoucherListStatus::Rejected, u"rejected"_s},
    {VoucherListStatus::Cancelled, u"cancelled"_s},
    {VoucherListStatus::Invalidated, u"invalidated"_s},
};

// Checks both directions for every value, distinct names, and a display name for each.
template<typename E>
static void checkRoundTrips(const QList<Spelling<E>> &spellings, int valueCount,
                            QString (*toString)(E), std::optional<E> (*fromString)(const QString &),
                            QString (*displayName)(E))
{
    QCOMPARE(spellings.size(), valueCount);
    QSet<QString> names;
    QSet<int> values;
    for (const Spelling<E> &spelling : spellings) {
        QCOMPARE(toString(spelling.value), spelling.name);
        const std::optional<E> parsed = fromString(spelling.name);
        QVERIFY2(parsed.has_value(), qPrintable(spelling.name));
        QVERIFY2(*parsed == spelling.value, qPrintable(spelling.name));
        QVERIFY2(fromString(toString(spelling.value)) == spelling.value, qPrintable(spelling.name));
        QVERIFY2(!displayName(spelling.value).isEmpty(), qPrintable(spelling.name));
        names.insert(spelling.name);
        values.insert(int(spelling.value));
    }
    QCOMPARE(names.size(), valueCount);
    // Every enumerator 0 .. valueCount-1 is listed (the enums are dense from 0).
    for (int i = 0; i < valueCount; ++i)
        QVERIFY2(values.contains(i), qPrintable(QString::number(i)));
}

enum class Colour { Red, Green, Blue };
constexpr EnumName<Colour> ColourNames[] = {{Colour::Red, "red"}, {Colour::Green, "green"}};

class TestEnumNames : public QObject
{
    Q_OBJECT

private slots:
    void role();
    void voucherKind();
    void payMode();
    void applicationStatus();
    void voucherStatus();
    void voucherListStatus();
    void unknownNames_data();
    void unknownNames();
    void namesOfOtherEnumsAreUnknown();
    void genericTable();
};

void TestEnumNames::role()
{
    checkRoundTrips<Role>(Roles, 3, roleToString, roleFromString, roleDisplayName);
}

void TestEnumNames::voucherKind()
{
    checkRoundTrips<VoucherKind>(Kinds, 2, voucherKindToString, voucherKindFromString,
                                 voucherKindDisplayName);
}

void TestEnumNames::payMode()
{
    checkRoundTrips<PayMode>(PayModes, 3, payModeToString, payModeFromString, payModeDisplayName);
}

void TestEnumNames::applicationStatus()
{
    checkRoundTrips<ApplicationStatus>(ApplicationStatuses, 4, applicationStatusToString,
                                       applicationStatusFromString, applicationStatusDisplayName);
}

void TestEnumNames::voucherStatus()
{
    checkRoundTrips<VoucherStatus>(VoucherStatuses, 5, voucherStatusToString,
                                   voucherStatusFromString, voucherStatusDisplayName);
}

void TestEnumNames::voucherListStatus()
{
    checkRoundTrips<VoucherListStatus>(VoucherListStatuses, 8, voucherListStatusToString,
                                       voucherListStatusFromString, voucherListStatusDisplayName);
}

void TestEnumNames::unknownNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u" "_s;
    QTest::newRow("unknown word") << u"unknown"_s;
    QTest::newRow("upper case") << u"ADMIN"_s;
    QTest::newRow("capitalised") << u"Reviewer"_s;
    QTest::newRow("camel case") << u"PartnerManager"_s;
    QTest::newRow("dash instead of underscore") << u"pending-review"_s;
    QTest::newRow("leading blank") << u" all"_s;
    QTest::newRow("trailing blank") << u"unused "_s;
    QTest::newRow("display name") << u"Pending review"_s;
    QTest::newRow("number") << u"0"_s;
    QTest::newRow("prefix") << u"partner"_s;
    QTest::newRow("longer") << u"specifics"_s;
}

void TestEnumNames::unknownNames()
{
    QFETCH(QString, name);
    QVERIFY(!roleFromString(name).has_value());
    QVERIFY(!voucherKindFromString(name).has_value());
    QVERIFY(!payModeFromString(name).has_value());
    QVERIFY(!applicationStatusFromString(name).has_value());
    QVERIFY(!voucherStatusFromString(name).has_value());
    QVERIFY(!voucherListStatusFromString(name).has_value());
}

void TestEnumNames::namesOfOtherEnumsAreUnknown()
{
    QVERIFY(!applicationStatusFromString(u"unused"_s).has_value());
    QVERIFY(!applicationStatusFromString(u"expired"_s).has_value());
    QVERIFY(!voucherStatusFromString(u"pending_review"_s).has_value());
    QVERIFY(!voucherStatusFromString(u"approved"_s).has_value());
    QVERIFY(!voucherListStatusFromString(u"approved"_s).has_value());
    QVERIFY(!payModeFromString(u"universal"_s).has_value());
    QVERIFY(!voucherKindFromString(u"all"_s).has_value());
    QVERIFY(!roleFromString(u"partner_manager "_s).has_value());
}

void TestEnumNames::genericTable()
{
    QCOMPARE(enumToApiName<Colour>(ColourNames, Colour::Green), u"green"_s);
    QVERIFY(enumFromApiName<Colour>(ColourNames, u"red"_s) == Colour::Red);
    // A value missing from the table has no name; an unlisted name no value.
    QCOMPARE(enumToApiName<Colour>(ColourNames, Colour::Blue), QString());
    QVERIFY(!enumFromApiName<Colour>(ColourNames, u"blue"_s).has_value());
}

QTEST_GUILESS_MAIN(TestEnumNames)
#include "tst_enumnames.moc"
