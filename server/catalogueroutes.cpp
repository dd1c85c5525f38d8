#include "server/catalogueroutes.h"

#include "core/api/apijson.h"
#include "core/commands/commandcontext.h"
#include "core/repositories/productrepository.h"
#include "server/apiserver.h"
#include "server/routecontext.h"

using namespace Qt::StringLiterals;

void CatalogueRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("GET", u"/api/v1/products"_s, [](RouteContext &context) {
        const QList<Product> products = ProductRepository(context.db).all();
        QJsonArray items;
        for (const Product &product : products)
            items.append(ApiJson::toJson(product));
        return HttpResponse::json(200, ApiJson::list(items, products.size()));
    });
    router.add("GET", u"/api/v1/blocklist"_s, [](RouteContext &context) {
        // A store without any revision blocks nothing: revision 0, no products.
        const BlocklistRevision current = ProductRepository(context.db)
                                              .blocklistAt(context.commands.now())
                                              .value_or(BlocklistRevision{});
        return HttpResponse::json(200, ApiJson::toJson(current));
    });
}
