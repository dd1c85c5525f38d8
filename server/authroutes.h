#pragma once

class ApiServer;

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.
class AuthRoutes
{
public:
    static void install(ApiServer &server);
};
