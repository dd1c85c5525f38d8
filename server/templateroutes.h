#pragma once

class ApiServer;

class TemplateRoutes
{
public:
    static void install(ApiServer &server);
};
