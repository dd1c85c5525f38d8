#pragma once

#include "core/api/apijson.h"
#include "core/base/commanderror.h"
#include "core/base/result.h"
#include "server/httpresponse.h"
#include "server/routecontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

// What every route group needs: reading the JSON body, paging parameters and path ids, and
// turning a command's Result into the response (the error envelope on refusal).
class RouteSupport
{
public:
    struct Paging
    {
        int offset = 0;
        int limit = 50;
    };

    // The request's JSON object; on a malformed body, *response is the 400 to answer.
    static std::optional<QJsonObject> body(const RouteContext &context, HttpResponse *response);
    // offset (≥ 0) and limit (1..maxLimit) from the query; on a bad value, *response is the 400.
    static std::optional<Paging> paging(const RouteContext &context, HttpResponse *response,
                                        int maxLimit = 200, int defaultLimit = 50);

    static HttpResponse fail(const RouteContext &context, const CommandError &error);
    // 404 ResourceNotFound.<entity> for a path id that is not a UUID.
    static HttpResponse notFound(const RouteContext &context, const QString &entity);
    // 403 unless the signed-in user has the role.
    static std::optional<HttpResponse> requireRole(const RouteContext &context, Role role,
                                                   const QString &message);
    // body() of a request only `role` may make. The role is checked first (*response is the
    // 403), so that nobody else learns anything from what the body holds.
    static std::optional<QJsonObject> bodyFor(const RouteContext &context, Role role,
                                              const QString &refusal, HttpResponse *response);
    // The partner a partner manager's lists are limited to; null (every partner) for staff.
    static QUuid listScope(const RouteContext &context);

    // 200 with one page of items as JSON and the total the query matches.
    template<typename T>
    static HttpResponse list(const QList<T> &items, qint64 totalCount)
    {
        QJsonArray array;
        for (const T &item : items)
            array.append(ApiJson::toJson(item));
        return HttpResponse::json(200, ApiJson::list(array, totalCount));
    }

    // The value as JSON with `status`, or the command's error.
    template<typename T, typename ToJson>
    static HttpResponse respond(const RouteContext &context, const Result<T> &result, int status,
                                ToJson toJson)
    {
        if (!result)
            return fail(context, result.error());
        return HttpResponse::json(status, toJson(result.value()));
    }
};
