#include "server/apiroutes.h"

#include "server/adminroutes.h"
#include "server/applicationroutes.h"
#include "server/authroutes.h"
#include "server/catalogueroutes.h"
#include "server/changeroutes.h"
#include "server/customerroutes.h"
#include "server/reviewroutes.h"
#include "server/systemroutes.h"
#include "server/templateroutes.h"
#include "server/voucherroutes.h"

void ApiRoutes::install(ApiServer &server)
{
    SystemRoutes::install(server);
    AuthRoutes::install(server);
    CatalogueRoutes::install(server);
    CustomerRoutes::install(server);
    TemplateRoutes::install(server);
    ApplicationRoutes::install(server);
    ReviewRoutes::install(server);
    VoucherRoutes::install(server);
    AdminRoutes::install(server);
    ChangeRoutes::install(server);
}
