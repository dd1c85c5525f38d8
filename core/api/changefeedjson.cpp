#include "core/api/changefeedjson.h"

#include "core/api/changefeed.h"
#include "core/json/jsonwriter.h"

using namespace Qt::StringLiterals;

QByteArray ChangeFeedJson::page(const ChangeFeedPage &page)
{
    JsonWriter json(page.changes.size() * 900 + 64);
    // Keys in QJsonObject's (sorted) order.
    json.beginObject();
    json.key("changes"_L1);
    json.beginArray();
    const bool written = page.dataJson.size() == page.changes.size();
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        const ChangeFeedEntry &change = page.changes.at(i);
        json.beginObject();
        json.key("data"_L1);
        if (change.deleted)
            json.null();
        else if (written)
            json.raw(page.dataJson.at(i));
        else
            json.value(change.data);
        json.key("deleted"_L1);
        json.boolean(change.deleted);
        json.key("entity"_L1);
        json.string(change.entity);
        json.key("id"_L1);
        json.string(change.id);
        json.key("rev"_L1);
        json.integer(change.rev);
        json.endObject();
    }
    json.endArray();
    json.key("hasMore"_L1);
    json.boolean(page.hasMore);
    json.key("nextSince"_L1);
    json.integer(page.nextSince);
    json.endObject();
    return json.take();
}
