#include "core/commands/customercommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/customerrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// AddCustomer through the store.
class TestCustomerCommands : public QObject
{
    Q_OBJECT

private slots:
    void add();
    void addIneligible();
    void addByOtherRolesIsUnauthorized_data();
    void addByOtherRolesIsUnauthorized();
    void validation_data();
    void validation();
    void everyFieldError();
    void acceptsBoundaries_data();
    void acceptsBoundaries();
    void duplicateUinIsPerPartner();
    void idempotentAdd();
    void idempotentAddConflicts();
    void listAndCountFilters();
};

namespace {
Customer draft(const QString &name, const QString &uin, bool eligible = true)
{
    Customer c;
    c.name = name;
    c.uin = uin;
    c.eligible = eligible;
    return c;
}
} // namespace

void TestCustomerCommands::add()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);

    Customer request = draft(u"  Gamma Games  "_s, u" 123456789 "_s);
    request.partnerId = ws.partnerB.id; // ignored: the actor's partner owns it
    const auto added = CustomerCommands(*ctx).addCustomer(request);
    QVERIFY2(added.ok(), resultMessage(added));
    const Customer &c = added.value();
    QVERIFY(!c.id.isNull());
    QCOMPARE(c.partnerId, ws.partnerA.id);
    QCOMPARE(c.name, u"Gamma Games"_s);
    QCOMPARE(c.uin, u"123456789"_s);
    QVERIFY(c.eligible);
    QCOMPARE(c.createdAt, ws.now());
    QCOMPARE(c.rev, StoreProbe::changeRev(ws.db()));

    const auto stored = CustomerRepository(ws.db()).find(c.id);
    QVERIFY(stored);
    QCOMPARE(stored->partnerId, ws.partnerA.id);
    QCOMPARE(stored->name, u"Gamma Games"_s);
    QCOMPARE(stored->uin, u"123456789"_s);
    QVERIFY(stored->eligible);
    QCOMPARE(stored->createdAt, ws.now());

    const auto events =
        AuditLog(ws.db()).eventsFor(u"Customer"_s, c.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().action, u"AddCustomer"_s);
    QCOMPARE(events.first().actorId, ws.managerA.userId);
    QCOMPARE(events.first().details.value(u"uin"_s).toString(), u"123456789"_s);
    QCOMPARE(events.first().details.value(u"eligible"_s).toBool(), true);
}

void TestCustomerCommands::addIneligible()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerB);
    const auto added = CustomerCommands(*ctx).addCustomer(draft(u"Later"_s, u"55555"_s, false));
    QVERIFY2(added.ok(), resultMessage(added));
    QVERIFY(!added.value().eligible);
    QCOMPARE(added.value().partnerId, ws.partnerB.id);
    QVERIFY(!CustomerRepository(ws.db()).find(added.value().id)->eligible);
}

void TestCustomerCommands::addByOtherRolesIsUnauthorized_data()
{
    QTest::addColumn<bool>("asReviewer");
    QTest::newRow("reviewer") << true;
    QTest::newRow("admin") << false;
}

void TestCustomerCommands::addByOtherRolesIsUnauthorized()
{
    QFETCH(bool, asReviewer);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(asReviewer ? ws.reviewer : ws.admin);
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(CustomerCommands(*ctx).addCustomer(draft(u"Nobody's"_s, u"99999"_s)),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestCustomerCommands::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uin");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty name") << u""_s << u"12345"_s << u"InvalidParameter.Name"_s;
    QTest::newRow("blank name") << u"   "_s << u"12345"_s << u"InvalidParameter.Name"_s;
    QTest::newRow("101-char name")
        << QString(101, u'n') << u"12345"_s << u"InvalidParameter.Name"_s;
    QTest::newRow("empty uin") << u"Name"_s << u""_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("blank uin") << u"Name"_s << u"   "_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("4 digits") << u"Name"_s << u"1234"_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("21 digits") << u"Name"_s << QString(21, u'7') << u"InvalidParameter.Uin"_s;
    QTest::newRow("letters") << u"Name"_s << u"12345a"_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("inner space") << u"Name"_s << u"123 456"_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("sign") << u"Name"_s << u"-12345"_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("full-width digits") << u"Name"_s << u"１２３４５"_s << u"InvalidParameter.Uin"_s;
}

void TestCustomerCommands::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, uin);
    QFETCH(QString, code);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto added = CustomerCommands(*ctx).addCustomer(draft(name, uin));
    VD_EXPECT_ERROR(added, code);
    QCOMPARE(added.error().fieldErrors().size(), 1);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestCustomerCommands::everyFieldError()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());
    const auto added = CustomerCommands(*ctx).addCustomer(draft(u""_s, u"abc"_s));
    VD_EXPECT_ERROR(added, u"InvalidParameter"_s);
    QCOMPARE(added.error().fieldErrors().size(), 2);
    QCOMPARE(added.error().fieldErrors().at(0).field, u"name"_s);
    QCOMPARE(added.error().fieldErrors().at(1).field, u"uin"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestCustomerCommands::acceptsBoundaries_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uin");
    QTest::newRow("1-char name, 5 digits") << u"X"_s << u"00001"_s;
    QTest::newRow("100-char name, 20 digits") << QString(100, u'n') << QString(20, u'9');
    QTest::newRow("non-latin name") << u"腾讯测试客户"_s << u"300000001"_s;
}

void TestCustomerCommands::acceptsBoundaries()
{
    QFETCH(QString, name);
    QFETCH(QString, uin);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const auto added = CustomerCommands(*ctx).addCustomer(draft(name, uin));
    QVERIFY2(added.ok(), resultMessage(added));
    const auto stored = CustomerRepository(ws.db()).find(added.value().id);
    QCOMPARE(stored->name, name);
    QCOMPARE(stored->uin, uin); // leading zeros kept: a UIN is text
}

void TestCustomerCommands::duplicateUinIsPerPartner()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctxA = ws.context(ws.managerA);
    auto ctxB = ws.context(ws.managerB);

    const StoreSnapshot before(ws.db());
    const auto duplicate =
        CustomerCommands(*ctxA).addCustomer(draft(u"Other name"_s, ws.customerA.uin));
    VD_EXPECT_ERROR(duplicate, u"FailedOperation.DuplicateUin"_s);
    QCOMPARE(duplicate.error().kind(), CommandError::Kind::Conflict);
    QCOMPARE(duplicate.error().fieldErrors().size(), 1);
    QCOMPARE(duplicate.error().fieldErrors().first().field, u"uin"_s);
    // The ineligible customer's UIN is taken too, and padding does not hide a duplicate.
    VD_EXPECT_ERROR(CustomerCommands(*ctxA).addCustomer(
                        draft(u"X"_s, u" "_s + ws.ineligibleCustomerA.uin + u" "_s)),
                    u"FailedOperation.DuplicateUin"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());

    // Partner B may record a customer with the same UIN.
    const auto forB = CustomerCommands(*ctxB).addCustomer(draft(u"Acme at B"_s, ws.customerA.uin));
    QVERIFY2(forB.ok(), resultMessage(forB));
    QCOMPARE(forB.value().partnerId, ws.partnerB.id);
}

void TestCustomerCommands::idempotentAdd()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    Customer request = draft(u"Retry Ltd"_s, u"424242"_s);
    request.id = QUuid::createUuid();

    const auto first = CustomerCommands(*ctx).addCustomer(request);
    QVERIFY2(first.ok(), resultMessage(first));
    QCOMPARE(first.value().id, request.id);
    const StoreSnapshot before(ws.db());
    ws.advance(3600);

    const auto second = CustomerCommands(*ctx).addCustomer(request);
    QVERIFY2(second.ok(), resultMessage(second));
    QCOMPARE(second.value().id, request.id);
    QCOMPARE(second.value().name, first.value().name);
    QCOMPARE(second.value().uin, first.value().uin);
    QCOMPARE(second.value().createdAt, first.value().createdAt);
    QCOMPARE(second.value().rev, first.value().rev);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestCustomerCommands::idempotentAddConflicts()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctxA = ws.context(ws.managerA);
    auto ctxB = ws.context(ws.managerB);
    Customer request = draft(u"Retry Ltd"_s, u"424242"_s);
    request.id = QUuid::createUuid();
    QVERIFY(CustomerCommands(*ctxA).addCustomer(request).ok());
    const StoreSnapshot before(ws.db());

    Customer changed = request;
    changed.uin = u"434343"_s;
    VD_EXPECT_ERROR(CustomerCommands(*ctxA).addCustomer(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    changed = request;
    changed.eligible = false;
    VD_EXPECT_ERROR(CustomerCommands(*ctxA).addCustomer(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_EXPECT_ERROR(CustomerCommands(*ctxB).addCustomer(request),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestCustomerCommands::listAndCountFilters()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const auto percent =
        CustomerCommands(*ctx).addCustomer(draft(u"Beta 50% Co"_s, u"300000003"_s));
    QVERIFY2(percent.ok(), resultMessage(percent));
    const CustomerRepository customers(ws.db());
    auto names = [&](const CustomerFilter &filter) {
        QStringList list;
        for (const Customer &c : customers.list(filter))
            list.append(c.name);
        if (customers.count(filter) != list.size())
            list.append(u"<count mismatch>"_s);
        return list;
    };

    CustomerFilter filter;
    filter.partnerId = ws.partnerA.id;
    // Ordered by name, case-insensitively.
    QCOMPARE(names(filter), QStringList({u"Acme Test Co"_s, u"Beta 50% Co"_s, u"Dormant Ltd"_s}));
    filter.eligibleOnly = true;
    QCOMPARE(names(filter), QStringList({u"Acme Test Co"_s, u"Beta 50% Co"_s}));
    filter.eligibleOnly = false;

    filter.text = u"ACME"_s; // part of the name, any case
    QCOMPARE(names(filter), QStringList({u"Acme Test Co"_s}));
    filter.text = u"test"_s;
    QCOMPARE(names(filter), QStringList({u"Acme Test Co"_s}));
    filter.text = u"1000000"_s; // start of the UIN
    QCOMPARE(names(filter), QStringList({u"Acme Test Co"_s, u"Dormant Ltd"_s}));
    filter.text = u"00001"_s; // inside a UIN only
    QCOMPARE(names(filter), QStringList());
    filter.text = u"%"_s;
    QCOMPARE(names(filter), QStringList({u"Beta 50% Co"_s}));

    // Partner B sees only its own customer.
    filter.partnerId = ws.partnerB.id;
    filter.text.clear();
    QCOMPARE(names(filter), QStringList({u"Beta Cloud"_s}));
    filter.text = u"acme"_s;
    QCOMPARE(names(filter), QStringList());
    // No partner: everyone's.
    QCOMPARE(customers.count({}), 4);
}

QTEST_GUILESS_MAIN(TestCustomerCommands)
#include "tst_customercommands.moc"
