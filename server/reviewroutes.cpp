#include "server/reviewroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/reviewcommands.h"
#include "core/json/jsoninput.h"
#include "core/repositories/applicationrepository.h"
#include "server/apiserver.h"
#include "server/routesupport.h"

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
    return RouteSupport::list(applications.reviewQueue({}, paging->limit, paging->offset),
                              applications.countByStatus(ApplicationStatus::PendingReview));
}

// POST /applications/{id}/approve|reject: the one text field of the body (`field`) handed to
// the decision, and the decided application.
template<typename Decide>
HttpResponse decide(RouteContext &context, const char *field, JsonInput::Presence presence,
                    Decide decision)
{
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, u"Application"_s);
    HttpResponse response;
    const auto body = RouteSupport::body(context, &response);
    if (!body)
        return response;
    JsonInput input(*body);
    const QString text = input.string(field, presence).value_or(QString());
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    ReviewCommands review(context.commands);
    return RouteSupport::respond(context, decision(review, id, text), 200, applicationJson);
}

HttpResponse approve(RouteContext &context)
{
    return decide(context, "comment", JsonInput::Optional,
                  [](ReviewCommands &review, const QUuid &id, const QString &comment) {
                      return review.approve(id, comment);
                  });
}

HttpResponse reject(RouteContext &context)
{
    return decide(context, "reason", JsonInput::Required,
                  [](ReviewCommands &review, const QUuid &id, const QString &reason) {
                      return review.reject(id, reason);
                  });
}

} // namespace

void ReviewRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("GET", u"/api/v1/review-queue"_s, reviewQueue);
    router.add("POST", u"/api/v1/applications/{id}/approve"_s, approve);
    router.add("POST", u"/api/v1/applications/{id}/reject"_s, reject);
}
