#pragma once

class ApiServer;

class CatalogueRoutes
{
public:
    static void install(ApiServer &server);
};
