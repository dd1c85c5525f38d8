#include "apiroutes.h"

#include "authroutes.h"
#include "systemroutes.h"

void ApiRoutes::install(ApiServer &server)
{
    SystemRoutes::install(server);
    AuthRoutes::install(server);
}
