#include "reviewroutes.h"

#include "apiserver.h"

void ReviewRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
