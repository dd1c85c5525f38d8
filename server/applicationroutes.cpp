#include "applicationroutes.h"

#include "apiserver.h"

void ApplicationRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
