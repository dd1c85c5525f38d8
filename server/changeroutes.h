#pragma once

class ApiServer;

class ChangeRoutes
{
public:
    static void install(ApiServer &server);
};
