#include "server/httpresponse.h"

#include "core/base/commanderror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", {}};
}

HttpResponse HttpResponse::json(int status, const QJsonArray &array)
{
    return {status, QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", {}};
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    return {status, body, contentType, {}};
}

HttpResponse HttpResponse::noContent()
{
    return {204, {}, {}, {}};
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message,
                                 const QString &requestId)
{
    const QJsonObject error{
        {u"code"_s, code}, {u"message"_s, message}, {u"requestId"_s, requestId}};
    return json(status, QJsonObject{{u"error"_s, error}});
}

HttpResponse HttpResponse::error(const CommandError &error, const QString &requestId)
{
    HttpResponse response =
        HttpResponse::error(error.httpStatus(), error.code(), error.message(), requestId);
    if (error.kind() == CommandError::Kind::RateLimited)
        response.withHeader("Retry-After", QByteArray::number(error.retryAfterSeconds()));
    return response;
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}
