#include "core/base/commanderror.h"

#include "core/base/coretr.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCommand, "voucherdesk.command")

CommandError::CommandError(Kind kind, QString code, QString message, FieldErrors fieldErrors)
    : m_kind(kind)
    , m_code(std::move(code))
    , m_message(std::move(message))
    , m_fieldErrors(std::move(fieldErrors))
{}

CommandError CommandError::invalid(FieldErrors errors)
{
    Q_ASSERT(!errors.isEmpty());
    const FieldError &first = errors.constFirst();
    QString field = first.field;
    if (!field.isEmpty())
        field[0] = field.at(0).toUpper();
    const QString code = errors.size() == 1 ? QStringLiteral("InvalidParameter.") + field
                                            : QStringLiteral("InvalidParameter");
    const QString message =
        errors.size() == 1
            ? first.message
            : CoreTr::tr("%n field(s) are invalid: %1", nullptr, errors.size()).arg(first.message);
    return CommandError(Kind::InvalidParameter, code, message, std::move(errors));
}

CommandError CommandError::invalidField(const QString &field, const QString &message)
{
    return invalid({FieldError{field, message}});
}

CommandError CommandError::notFound(const QString &entity)
{
    QString message;
    if (entity == QLatin1StringView("Template"))
        message = CoreTr::tr("The template does not exist or is not visible to you.");
    else if (entity == QLatin1StringView("Customer"))
        message = CoreTr::tr("The customer does not exist or is not visible to you.");
    else if (entity == QLatin1StringView("Application"))
        message = CoreTr::tr("The application does not exist or is not visible to you.");
    else if (entity == QLatin1StringView("Voucher"))
        message = CoreTr::tr("The voucher does not exist or is not visible to you.");
    else if (entity == QLatin1StringView("Partner"))
        message = CoreTr::tr("The partner does not exist or is not visible to you.");
    else
        message = CoreTr::tr("What you asked for does not exist or is not visible to you.");
    return CommandError(Kind::NotFound, QStringLiteral("ResourceNotFound.") + entity, message);
}

CommandError CommandError::unauthorized(const QString &message)
{
    return CommandError(Kind::Unauthorized, QStringLiteral("UnauthorizedOperation"), message);
}

CommandError CommandError::conflict(const QString &reason, const QString &message)
{
    return CommandError(Kind::Conflict, QStringLiteral("FailedOperation.") + reason, message);
}

CommandError CommandError::internal(const QString &detailForLog)
{
    qCWarning(lcCommand) << "internal error:" << detailForLog;
    return CommandError(Kind::Internal, QStringLiteral("InternalError"),
                        CoreTr::tr("An internal error occurred. Nothing was changed."));
}

CommandError CommandError::rateLimited(const QString &message, int retryAfterSeconds)
{
    CommandError error(Kind::RateLimited, QStringLiteral("RequestLimitExceeded"), message);
    error.m_retryAfterSeconds = std::max(1, retryAfterSeconds);
    return error;
}

int CommandError::httpStatus() const
{
    switch (m_kind) {
    case Kind::InvalidParameter:
        return 400;
    case Kind::Unauthenticated:
        return 401;
    case Kind::Unauthorized:
        return 403;
    case Kind::NotFound:
        return 404;
    case Kind::Conflict:
        return 409;
    case Kind::RateLimited:
        return 429;
    case Kind::Internal:
        return 500;
    }
    return 500;
}
