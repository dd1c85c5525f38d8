#include "server/authroutes.h"

#include "core/api/apijson.h"
#include "core/commands/authcommands.h"
#include "core/json/jsonfields.h"
#include "core/json/jsoninput.h"
#include "server/apiserver.h"
#include "server/routecontext.h"

using namespace Qt::StringLiterals;

void AuthRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add(
        "POST", u"/api/v1/auth/login"_s,
        [](RouteContext &context) {
            CommandError error;
            const auto body = JsonInput::parseObject(context.request.body, &error);
            if (!body)
                return HttpResponse::error(error, context.request.requestId);
            JsonInput input(*body);
            const auto login = input.string("login", JsonInput::Required);
            const auto password = input.string("password", JsonInput::Required);
            if (!input.ok())
                return HttpResponse::error(input.error(), context.request.requestId);
            const Result<SignInResult> signedIn =
                AuthCommands(context.commands)
                    .signIn(*login, *password, context.request.remoteAddress);
            if (!signedIn)
                return HttpResponse::error(signedIn.error(), context.request.requestId);
            return HttpResponse::json(
                200,
                QJsonObject{{u"token"_s, signedIn.value().token},
                            {u"expiresAt"_s, JsonFields::fromDateTime(signedIn.value().expiresAt)},
                            {u"user"_s, ApiJson::toJson(signedIn.value().user)}});
        },
        Router::Access::Public);
    router.add("POST", u"/api/v1/auth/logout"_s, [](RouteContext &context) {
        const Result<void> out =
            AuthCommands(context.commands).signOut(context.request.bearerToken());
        if (!out)
            return HttpResponse::error(out.error(), context.request.requestId);
        return HttpResponse::noContent();
    });
    router.add("GET", u"/api/v1/me"_s, [](RouteContext &context) {
        return HttpResponse::json(200, ApiJson::toJson(*context.user));
    });
}
