#include "apiroutes.h"

#include "adminroutes.h"
#include "applicationroutes.h"
#include "authroutes.h"
#include "catalogueroutes.h"
#include "changeroutes.h"
#include "customerroutes.h"
#include "reviewroutes.h"
#include "systemroutes.h"
#include "templateroutes.h"
#include "voucherroutes.h"

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
