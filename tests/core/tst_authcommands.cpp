#include "core/commands/authcommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/authsessionrepository.h"
#include "core/repositories/loginfailurerepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// Sign-in, bearer tokens, sign-out and the throttling of failed sign-ins, through the store.
class TestAuthCommands : public QObject
{
    Q_OBJECT

private slots:
    void signInIssuesAToken();
    void tokenIsStoredOnlyAsItsHash();
    void loginIsCaseInsensitive();
    void wrongPasswordAndUnknownLoginLookAlike();
    void eachSignInHasItsOwnToken();
    void tokenExpiresAfterTwelveHours();
    void signOutEndsOnlyThatSession();
    void strangeTokensAreInvalid_data();
    void strangeTokensAreInvalid();
    void deactivatedUserLosesTheSession();
    void fiveFailuresLimitTheLogin();
    void windowFreesAfterSixtySeconds();
    void retryAfterRoundsUp();
    void addressLimit();
    void concurrentFailuresCannotPassTheLimit();
    void hugeLoginsAreCountedButNotStored();
    void purgeKeepsWhatIsStillNeeded();
};

namespace {

const PasswordHasher kHasher(PasswordHasher::Cost::Minimal);
const QString kLogin = u"manager.a"_s;
const QString kPassword = u"password-manager.a"_s;
const QString kAddress = u"192.0.2.10"_s;

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

struct Auth
{
    explicit Auth(TestWorkspace &ws)
        : context(ws.context(Actor{}))
        , commands(*context, kHasher)
    {}
    std::unique_ptr<CommandContext> context;
    AuthCommands commands;
};

qint64 failuresOf(const TestWorkspace &ws, const QString &login)
{
    return StoreProbe::scalar(
        ws.db(), u"SELECT COUNT(*) FROM login_failures WHERE login = '%1'"_s.arg(login));
}

} // namespace

void TestAuthCommands::signInIssuesAToken()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);

    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    const SignInResult &result = signedIn.value();
    // 32 random bytes in base64url without padding.
    static const QRegularExpression tokenPattern(u"^[A-Za-z0-9_-]{43}$"_s);
    QVERIFY2(tokenPattern.match(result.token).hasMatch(), qPrintable(result.token));
    QCOMPARE(QByteArray::fromBase64(result.token.toLatin1(), QByteArray::Base64UrlEncoding).size(),
             32);
    QCOMPARE(result.expiresAt, ws.now().addSecs(12 * 60 * 60));
    QCOMPARE(result.user.id, ws.managerA.userId);
    QCOMPARE(result.user.role, Role::PartnerManager);
    QCOMPARE(result.user.partnerId, ws.partnerA.id);

    const auto user = auth.commands.authenticate(result.token);
    QVERIFY2(user.ok(), resultMessage(user));
    QCOMPARE(user.value().id, ws.managerA.userId);
    QCOMPARE(user.value().login, kLogin);

    const auto session = AuthSessionRepository(ws.db()).find(sha256Hex(result.token));
    QVERIFY(session);
    QCOMPARE(session->userId, ws.managerA.userId);
    QCOMPARE(session->createdAt, ws.now());
    QCOMPARE(session->expiresAt, result.expiresAt);
    QVERIFY(!session->revokedAt.isValid());
    // A successful attempt leaves no failure behind.
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"login_failures"_s), 0);

    const auto events =
        AuditLog(ws.db()).eventsFor(u"User"_s, ws.managerA.userId.toString(QUuid::WithoutBraces));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.constLast().action, u"SignIn"_s);
    QCOMPARE(events.constLast().actorId, ws.managerA.userId);
    QCOMPARE(events.constLast().details.value(u"address"_s).toString(), kAddress);
}

void TestAuthCommands::tokenIsStoredOnlyAsItsHash()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    const QString token = signedIn.value().token;

    QCOMPARE(StoreProbe::rowCount(ws.db(), u"auth_sessions"_s), 1);
    QCOMPARE(StoreProbe::scalar(ws.db(), u"SELECT COUNT(*) FROM auth_sessions WHERE "
                                         u"token_hash = '%1'"_s.arg(sha256Hex(token))),
             1);
    QCOMPARE(AuthCommands::tokenHash(token), sha256Hex(token));
    // The raw token is nowhere in the store, nor its raw bytes in any other spelling.
    const QString bytesHex = QString::fromLatin1(
        QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).toHex());
    const auto dump = StoreProbe::reproducibleDump(ws.db());
    QVERIFY(dump.contains(u"auth_sessions"_s));
    for (auto table = dump.cbegin(); table != dump.cend(); ++table) {
        for (const QString &row : table.value()) {
            QVERIFY2(!row.contains(token), qPrintable(table.key()));
            QVERIFY2(!row.contains(bytesHex, Qt::CaseInsensitive), qPrintable(table.key()));
        }
    }
    // The hash signs nobody in.
    VD_EXPECT_ERROR(auth.commands.authenticate(sha256Hex(token)), u"AuthFailure.TokenInvalid"_s);
}

void TestAuthCommands::loginIsCaseInsensitive()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto signedIn = auth.commands.signIn(u" MANAGER.A "_s, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    QCOMPARE(signedIn.value().user.id, ws.managerA.userId);
}

void TestAuthCommands::wrongPasswordAndUnknownLoginLookAlike()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);

    const auto wrongPassword = auth.commands.signIn(kLogin, u"password-manager.b"_s, kAddress);
    const auto unknownLogin = auth.commands.signIn(u"nobody.here"_s, kPassword, kAddress);
    const auto emptyPassword = auth.commands.signIn(kLogin, QString(), kAddress);
    VD_EXPECT_ERROR(wrongPassword, u"AuthFailure.InvalidCredentials"_s);
    VD_EXPECT_ERROR(unknownLogin, u"AuthFailure.InvalidCredentials"_s);
    VD_EXPECT_ERROR(emptyPassword, u"AuthFailure.InvalidCredentials"_s);
    QCOMPARE(wrongPassword.error().kind(), CommandError::Kind::Unauthenticated);
    QCOMPARE(wrongPassword.error().httpStatus(), 401);
    QCOMPARE(unknownLogin.error().kind(), wrongPassword.error().kind());
    QCOMPARE(unknownLogin.error().message(), wrongPassword.error().message());
    QVERIFY(!wrongPassword.error().message().isEmpty());

    // Each failure is written down for throttling, the login in one spelling; no session.
    QCOMPARE(failuresOf(ws, kLogin), 2);
    QCOMPARE(failuresOf(ws, u"nobody.here"_s), 1);
    QCOMPARE(StoreProbe::scalar(ws.db(), u"SELECT COUNT(*) FROM login_failures WHERE "
                                         u"address = '%1' AND at = %2"_s.arg(kAddress)
                                             .arg(ws.now().toMSecsSinceEpoch())),
             3);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"auth_sessions"_s), 0);
}

void TestAuthCommands::eachSignInHasItsOwnToken()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    QSet<QString> tokens;
    for (int i = 0; i < 5; ++i) {
        const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
        QVERIFY2(signedIn.ok(), resultMessage(signedIn));
        tokens.insert(signedIn.value().token);
    }
    QCOMPARE(tokens.size(), 5);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"auth_sessions"_s), 5);
    for (const QString &token : std::as_const(tokens))
        QVERIFY2(auth.commands.authenticate(token).ok(), qPrintable(token));
}

void TestAuthCommands::tokenExpiresAfterTwelveHours()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    const QString token = signedIn.value().token;

    ws.setNow(signedIn.value().expiresAt.addMSecs(-1));
    QVERIFY2(auth.commands.authenticate(token).ok(), "valid until the last millisecond");

    ws.setNow(signedIn.value().expiresAt);
    const auto expired = auth.commands.authenticate(token);
    VD_EXPECT_ERROR(expired, u"AuthFailure.TokenExpired"_s);
    QCOMPARE(expired.error().httpStatus(), 401);
    QVERIFY(!expired.error().message().isEmpty());
    VD_EXPECT_ERROR(auth.commands.signOut(token), u"AuthFailure.TokenExpired"_s);
    QCOMPARE(AuthSessionRepository(ws.db()).findValid(sha256Hex(token), ws.now()), std::nullopt);

    // Signing in again gives a new session.
    const auto again = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(again.ok(), resultMessage(again));
    QVERIFY(auth.commands.authenticate(again.value().token).ok());
}

void TestAuthCommands::signOutEndsOnlyThatSession()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto first = auth.commands.signIn(kLogin, kPassword, kAddress);
    const auto second = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(first.ok(), resultMessage(first));
    QVERIFY2(second.ok(), resultMessage(second));

    ws.advance(30);
    const auto signedOut = auth.commands.signOut(first.value().token);
    QVERIFY2(signedOut.ok(), resultMessage(signedOut));
    VD_EXPECT_ERROR(auth.commands.authenticate(first.value().token), u"AuthFailure.TokenInvalid"_s);
    QVERIFY(auth.commands.authenticate(second.value().token).ok());

    const auto session = AuthSessionRepository(ws.db()).find(sha256Hex(first.value().token));
    QVERIFY(session);
    QCOMPARE(session->revokedAt, ws.now());
    const auto events =
        AuditLog(ws.db()).eventsFor(u"User"_s, ws.managerA.userId.toString(QUuid::WithoutBraces));
    QCOMPARE(events.constLast().action, u"SignOut"_s);
    QCOMPARE(events.constLast().at, ws.now());

    // Signing out twice is refused and changes nothing.
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(auth.commands.signOut(first.value().token), u"AuthFailure.TokenInvalid"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestAuthCommands::strangeTokensAreInvalid_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << u"abc"_s;
    QTest::newRow("never issued") << QString(43, u'A');
    QTest::newRow("sql") << u"' OR '1'='1' OR token_hash LIKE '%' -- ....."_s;
    QTest::newRow("very long") << QString(100000, u'x');
    QTest::newRow("non-ascii") << QString(43, QChar(0x4e2d));
}

void TestAuthCommands::strangeTokensAreInvalid()
{
    QFETCH(QString, token);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));

    const StoreSnapshot before(ws.db());
    const auto refused = auth.commands.authenticate(token);
    VD_EXPECT_ERROR(refused, u"AuthFailure.TokenInvalid"_s);
    QCOMPARE(refused.error().kind(), CommandError::Kind::Unauthenticated);
    VD_EXPECT_ERROR(auth.commands.signOut(token), u"AuthFailure.TokenInvalid"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(auth.commands.authenticate(signedIn.value().token).ok());
}

void TestAuthCommands::deactivatedUserLosesTheSession()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));

    StoreProbe::exec(ws.db(), u"UPDATE users SET active = 0 WHERE login = 'manager.a'"_s);
    VD_EXPECT_ERROR(auth.commands.authenticate(signedIn.value().token),
                    u"AuthFailure.TokenInvalid"_s);
    VD_EXPECT_ERROR(auth.commands.signIn(kLogin, kPassword, kAddress),
                    u"AuthFailure.InvalidCredentials"_s);
}

void TestAuthCommands::fiveFailuresLimitTheLogin()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const QDateTime start = ws.now();
    for (int i = 0; i < AuthCommands::MaxFailuresPerLogin; ++i) {
        VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"guess-%1"_s.arg(i), kAddress),
                        u"AuthFailure.InvalidCredentials"_s);
        ws.advance(1);
    }
    ws.setNow(start.addSecs(10));

    // Even the right password is refused now, before it is looked at, and nothing is written.
    const StoreSnapshot before(ws.db());
    const auto limited = auth.commands.signIn(kLogin, kPassword, kAddress);
    VD_EXPECT_ERROR(limited, u"RequestLimitExceeded"_s);
    QCOMPARE(limited.error().kind(), CommandError::Kind::RateLimited);
    QCOMPARE(limited.error().httpStatus(), 429);
    // The first failure (at start) leaves the window at start + 60 s.
    QCOMPARE(limited.error().retryAfterSeconds(), 50);
    QVERIFY2(limited.error().message().contains(u"50 second"_s),
             qPrintable(limited.error().message()));
    VD_VERIFY_UNCHANGED(before, ws.db());

    // Whatever the spelling of the login.
    VD_EXPECT_ERROR(auth.commands.signIn(u"Manager.A"_s, kPassword, u"198.51.100.7"_s),
                    u"RequestLimitExceeded"_s);
    // Other logins, from the same address, are not affected.
    const auto other = auth.commands.signIn(u"manager.b"_s, u"password-manager.b"_s, kAddress);
    QVERIFY2(other.ok(), resultMessage(other));
    // Sessions made before the limit stay valid: it guards the password, not the account.
    QCOMPARE(failuresOf(ws, kLogin), AuthCommands::MaxFailuresPerLogin);
}

void TestAuthCommands::windowFreesAfterSixtySeconds()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const QDateTime start = ws.now();
    // Failures at start, start + 1 s, ..., start + 4 s.
    for (int i = 0; i < AuthCommands::MaxFailuresPerLogin; ++i) {
        ws.setNow(start.addSecs(i));
        VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"wrong"_s, kAddress),
                        u"AuthFailure.InvalidCredentials"_s);
    }

    ws.setNow(start.addSecs(59));
    const auto stillLimited = auth.commands.signIn(kLogin, kPassword, kAddress);
    VD_EXPECT_ERROR(stillLimited, u"RequestLimitExceeded"_s);
    QCOMPARE(stillLimited.error().retryAfterSeconds(), 1);

    // At start + 60 s the first failure has left the window: one more attempt is allowed, and
    // when it fails too the limit is back until the second failure leaves (start + 61 s).
    ws.setNow(start.addSecs(60));
    VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"wrong again"_s, kAddress),
                    u"AuthFailure.InvalidCredentials"_s);
    const auto limitedAgain = auth.commands.signIn(kLogin, kPassword, kAddress);
    VD_EXPECT_ERROR(limitedAgain, u"RequestLimitExceeded"_s);
    QCOMPARE(limitedAgain.error().retryAfterSeconds(), 1);

    ws.setNow(start.addSecs(61));
    const auto signedIn = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(signedIn.ok(), resultMessage(signedIn));
    QVERIFY(auth.commands.authenticate(signedIn.value().token).ok());
}

void TestAuthCommands::retryAfterRoundsUp()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    // Six failures at one instant (the sixth from another process that counted before the
    // others were written): the window frees when the second oldest leaves, at the same time.
    for (int i = 0; i < AuthCommands::MaxFailuresPerLogin; ++i) {
        VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"wrong"_s, kAddress),
                        u"AuthFailure.InvalidCredentials"_s);
    }
    LoginFailureRepository(ws.db()).record(kLogin, kAddress, ws.now().addMSecs(300));

    ws.setNow(ws.now().addMSecs(500));
    const auto limited = auth.commands.signIn(kLogin, kPassword, kAddress);
    VD_EXPECT_ERROR(limited, u"RequestLimitExceeded"_s);
    QCOMPARE(limited.error().retryAfterSeconds(), 60); // 59.5 s, rounded up

    ws.setNow(ws.now().addMSecs(59000));
    QCOMPARE(auth.commands.signIn(kLogin, kPassword, kAddress).error().retryAfterSeconds(), 1);
    // 0.5 s later the five failures of the first instant have left; the sixth has not.
    ws.setNow(ws.now().addMSecs(500));
    QVERIFY2(auth.commands.signIn(kLogin, kPassword, kAddress).ok(), "the window is free");
}

void TestAuthCommands::addressLimit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    // One failure each for many logins: no login reaches its own limit.
    for (int i = 0; i < AuthCommands::MaxFailuresPerAddress; ++i) {
        VD_EXPECT_ERROR(auth.commands.signIn(u"sprayed.%1"_s.arg(i), u"Winter2026!"_s, kAddress),
                        u"AuthFailure.InvalidCredentials"_s);
    }
    ws.advance(15);

    const auto limited = auth.commands.signIn(kLogin, kPassword, kAddress);
    VD_EXPECT_ERROR(limited, u"RequestLimitExceeded"_s);
    QCOMPARE(limited.error().retryAfterSeconds(), 45);
    QVERIFY2(limited.error().message().contains(u"address"_s),
             qPrintable(limited.error().message()));

    // From another address the same person signs in.
    const auto elsewhere = auth.commands.signIn(kLogin, kPassword, u"198.51.100.7"_s);
    QVERIFY2(elsewhere.ok(), resultMessage(elsewhere));

    // Without a known address only the login limit applies.
    const auto noAddress = auth.commands.signIn(kLogin, kPassword, QString());
    QVERIFY2(noAddress.ok(), resultMessage(noAddress));

    ws.advance(45);
    const auto freed = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(freed.ok(), resultMessage(freed));
}

void TestAuthCommands::concurrentFailuresCannotPassTheLimit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    // A second store on the same file stands for a second server process.
    const auto otherDb = Database::open(ws.path(), &error);
    QVERIFY2(otherDb, qPrintable(error));

    constexpr int Threads = 4;
    constexpr int AttemptsPerThread = 4;
    ThreadBarrier barrier(Threads);
    QList<QString> codes[Threads];
    const QDateTime now = ws.now();
    auto attacker = [&](int side) {
        CommandContext ctx(side % 2 ? *otherDb : ws.db(), Actor{});
        ctx.setClock([now] { return now; });
        const AuthCommands commands(ctx, kHasher);
        for (int i = 0; i < AttemptsPerThread; ++i) {
            barrier.wait();
            const auto result = commands.signIn(kLogin, u"guess-%1-%2"_s.arg(side).arg(i),
                                                u"203.0.113.%1"_s.arg(side));
            codes[side].append(result.ok() ? u"ok"_s : result.error().code());
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int side = 0; side < Threads; ++side)
        threads.emplace_back(QThread::create(attacker, side));
    for (const auto &thread : threads)
        thread->start();
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(60000)));

    int guesses = 0;
    int limited = 0;
    for (const auto &list : codes) {
        for (const QString &code : list) {
            if (code == u"AuthFailure.InvalidCredentials"_s)
                ++guesses;
            else if (code == u"RequestLimitExceeded"_s)
                ++limited;
            else
                QFAIL(qPrintable(code));
        }
    }
    // Exactly five passwords were tried, whichever attempts raced.
    QCOMPARE(guesses, AuthCommands::MaxFailuresPerLogin);
    QCOMPARE(limited, Threads * AttemptsPerThread - AuthCommands::MaxFailuresPerLogin);
    QCOMPARE(failuresOf(ws, kLogin), AuthCommands::MaxFailuresPerLogin);
}

void TestAuthCommands::hugeLoginsAreCountedButNotStored()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const QString huge = QString(1000000, u'x');
    for (int i = 0; i < AuthCommands::MaxFailuresPerLogin; ++i) {
        VD_EXPECT_ERROR(auth.commands.signIn(huge + QString::number(i), kPassword, huge),
                        u"AuthFailure.InvalidCredentials"_s);
    }
    QVERIFY(StoreProbe::scalar(ws.db(), u"SELECT MAX(length(login) + length(address)) "
                                        u"FROM login_failures"_s) <= 256);
    // Alike in their first characters, they count as one login, which no real login can be.
    VD_EXPECT_ERROR(auth.commands.signIn(huge, kPassword, kAddress), u"RequestLimitExceeded"_s);
    QVERIFY(auth.commands.signIn(kLogin, kPassword, kAddress).ok());
}

void TestAuthCommands::purgeKeepsWhatIsStillNeeded()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    Auth auth(ws);
    const auto old = auth.commands.signIn(kLogin, kPassword, kAddress);
    const auto signedOut = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(old.ok() && signedOut.ok(), "sign-in failed");
    QVERIFY(auth.commands.signOut(signedOut.value().token).ok());
    VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"wrong"_s, kAddress),
                    u"AuthFailure.InvalidCredentials"_s);

    // Two days on: the first two sessions ended over a day ago; the failure is history.
    ws.advance(2 * 24 * 60 * 60);
    const auto current = auth.commands.signIn(kLogin, kPassword, kAddress);
    QVERIFY2(current.ok(), resultMessage(current));
    VD_EXPECT_ERROR(auth.commands.signIn(kLogin, u"wrong"_s, kAddress),
                    u"AuthFailure.InvalidCredentials"_s);
    ws.advance(1);

    const auto purged = auth.commands.purge();
    QVERIFY2(purged.ok(), resultMessage(purged));
    QCOMPARE(purged.value(), 3); // two sessions, one failure
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"auth_sessions"_s), 1);
    QCOMPARE(failuresOf(ws, kLogin), 1);
    QVERIFY(auth.commands.authenticate(current.value().token).ok());
}

QTEST_GUILESS_MAIN(TestAuthCommands)
#include "tst_authcommands.moc"
