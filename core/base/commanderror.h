#pragma once

#include "core/base/fielderror.h"

#include <QString>

// Why a command or query was refused. The code follows the vendor's API style
// ("FailedOperation.TemplateLocked") so the server can answer it unchanged; the message is
// translated and safe to show to a user.
class CommandError
{
public:
    enum class Kind {
        InvalidParameter, // 400: input that breaks a rule; fieldErrors() lists each one
        Unauthenticated,  // 401
        Unauthorized,     // 403: the role may never do this
        NotFound,         // 404: unknown, or belongs to another partner
        Conflict,         // 409: the current state forbids it
        RateLimited,      // 429: too many attempts; retryAfterSeconds() says when to retry
        Internal,         // 500: the store failed; the message hides internals
    };

    CommandError() = default;
    CommandError(Kind kind, QString code, QString message, FieldErrors fieldErrors = {});

    static CommandError invalid(FieldErrors errors);
    static CommandError invalidField(const QString &field, const QString &message);
    static CommandError notFound(const QString &entity);
    static CommandError unauthorized(const QString &message);
    static CommandError conflict(const QString &reason, const QString &message);
    static CommandError internal(const QString &detailForLog);
    // Code "RequestLimitExceeded"; the wait is at least one second.
    static CommandError rateLimited(const QString &message, int retryAfterSeconds);

    Kind kind() const { return m_kind; }
    QString code() const { return m_code; }
    QString message() const { return m_message; }
    FieldErrors fieldErrors() const { return m_fieldErrors; }
    // For RateLimited: the seconds until a retry can succeed (the Retry-After header); else 0.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    // The HTTP status the REST API answers with for this kind of error.
    int httpStatus() const;

private:
    Kind m_kind = Kind::Internal;
    QString m_code;
    QString m_message;
    FieldErrors m_fieldErrors;
    int m_retryAfterSeconds = 0;
};
