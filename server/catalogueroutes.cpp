#include "catalogueroutes.h"

#include "apiserver.h"

void CatalogueRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
