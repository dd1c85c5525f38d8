#pragma once

class ApiServer;

class ReviewRoutes
{
public:
    static void install(ApiServer &server);
};
