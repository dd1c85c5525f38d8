#pragma once

#include "core/base/passwordhasher.h"
#include "core/base/result.h"
#include "core/domain/user.h"

#include <QDateTime>
#include <QString>

class CommandContext;

struct SignInResult
{
    QString token; // the bearer token: shown once, stored only as its hash
    QDateTime expiresAt;
    User user;
};

// Sign-in with a password for a bearer token, the token's check on each request, and sign-out.
// Sessions and failed attempts live in the store, so every server process on one database
// shares them. Runs with any actor: sign-in is what makes one.
class AuthCommands
{
public:
    explicit AuthCommands(const CommandContext &context, PasswordHasher hasher = PasswordHasher())
        : m_context(context)
        , m_hasher(hasher)
    {}

    static constexpr int MaxFailuresPerLogin = 5;
    static constexpr int MaxFailuresPerAddress = 50;
    static constexpr qint64 ThrottleWindowSeconds = 60;
    static constexpr qint64 SessionLifetimeSeconds = 12 * 60 * 60;
    static constexpr int TokenBytes = 32;

    // A new session for the active user with this login and password. Refused with
    // RequestLimitExceeded (retryAfterSeconds() set) after MaxFailuresPerLogin failures for the
    // login, or MaxFailuresPerAddress from the address (when one is given), within the window,
    // before the password is looked at; otherwise a wrong login and a wrong password both get
    // AuthFailure.InvalidCredentials.
    Result<SignInResult> signIn(const QString &login, const QString &password,
                                const QString &address) const;
    // The active user the token was issued to, while the session is neither signed out nor
    // expired: AuthFailure.TokenExpired after expiry, AuthFailure.TokenInvalid otherwise.
    Result<User> authenticate(const QString &token) const;
    // Ends the session; the same errors as authenticate() when it is not valid.
    Result<void> signOut(const QString &token) const;
    // Housekeeping for a server: deletes sessions that ended over a day ago and failures that
    // left the throttling window. Returns how many rows went.
    Result<int> purge() const;

    // What the store keeps of a token: its SHA-256 in lower-case hex.
    static QString tokenHash(const QString &token);

private:
    const CommandContext &m_context;
    PasswordHasher m_hasher;
};
