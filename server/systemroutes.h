#pragma once

class ApiServer;

// GET /health (anyone) and GET /metrics (administrators).
class SystemRoutes
{
public:
    static void install(ApiServer &server);
};
