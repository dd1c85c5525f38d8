#pragma once

#include "commanderror.h"
#include "httpresponse.h"
#include "result.h"
#include "routecontext.h"

#include <QJsonObject>

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
