#include "adminroutes.h"

#include "apiserver.h"

void AdminRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
