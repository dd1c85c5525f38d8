#include "core/commands/usercommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/userrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// AddUser and Authenticate through the store.
class TestUserCommands : public QObject
{
    Q_OBJECT

private slots:
    void addUser();
    void addVendorUsers_data();
    void addVendorUsers();
    void validation_data();
    void validation();
    void acceptsBoundaries_data();
    void acceptsBoundaries();
    void duplicateLoginIsCaseInsensitive();
    void unknownPartnerIsNotFound();
    void addUserByOtherRoles_data();
    void addUserByOtherRoles();

    void authenticate();
    void authenticationFailuresLookAlike();
    void inactiveUserCannotSignIn();
};

namespace {

const PasswordHasher kHasher(PasswordHasher::Cost::Minimal);

NewUser newUser(const QString &login, Role role, const QUuid &partnerId,
                const QString &password = u"correct horse"_s)
{
    NewUser u;
    u.login = login;
    u.role = role;
    u.partnerId = partnerId;
    u.password = password;
    return u;
}

} // namespace

void TestUserCommands::addUser()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.admin);
    NewUser request = newUser(u"  li.lei@partner-a  "_s, Role::PartnerManager, ws.partnerA.id);
    request.displayName = u" Li Lei "_s;

    const auto added = UserCommands(*ctx, kHasher).addUser(request);
    QVERIFY2(added.ok(), resultMessage(added));
    const User &u = added.value();
    QVERIFY(!u.id.isNull());
    QCOMPARE(u.login, u"li.lei@partner-a"_s);
    QCOMPARE(u.displayName, u"Li Lei"_s);
    QCOMPARE(u.role, Role::PartnerManager);
    QCOMPARE(u.partnerId, ws.partnerA.id);
    QVERIFY(u.active);
    QCOMPARE(u.createdAt, ws.now());

    const auto stored = UserRepository(ws.db()).find(u.id);
    QVERIFY(stored);
    QCOMPARE(stored->login, u"li.lei@partner-a"_s);
    QCOMPARE(stored->partnerId, ws.partnerA.id);
    // Only a hash is stored, and it verifies the password.
    QVERIFY(!stored->passwordHash.contains(u"correct horse"_s));
    QVERIFY(stored->passwordHash.startsWith(u"$argon2id$"_s));
    QVERIFY(kHasher.verify(stored->passwordHash, u"correct horse"_s));
    QVERIFY(!kHasher.verify(stored->passwordHash, u"correct horsE"_s));

    const auto events = AuditLog(ws.db()).eventsFor(u"User"_s, u.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().action, u"AddUser"_s);
    QCOMPARE(events.first().actorId, ws.admin.userId);
    QCOMPARE(events.first().details.value(u"login"_s).toString(), u"li.lei@partner-a"_s);
    QCOMPARE(events.first().details.value(u"role"_s).toString(), u"partner_manager"_s);
    const QString details = QString::fromUtf8(QJsonDocument(events.first().details).toJson());
    QVERIFY(!details.contains(u"correct horse"_s));
    QVERIFY(!details.contains(u"argon2"_s));
}

void TestUserCommands::addVendorUsers_data()
{
    QTest::addColumn<Role>("role");
    QTest::newRow("reviewer") << Role::Reviewer;
    QTest::newRow("admin") << Role::Admin;
}

void TestUserCommands::addVendorUsers()
{
    QFETCH(Role, role);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const auto added =
        UserCommands(*ws.context(ws.admin), kHasher).addUser(newUser(u"vendor.one"_s, role, {}));
    QVERIFY2(added.ok(), resultMessage(added));
    QCOMPARE(added.value().role, role);
    QVERIFY(added.value().partnerId.isNull());
    QCOMPARE(added.value().displayName, u"vendor.one"_s); // defaults to the login
    QCOMPARE(UserRepository(ws.db()).find(added.value().id)->role, role);
}

void TestUserCommands::validation_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("withPartner");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("code");

    const QString pw = u"long enough"_s;
    QTest::newRow("2-char login") << u"ab"_s << pw << Role::Reviewer << false << QString()
                                  << u"InvalidParameter.Login"_s;
    QTest::newRow("65-char login") << QString(65, u'a') << pw << Role::Reviewer << false
                                   << QString() << u"InvalidParameter.Login"_s;
    QTest::newRow("starts with a dot")
        << u".abc"_s << pw << Role::Reviewer << false << QString() << u"InvalidParameter.Login"_s;
    QTest::newRow("starts with a dash")
        << u"-abc"_s << pw << Role::Reviewer << false << QString() << u"InvalidParameter.Login"_s;
    QTest::newRow("inner space") << u"li lei"_s << pw << Role::Reviewer << false << QString()
                                 << u"InvalidParameter.Login"_s;
    QTest::newRow("non-ascii") << u"李雷abc"_s << pw << Role::Reviewer << false << QString()
                               << u"InvalidParameter.Login"_s;
    QTest::newRow("empty login") << u""_s << pw << Role::Reviewer << false << QString()
                                 << u"InvalidParameter.Login"_s;
    QTest::newRow("7-char password") << u"someone"_s << u"1234567"_s << Role::Reviewer << false
                                     << QString() << u"InvalidParameter.Password"_s;
    QTest::newRow("empty password") << u"someone"_s << QString() << Role::Reviewer << false
                                    << QString() << u"InvalidParameter.Password"_s;
    QTest::newRow("manager without partner") << u"someone"_s << pw << Role::PartnerManager << false
                                             << QString() << u"InvalidParameter.PartnerId"_s;
    QTest::newRow("reviewer with partner") << u"someone"_s << pw << Role::Reviewer << true
                                           << QString() << u"InvalidParameter.PartnerId"_s;
    QTest::newRow("admin with partner") << u"someone"_s << pw << Role::Admin << true << QString()
                                        << u"InvalidParameter.PartnerId"_s;
    QTest::newRow("101-char display name")
        << u"someone"_s << pw << Role::Admin << false << QString(101, u'd')
        << u"InvalidParameter.DisplayName"_s;
    QTest::newRow("several") << u"x"_s << u"short"_s << Role::PartnerManager << false << QString()
                             << u"InvalidParameter"_s;
}

void TestUserCommands::validation()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(Role, role);
    QFETCH(bool, withPartner);
    QFETCH(QString, displayName);
    QFETCH(QString, code);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());

    NewUser request = newUser(login, role, withPartner ? ws.partnerA.id : QUuid(), password);
    request.displayName = displayName;
    const auto refused = UserCommands(*ws.context(ws.admin), kHasher).addUser(request);
    VD_EXPECT_ERROR(refused, code);
    if (code == u"InvalidParameter"_s)
        QCOMPARE(refused.error().fieldErrors().size(), 3); // login, password, partnerId
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestUserCommands::acceptsBoundaries_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::newRow("3-char login, 8-char password") << u"abc"_s << u"12345678"_s;
    QTest::newRow("64-char login") << QString(64, u'a') << u"12345678"_s;
    QTest::newRow("all allowed characters") << u"9a.B_c-d@e"_s << u"pässwörd"_s;
}

void TestUserCommands::acceptsBoundaries()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const auto added = UserCommands(*ws.context(ws.admin), kHasher)
                           .addUser(newUser(login, Role::Reviewer, {}, password));
    QVERIFY2(added.ok(), resultMessage(added));
    const auto signedIn =
        UserCommands(*ws.context(ws.admin), kHasher).authenticate(login, password);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    QCOMPARE(signedIn.value().id, added.value().id);
}

void TestUserCommands::duplicateLoginIsCaseInsensitive()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    for (const QString &login : {u"manager.a"_s, u"MANAGER.A"_s, u" Manager.A "_s}) {
        const auto duplicate = UserCommands(*ws.context(ws.admin), kHasher)
                                   .addUser(newUser(login, Role::PartnerManager, ws.partnerB.id));
        VD_EXPECT_ERROR(duplicate, u"FailedOperation.DuplicateLogin"_s);
        QCOMPARE(duplicate.error().fieldErrors().size(), 1);
        QCOMPARE(duplicate.error().fieldErrors().first().field, u"login"_s);
    }
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestUserCommands::unknownPartnerIsNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(UserCommands(*ws.context(ws.admin), kHasher)
                        .addUser(newUser(u"orphan"_s, Role::PartnerManager, QUuid::createUuid())),
                    u"ResourceNotFound.Partner"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestUserCommands::addUserByOtherRoles_data()
{
    QTest::addColumn<bool>("asReviewer");
    QTest::newRow("reviewer") << true;
    QTest::newRow("partner manager") << false;
}

void TestUserCommands::addUserByOtherRoles()
{
    QFETCH(bool, asReviewer);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(UserCommands(*ws.context(asReviewer ? ws.reviewer : ws.managerA), kHasher)
                        .addUser(newUser(u"helper"_s, Role::PartnerManager, ws.partnerA.id)),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestUserCommands::authenticate()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    // Signing in needs no actor; the fixture's passwords are "password-<login>".
    const auto ctx = ws.context(Actor());
    const UserCommands users(*ctx, kHasher);
    const StoreSnapshot before(ws.db());

    const auto manager = users.authenticate(u"manager.a"_s, u"password-manager.a"_s);
    QVERIFY2(manager.ok(), resultMessage(manager));
    QCOMPARE(manager.value().id, ws.managerA.userId);
    QCOMPARE(manager.value().role, Role::PartnerManager);
    QCOMPARE(manager.value().partnerId, ws.partnerA.id);

    // The login is case-insensitive and trimmed; the password is not.
    const auto recased = users.authenticate(u" Reviewer "_s, u"password-reviewer"_s);
    QVERIFY2(recased.ok(), resultMessage(recased));
    QCOMPARE(recased.value().id, ws.reviewer.userId);
    VD_EXPECT_ERROR(users.authenticate(u"reviewer"_s, u"PASSWORD-REVIEWER"_s),
                    u"AuthFailure.InvalidCredentials"_s);
    VD_EXPECT_ERROR(users.authenticate(u"reviewer"_s, u" password-reviewer"_s),
                    u"AuthFailure.InvalidCredentials"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestUserCommands::authenticationFailuresLookAlike()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const auto ctx = ws.context(Actor());
    const UserCommands users(*ctx, kHasher);

    const auto wrongPassword = users.authenticate(u"admin"_s, u"password-manager.a"_s);
    const auto unknownLogin = users.authenticate(u"nobody.here"_s, u"password-admin"_s);
    const auto empty = users.authenticate(QString(), QString());
    VD_EXPECT_ERROR(wrongPassword, u"AuthFailure.InvalidCredentials"_s);
    VD_EXPECT_ERROR(unknownLogin, u"AuthFailure.InvalidCredentials"_s);
    VD_EXPECT_ERROR(empty, u"AuthFailure.InvalidCredentials"_s);
    QCOMPARE(wrongPassword.error().kind(), CommandError::Kind::Unauthenticated);
    QCOMPARE(wrongPassword.error().httpStatus(), 401);
    QCOMPARE(unknownLogin.error().kind(), wrongPassword.error().kind());
    QCOMPARE(unknownLogin.error().message(), wrongPassword.error().message());
    QVERIFY(!wrongPassword.error().message().contains(u"admin"_s));
}

void TestUserCommands::inactiveUserCannotSignIn()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    StoreProbe::exec(ws.db(), u"UPDATE users SET active = 0 WHERE login = 'manager.b'"_s);
    const auto ctx = ws.context(Actor());
    const UserCommands users(*ctx, kHasher);
    const auto refused = users.authenticate(u"manager.b"_s, u"password-manager.b"_s);
    VD_EXPECT_ERROR(refused, u"AuthFailure.InvalidCredentials"_s);
    const auto wrong = users.authenticate(u"manager.a"_s, u"nope-nope"_s);
    QCOMPARE(refused.error().message(), wrong.error().message());
}

QTEST_GUILESS_MAIN(TestUserCommands)
#include "tst_usercommands.moc"
