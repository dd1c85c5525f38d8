#include "server/systemroutes.h"

#include "core/base/commanderror.h"
#include "core/base/coretr.h"
#include "core/store/database.h"
#include "server/apiserver.h"
#include "server/routecontext.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

void SystemRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add(
        "GET", u"/health"_s,
        [](RouteContext &context) {
            // Reading proves the database answers, not only the process.
            context.db.setting(u"schema_check"_s);
            return HttpResponse::json(200, QJsonObject{{u"status"_s, u"ok"_s}});
        },
        Router::Access::Public);
    router.add("GET", u"/metrics"_s, [&server](RouteContext &context) {
        if (!context.user || context.user->role != Role::Admin) {
            return HttpResponse::error(
                CommandError::unauthorized(CoreTr::tr("Only an administrator can read metrics.")),
                context.request.requestId);
        }
        return HttpResponse::text(200, server.metrics().render(context.db),
                                  "text/plain; version=0.0.4");
    });
}
