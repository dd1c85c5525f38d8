#pragma once

class ApiServer;

class VoucherRoutes
{
public:
    static void install(ApiServer &server);
};
