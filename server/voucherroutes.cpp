#include "voucherroutes.h"

#include "apiserver.h"

void VoucherRoutes::install(ApiServer &server)
{
    Q_UNUSED(server)
}
