#pragma once

class ApiServer;

class AdminRoutes
{
public:
    static void install(ApiServer &server);
};
