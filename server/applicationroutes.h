#pragma once

class ApiServer;

class ApplicationRoutes
{
public:
    static void install(ApiServer &server);
};
