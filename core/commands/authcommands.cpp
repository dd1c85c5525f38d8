#include "core/commands/authcommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/usercommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/authsessionrepository.h"
#include "core/repositories/loginfailurerepository.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

namespace {

// Base64url of 32 bytes without padding.
constexpr qsizetype kTokenLength = 43;
constexpr qint64 kKeepEndedSessionsSeconds = 24 * 60 * 60;

CommandError tokenInvalid()
{
    return CommandError(CommandError::Kind::Unauthenticated, u"AuthFailure.TokenInvalid"_s,
                        CoreTr::tr("The sign-in is not valid. Sign in again."));
}

CommandError tokenExpired()
{
    return CommandError(CommandError::Kind::Unauthenticated, u"AuthFailure.TokenExpired"_s,
                        CoreTr::tr("The sign-in has expired. Sign in again."));
}

QString newToken()
{
    std::array<quint32, AuthCommands::TokenBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), AuthCommands::TokenBytes);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Logins are case-insensitive, so the throttle counts them in one spelling. A body may carry
// a megabyte of "login"; no real login is longer than 64 characters, so a cut key still never
// meets a real one, and failed attempts cannot fill the store.
constexpr qsizetype kMaxKeyLength = 128;

QString throttleKey(const QString &text)
{
    return text.trimmed().toLower().left(kMaxKeyLength);
}

// Whole seconds from now until `until`, rounded up.
int secondsUntil(const QDateTime &now, const QDateTime &until)
{
    const qint64 ms = now.msecsTo(until);
    return int(std::max<qint64>(1, (ms + 999) / 1000));
}

// The refusal when the login or the address has used up its failures in the window.
std::optional<CommandError> throttle(const LoginFailureRepository &failures, const QString &key,
                                     const QString &address, const QDateTime &now)
{
    const QDateTime since = now.addSecs(-AuthCommands::ThrottleWindowSeconds);
    int loginWait = 0;
    if (const int n = failures.countForLogin(key, since); n >= AuthCommands::MaxFailuresPerLogin) {
        const auto leaving =
            failures.oldestForLogin(key, since, n - AuthCommands::MaxFailuresPerLogin);
        loginWait =
            secondsUntil(now, leaving.value_or(now).addSecs(AuthCommands::ThrottleWindowSeconds));
    }
    int addressWait = 0;
    if (!address.isEmpty()) {
        const int n = failures.countForAddress(address, since);
        if (n >= AuthCommands::MaxFailuresPerAddress) {
            const auto leaving =
                failures.oldestForAddress(address, since, n - AuthCommands::MaxFailuresPerAddress);
            addressWait = secondsUntil(
                now, leaving.value_or(now).addSecs(AuthCommands::ThrottleWindowSeconds));
        }
    }
    if (loginWait == 0 && addressWait == 0)
        return std::nullopt;
    const int wait = std::max(loginWait, addressWait);
    const QString message =
        loginWait >= addressWait
            ? CoreTr::tr("Too many failed sign-ins for this login. Try again in %n second(s).",
                         nullptr, wait)
            : CoreTr::tr("Too many failed sign-ins from this address. Try again in %n second(s).",
                         nullptr, wait);
    return CommandError::rateLimited(message, wait);
}

void auditSession(const Database &db, const QString &action, const QUuid &userId,
                  const QDateTime &at, const QJsonObject &details = {})
{
    AuditEvent event;
    event.at = at;
    event.actorId = userId;
    event.action = action;
    event.entity = u"User"_s;
    event.entityId = userId.toString(QUuid::WithoutBraces);
    event.details = details;
    AuditLog(db).record(event);
}

// Why the session cannot be used at `now`, if it cannot.
std::optional<CommandError> sessionRefusal(const std::optional<AuthSession> &session,
                                           const QDateTime &now)
{
    if (!session || session->revokedAt.isValid())
        return tokenInvalid();
    if (now >= session->expiresAt)
        return tokenExpired();
    return std::nullopt;
}

} // namespace

QString AuthCommands::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<SignInResult> AuthCommands::signIn(const QString &login, const QString &password,
                                          const QString &address) const
{
    const Database &db = m_context.db();
    const QString key = throttleKey(login);
    const QString from = throttleKey(address);

    // The attempt is written down as a failure before the password is checked, in the same
    // transaction as the throttle check: concurrent attempts, in any server process, then count
    // each other, and a burst cannot slip more guesses past the limit than it allows. A correct
    // password takes the entry back.
    const Result<qint64> attempt = db.write([&]() -> Result<qint64> {
        const LoginFailureRepository failures(db);
        failures.lockLogin(key);
        const QDateTime now = m_context.now();
        if (auto refused = throttle(failures, key, from, now))
            return *refused;
        return failures.record(key, from, now);
    });
    if (!attempt)
        return attempt.error();

    const Result<User> user = UserCommands(m_context, m_hasher).authenticate(login, password);
    if (!user)
        return user.error();

    const QString token = newToken();
    return db.write([&]() -> Result<SignInResult> {
        LoginFailureRepository(db).remove(attempt.value());
        AuthSession session;
        session.tokenHash = tokenHash(token);
        session.userId = user.value().id;
        session.createdAt = m_context.now();
        session.expiresAt = session.createdAt.addSecs(SessionLifetimeSeconds);
        AuthSessionRepository(db).insert(session);
        auditSession(db, u"SignIn"_s, session.userId, session.createdAt, {{u"address"_s, from}});
        return SignInResult{token, session.expiresAt, user.value()};
    });
}

Result<User> AuthCommands::authenticate(const QString &token) const
{
    if (token.size() != kTokenLength)
        return tokenInvalid();
    const Database &db = m_context.db();
    return db.read([&]() -> Result<User> {
        const auto session = AuthSessionRepository(db).find(tokenHash(token));
        if (auto refused = sessionRefusal(session, m_context.now()))
            return *refused;
        const auto user = UserRepository(db).find(session->userId);
        if (!user || !user->active)
            return tokenInvalid();
        return *user;
    });
}

Result<void> AuthCommands::signOut(const QString &token) const
{
    if (token.size() != kTokenLength)
        return tokenInvalid();
    const Database &db = m_context.db();
    return db.write([&]() -> Result<void> {
        const AuthSessionRepository sessions(db);
        const QString hash = tokenHash(token);
        const QDateTime now = m_context.now();
        const auto session = sessions.find(hash);
        if (auto refused = sessionRefusal(session, now))
            return *refused;
        // Conditional on the session still being open: of two racing sign-outs one succeeds.
        if (!sessions.revoke(hash, now))
            return tokenInvalid();
        auditSession(db, u"SignOut"_s, session->userId, now);
        return {};
    });
}

Result<int> AuthCommands::purge() const
{
    const Database &db = m_context.db();
    return db.write([&]() -> Result<int> {
        const QDateTime now = m_context.now();
        return AuthSessionRepository(db).purgeExpired(now.addSecs(-kKeepEndedSessionsSeconds)) +
               LoginFailureRepository(db).purgeBefore(now.addSecs(-ThrottleWindowSeconds));
    });
}
