#include "changeroutes.h"

#include "apiserver.h"

void ChangeRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
