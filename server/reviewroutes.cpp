#include "reviewroutes.h"

#include "apijson.h"
#include "apiserver.h"
#include "applicationrepository.h"
#include "commandcontext.h"
#include "coretr.h"
#include "jsoninput.h"
#include "reviewcommands.h"
#include "routesupport.h"

using namespace Qt::StringLiterals;

namespace {

QJsonObject applicationJson(const Application &application)
{
    return ApiJson::toJson(application);
}

HttpResponse reviewQueue(RouteContext &context)
{
    if (auto refused = RouteSupport::requireRole(
            context, Role::Reviewer, CoreTr::tr("Only a vendor reviewer has a review queue.")))
        return *refused;
    HttpResponse response;
    const auto paging = RouteSupport::paging(context, &response);
    if (!paging)
        return response;
    const ApplicationRepository applications(context.db);
    QJsonArray items;
    for (const Application &application :
         applications.reviewQueue({}, paging->limit, paging->offset))
        items.append(ApiJson::toJson(application));
    return HttpResponse::json(
        200, ApiJson::list(items, applications.countByStatus(ApplicationStatus::PendingReview)));
}

HttpResponse approve(RouteContext &context)
{
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, u"Application"_s);
    HttpResponse response;
    const auto body = RouteSupport::body(context, &response);
    if (!body)
        return response;
    JsonInput input(*body);
    const QString comment = input.string("comment").value_or(QString());
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    return RouteSupport::respond(context, ReviewCommands(context.commands).approve(id, comment),
                                 200, applicationJson);
}

HttpResponse reject(RouteContext &context)
{
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, u"Application"_s);
    HttpResponse response;
    const auto body = RouteSupport::body(context, &response);
    if (!body)
        return response;
    JsonInput input(*body);
    const auto reason = input.string("reason", JsonInput::Required);
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    return RouteSupport::respond(context, ReviewCommands(context.commands).reject(id, *reason), 200,
                                 applicationJson);
}

} // namespace

void ReviewRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("GET", u"/api/v1/review-queue"_s, reviewQueue);
    router.add("POST", u"/api/v1/applications/{id}/approve"_s, approve);
    router.add("POST", u"/api/v1/applications/{id}/reject"_s, reject);
}
