#pragma once

class ApiServer;

// Installs every route group of the REST API on the server.
class ApiRoutes
{
public:
    static void install(ApiServer &server);
};
