#include "server/adminroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/partnercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/json/jsoninput.h"
#include "server/apiserver.h"
#include "server/routesupport.h"

using namespace Qt::StringLiterals;

// The administrator's routes: reclaiming a voucher and resizing a partner's quota pool. The
// role is checked before the body, so that nobody else learns anything from the answers.
namespace {

constexpr int kMaxReasonLength = 500;

// POST /vouchers/{id}/invalidate {reason?}: the voucher, invalidated; its unused balance is back
// in the partner's quota pool.
HttpResponse invalidateVoucher(RouteContext &context)
{
    HttpResponse response;
    const auto body = RouteSupport::bodyFor(
        context, Role::Admin, CoreTr::tr("Only an administrator can invalidate vouchers."),
        &response);
    if (!body)
        return response;
    JsonInput input(*body);
    const QString reason = input.string("reason").value_or(QString()).trimmed();
    if (reason.size() > kMaxReasonLength) {
        input.addError(u"reason"_s,
                       CoreTr::tr("A reason has at most %1 characters.").arg(kMaxReasonLength));
    }
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    // A path that is not a UUID finds no voucher: 404 like an unknown one.
    const auto invalidated =
        VoucherCommands(context.commands).invalidateVoucher(context.idParam(), reason);
    const QDateTime now = context.commands.now();
    return RouteSupport::respond(context, invalidated, 200,
                                 [&](const Voucher &v) { return ApiJson::toJson(v, now); });
}

// PUT /partners/{id}/quota {quotaMinor}: the partner with its new pool; never below what is
// already issued (409 FailedOperation.QuotaBelowIssued).
HttpResponse setQuota(RouteContext &context)
{
    HttpResponse response;
    const auto body = RouteSupport::bodyFor(
        context, Role::Admin, CoreTr::tr("Only an administrator can manage partners and quotas."),
        &response);
    if (!body)
        return response;
    JsonInput input(*body);
    const auto quota =
        input.integer("quotaMinor", 0, JsonInput::MaxSafeInteger, JsonInput::Required);
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    return RouteSupport::respond(
        context, PartnerCommands(context.commands).setQuota(context.idParam(), *quota), 200,
        [](const Partner &p) { return ApiJson::toJson(p); });
}

} // namespace

void AdminRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("POST", u"/api/v1/vouchers/{id}/invalidate"_s, invalidateVoucher);
    router.add("PUT", u"/api/v1/partners/{id}/quota"_s, setQuota);
}
