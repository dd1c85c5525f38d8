#include "customerroutes.h"

#include "apiserver.h"

void CustomerRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
