#include "server/customerroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/customercommands.h"
#include "core/json/jsoninput.h"
#include "core/repositories/customerrepository.h"
#include "server/apiserver.h"
#include "server/routecontext.h"
#include "server/routequery.h"
#include "server/routesupport.h"

using namespace Qt::StringLiterals;

namespace {

HttpResponse list(RouteContext &context)
{
    HttpResponse refused;
    const auto paging = RouteSupport::paging(context, &refused);
    if (!paging)
        return refused;
    std::optional<bool> eligible;
    if (!RouteQuery::flag(context, u"eligible"_s, &eligible, &refused))
        return refused;

    CustomerFilter filter;
    filter.partnerId = RouteSupport::listScope(context);
    if (!RouteQuery::text(context, u"q"_s, &filter.text, &refused))
        return refused;
    filter.eligibleOnly = eligible == true;
    filter.ineligibleOnly = eligible == false;
    filter.offset = paging->offset;
    filter.limit = paging->limit;
    const CustomerRepository customers(context.db);
    return RouteSupport::list(customers.list(filter), customers.count(filter));
}

HttpResponse create(RouteContext &context)
{
    // The role first, so that a reviewer hears "not yours to do" whatever the body holds.
    HttpResponse refused;
    const auto body =
        RouteSupport::bodyFor(context, Role::PartnerManager,
                              CoreTr::tr("Only a partner manager can add customers."), &refused);
    if (!body)
        return refused;
    JsonInput input(*body);
    Customer draft;
    draft.id = input.uuid("id", JsonInput::Required);
    draft.name = input.string("name", JsonInput::Required).value_or(QString());
    draft.uin = input.string("uin", JsonInput::Required).value_or(QString());
    draft.eligible = input.boolean("eligible").value_or(true);
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    return RouteSupport::respond(context, CustomerCommands(context.commands).addCustomer(draft),
                                 201, [](const Customer &c) { return ApiJson::toJson(c); });
}

HttpResponse get(RouteContext &context)
{
    const QUuid id = context.idParam();
    const auto customer = id.isNull() ? std::nullopt : CustomerRepository(context.db).find(id);
    if (!customer || !context.commands.actor().canSee(customer->partnerId))
        return RouteSupport::notFound(context, u"Customer"_s);
    return HttpResponse::json(200, ApiJson::toJson(*customer));
}

} // namespace

void CustomerRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("GET", u"/api/v1/customers"_s, list);
    router.add("POST", u"/api/v1/customers"_s, create);
    router.add("GET", u"/api/v1/customers/{id}"_s, get);
}
