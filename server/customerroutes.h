#pragma once

class ApiServer;

class CustomerRoutes
{
public:
    static void install(ApiServer &server);
};
