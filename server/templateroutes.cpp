#include "templateroutes.h"

#include "apiserver.h"

void TemplateRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
