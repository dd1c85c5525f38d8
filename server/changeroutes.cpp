#include "server/changeroutes.h"

#include "core/api/changefeed.h"
#include "core/api/changefeedjson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "server/apiserver.h"
#include "server/routesupport.h"

using namespace Qt::StringLiterals;

// GET /changes?since=&limit=: the sync feed of replicas (ChangeFeed), scoped to the caller.
// since: the nextSince of the previous pull (0, the default, for everything); limit: 1..1000,
// default 500. Answers {changes: [{entity, id, rev, deleted, data}], nextSince, hasMore}; data
// is the entity's API representation, null for a deletion.
namespace {

// A whole number in [min, max] from the query, or fallback when absent; nullopt (with the 400
// in *response) when malformed.
std::optional<qint64> wholeNumber(const RouteContext &context, const QString &name, qint64 min,
                                  qint64 max, qint64 fallback, const QString &message,
                                  HttpResponse *response)
{
    if (!context.request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = context.request.query.queryItemValue(name).trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *response = RouteSupport::fail(context, CommandError::invalidField(name, message));
        return std::nullopt;
    }
    return value;
}

HttpResponse changes(RouteContext &context)
{
    HttpResponse response;
    const auto since =
        wholeNumber(context, u"since"_s, 0, std::numeric_limits<qint64>::max(), 0,
                    CoreTr::tr("since must be a whole number of 0 or more: the nextSince of "
                               "the previous pull."),
                    &response);
    if (!since)
        return response;
    const auto limit = wholeNumber(
        context, u"limit"_s, 1, ChangeFeed::MaxLimit, ChangeFeed::DefaultLimit,
        CoreTr::tr("limit must be a whole number from 1 to %1.").arg(ChangeFeed::MaxLimit),
        &response);
    if (!limit)
        return response;

    const ChangeFeedPage page =
        ChangeFeed(context.db, context.commands.actor())
            .after(*since, int(*limit), context.commands.now(), ChangeFeed::Form::Json);
    return HttpResponse{200, ChangeFeedJson::page(page), "application/json", {}};
}

} // namespace

void ChangeRoutes::install(ApiServer &server)
{
    server.router().add("GET", u"/api/v1/changes"_s, changes);
}
