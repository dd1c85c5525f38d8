#include "server/templateroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/templatecommands.h"
#include "core/json/jsoninput.h"
#include "core/repositories/templaterepository.h"
#include "server/apiserver.h"
#include "server/routecontext.h"
#include "server/routequery.h"
#include "server/routesupport.h"

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace {

const QString kTemplate = u"Template"_s;

QString kindMessage()
{
    return CoreTr::tr("kind must be universal or specific.");
}

std::optional<HttpResponse> requirePartnerManager(const RouteContext &context)
{
    return RouteSupport::requireRole(
        context, Role::PartnerManager,
        CoreTr::tr("Only a partner manager can create and change voucher templates."));
}

// The template with its version as the ETag, so that a client can echo it in If-Match.
HttpResponse entity(const RouteContext &context, const Result<VoucherTemplate> &result, int status)
{
    if (!result)
        return RouteSupport::fail(context, result.error());
    HttpResponse response = HttpResponse::json(status, ApiJson::toJson(result.value()));
    response.withHeader("ETag", '"' + QByteArray::number(result.value().version) + '"');
    return response;
}

// The editable fields of a create or replace body. Domain rules (lengths, the face value cap,
// the catalogue) are the command's; this only checks that each field has the right JSON shape.
std::optional<VoucherTemplate> readTemplate(const RouteContext &context, const QJsonObject &body,
                                            JsonInput::Presence idPresence, HttpResponse *response)
{
    JsonInput input(body);
    constexpr qint64 safe = JsonInput::MaxSafeInteger;
    VoucherTemplate t;
    t.id = input.uuid("id", idPresence);
    t.name = input.string("name", JsonInput::Required).value_or(QString());
    if (const auto kind = input.string("kind", JsonInput::Required)) {
        if (const auto parsed = voucherKindFromString(*kind))
            t.kind = *parsed;
        else
            input.addError(u"kind"_s, kindMessage());
    }
    t.faceValueMinor =
        input.integer("faceValueMinor", -safe, safe, JsonInput::Required).value_or(0);
    t.currency = input.string("currency", JsonInput::Required).value_or(QString());
    if (const auto days = input.integer("validityDays", -safe, safe)) {
        // Out of int's range is out of the rule's range too; the rule then names the limits.
        t.validityDays = int(std::clamp(*days, qint64(INT_MIN), qint64(INT_MAX)));
    }
    t.minSpendMinor = input.integer("minSpendMinor", -safe, safe).value_or(0);
    if (const auto payMode = input.string("payMode")) {
        if (const auto parsed = payModeFromString(*payMode))
            t.payMode = *parsed;
        else
            input.addError(u"payMode"_s, CoreTr::tr("payMode must be all, prepaid or postpaid."));
    }
    t.productCodes = input.stringList("productCodes", VoucherTemplate::MaxProducts);
    t.note = input.string("note").value_or(QString());
    if (!input.ok()) {
        *response = RouteSupport::fail(context, input.error());
        return std::nullopt;
    }
    return t;
}

// The version of "If-Match: 3" or of the quoted ETag form "If-Match: \"3\"".
std::optional<int> ifMatchVersion(const QByteArray &header)
{
    QByteArray value = header.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    if (value.isEmpty() ||
        !std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    bool ok = false;
    const int version = value.toInt(&ok);
    if (!ok || version < 1)
        return std::nullopt;
    return version;
}

HttpResponse list(RouteContext &context)
{
    HttpResponse refused;
    const auto paging = RouteSupport::paging(context, &refused);
    if (!paging)
        return refused;
    const QUrlQuery &query = context.request.query;
    TemplateFilter filter;
    const QString kind = query.queryItemValue(u"kind"_s, QUrl::FullyDecoded);
    if (!kind.isEmpty()) {
        filter.kind = voucherKindFromString(kind);
        if (!filter.kind)
            return RouteSupport::fail(context,
                                      CommandError::invalidField(u"kind"_s, kindMessage()));
    }
    if (!RouteQuery::flag(context, u"locked"_s, &filter.locked, &refused))
        return refused;
    filter.partnerId = RouteSupport::listScope(context);
    if (!RouteQuery::text(context, u"name"_s, &filter.nameContains, &refused))
        return refused;
    filter.offset = paging->offset;
    filter.limit = paging->limit;

    const TemplateRepository templates(context.db);
    return RouteSupport::list(templates.list(filter), templates.count(filter));
}

HttpResponse create(RouteContext &context)
{
    if (auto forbidden = requirePartnerManager(context))
        return *forbidden;
    HttpResponse refused;
    const auto body = RouteSupport::body(context, &refused);
    if (!body)
        return refused;
    const auto draft = readTemplate(context, *body, JsonInput::Required, &refused);
    if (!draft)
        return refused;
    return entity(context, TemplateCommands(context.commands).createTemplate(*draft), 201);
}

HttpResponse get(RouteContext &context)
{
    const QUuid id = context.idParam();
    const auto found = id.isNull() ? std::nullopt : TemplateRepository(context.db).find(id);
    if (!found || !context.commands.actor().canSee(found->partnerId))
        return RouteSupport::notFound(context, kTemplate);
    return entity(context, *found, 200);
}

HttpResponse replace(RouteContext &context)
{
    if (auto forbidden = requirePartnerManager(context))
        return *forbidden;
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, kTemplate);
    const QByteArray ifMatch = context.request.header("if-match");
    const auto expected = ifMatchVersion(ifMatch);
    if (!expected) {
        const QString message =
            ifMatch.trimmed().isEmpty()
                ? CoreTr::tr("Send the template's current version in the If-Match header, for "
                             "example If-Match: 3.")
                : CoreTr::tr("If-Match must be the template's version, a whole number such as "
                             "3 or \"3\".");
        return RouteSupport::fail(context, CommandError::invalidField(u"ifMatch"_s, message));
    }
    HttpResponse refused;
    const auto body = RouteSupport::body(context, &refused);
    if (!body)
        return refused;
    auto draft = readTemplate(context, *body, JsonInput::Optional, &refused);
    if (!draft)
        return refused;
    if (!draft->id.isNull() && draft->id != id) {
        return RouteSupport::fail(
            context, CommandError::invalidField(
                         u"id"_s, CoreTr::tr("The id in the body is not the id in the path.")));
    }
    draft->id = id;
    return entity(context, TemplateCommands(context.commands).updateTemplate(*draft, *expected),
                  200);
}

HttpResponse removeTemplate(RouteContext &context)
{
    if (auto forbidden = requirePartnerManager(context))
        return *forbidden;
    const QUuid id = context.idParam();
    if (id.isNull())
        return RouteSupport::notFound(context, kTemplate);
    const Result<void> deleted = TemplateCommands(context.commands).deleteTemplate(id);
    if (!deleted)
        return RouteSupport::fail(context, deleted.error());
    return HttpResponse::noContent();
}

HttpResponse duplicate(RouteContext &context)
{
    if (auto forbidden = requirePartnerManager(context))
        return *forbidden;
    const QUuid sourceId = context.idParam();
    if (sourceId.isNull())
        return RouteSupport::notFound(context, kTemplate);
    HttpResponse refused;
    const auto body = RouteSupport::body(context, &refused);
    if (!body)
        return refused;
    JsonInput input(*body);
    const QUuid newId = input.uuid("id");
    const QString name = input.string("name").value_or(QString());
    if (!input.ok())
        return RouteSupport::fail(context, input.error());
    return entity(context,
                  TemplateCommands(context.commands).duplicateTemplate(sourceId, newId, name), 201);
}

} // namespace

void TemplateRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    router.add("GET", u"/api/v1/templates"_s, list);
    router.add("POST", u"/api/v1/templates"_s, create);
    router.add("GET", u"/api/v1/templates/{id}"_s, get);
    router.add("PUT", u"/api/v1/templates/{id}"_s, replace);
    router.add("DELETE", u"/api/v1/templates/{id}"_s, removeTemplate);
    router.add("POST", u"/api/v1/templates/{id}/duplicate"_s, duplicate);
}
