#include "server/routesupport.h"

#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/json/jsoninput.h"

using namespace Qt::StringLiterals;

std::optional<QJsonObject> RouteSupport::body(const RouteContext &context, HttpResponse *response)
{
    CommandError error;
    auto object = JsonInput::parseObject(context.request.body, &error);
    if (!object)
        *response = fail(context, error);
    return object;
}

std::optional<RouteSupport::Paging> RouteSupport::paging(const RouteContext &context,
                                                         HttpResponse *response, int maxLimit,
                                                         int defaultLimit)
{
    Paging paging;
    paging.limit = defaultLimit;
    const QUrlQuery &query = context.request.query;
    if (query.hasQueryItem(u"offset"_s)) {
        bool ok = false;
        const qint64 offset = query.queryItemValue(u"offset"_s).toLongLong(&ok);
        if (!ok || offset < 0 || offset > std::numeric_limits<int>::max()) {
            *response =
                fail(context,
                     CommandError::invalidField(u"offset"_s, CoreTr::tr("offset must be a whole "
                                                                        "number of 0 or more.")));
            return std::nullopt;
        }
        paging.offset = int(offset);
    }
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        const qint64 limit = query.queryItemValue(u"limit"_s).toLongLong(&ok);
        if (!ok || limit < 1 || limit > maxLimit) {
            *response =
                fail(context,
                     CommandError::invalidField(
                         u"limit"_s,
                         CoreTr::tr("limit must be a whole number from 1 to %1.").arg(maxLimit)));
            return std::nullopt;
        }
        paging.limit = int(limit);
    }
    return paging;
}

HttpResponse RouteSupport::fail(const RouteContext &context, const CommandError &error)
{
    return HttpResponse::error(error, context.request.requestId);
}

HttpResponse RouteSupport::notFound(const RouteContext &context, const QString &entity)
{
    return fail(context, CommandError::notFound(entity));
}

std::optional<HttpResponse> RouteSupport::requireRole(const RouteContext &context, Role role,
                                                      const QString &message)
{
    if (context.user && context.user->role == role)
        return std::nullopt;
    return fail(context, CommandError::unauthorized(message));
}

std::optional<QJsonObject> RouteSupport::bodyFor(const RouteContext &context, Role role,
                                                 const QString &refusal, HttpResponse *response)
{
    if (auto refused = requireRole(context, role, refusal)) {
        *response = *refused;
        return std::nullopt;
    }
    return body(context, response);
}

QUuid RouteSupport::listScope(const RouteContext &context)
{
    const Actor &actor = context.commands.actor();
    return actor.isPartnerManager() ? actor.partnerId : QUuid();
}
