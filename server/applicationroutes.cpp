#include "server/applicationroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/applicationcommands.h"
#include "core/commands/commandcontext.h"
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

HttpResponse submit(RouteContext &context)
{
    // A reviewer is told it may not apply before anything about its body.
    HttpResponse response;
    const auto body = RouteSupport::bodyFor(
        context, Role::PartnerManager, CoreTr::tr("Only a partner manager can apply for vouchers."),
        &response);
    if (!body)
        return response;
    JsonInput input(*body);
    SubmitApplicationRequest request;
    // Required: the client's id is what makes a retried submission the same submission.
    request.id = input.uuid("id", JsonInput::Required);
    request.templateId = input.uuid("templateId", JsonInput::Required);
    request.customerId = input.uuid("customerId", JsonInput::Required);
    request.scenario = input.string("scenario", JsonInput::Required).value_or(QString());
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    // A repeat answers like the first: 201 with the application.
    return RouteSupport::respond(context,
                                 ApplicationCommands(context.commands).submitApplication(request),
                                 201, applicationJson);
}

HttpResponse list(RouteContext &context)
{
    HttpResponse response;
    const auto paging = RouteSupport::paging(context, &response);
    if (!paging)
        return response;
    std::optional<ApplicationStatus> status;
    if (context.request.query.hasQueryItem(u"status"_s)) {
        const QString name = context.request.query.queryItemValue(u"status"_s);
        status = applicationStatusFromString(name);
        if (!status) {
            return RouteSupport::fail(
                context, CommandError::invalidField(
                             u"status"_s, CoreTr::tr("status must be one of pending_review, "
                                                     "approved, rejected or cancelled.")));
        }
    }
    const QUuid partnerId = RouteSupport::listScope(context);
    const ApplicationRepository applications(context.db);
    return RouteSupport::list(applications.list(status, partnerId, paging->limit, paging->offset),
                              applications.count(status, partnerId));
}

HttpResponse show(RouteContext &context)
{
    const QUuid id = context.idParam();
    const auto application =
        id.isNull() ? std::nullopt : ApplicationRepository(context.db).find(id);
    // Another partner's application looks exactly like a missing one.
    if (!application || !context.commands.actor().canSee(application->partnerId))
        return RouteSupport::notFound(context, u"Application"_s);
    return HttpResponse::json(200, ApiJson::toJson(*application));
}

HttpResponse cancel(RouteContext &context)
{
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, u"Application"_s);
    return RouteSupport::respond(
        context, ApplicationCommands(context.commands).cancelApplication(id), 200, applicationJson);
}

} // namespace

void ApplicationRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("POST", u"/api/v1/applications"_s, submit);
    router.add("GET", u"/api/v1/applications"_s, list);
    router.add("GET", u"/api/v1/applications/{id}"_s, show);
    router.add("POST", u"/api/v1/applications/{id}/cancel"_s, cancel);
}
