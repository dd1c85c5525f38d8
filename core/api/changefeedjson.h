#pragma once

#include <QByteArray>

struct ChangeFeedPage;

// The body of GET /changes: {"changes": [{"data", "deleted", "entity", "id", "rev"}],
// "hasMore", "nextSince"}, compact, byte for byte what QJsonDocument prints for it, written
// straight into one buffer (JsonWriter): a page of 1,000 changes is some 900 kB, and building it
// through QJsonDocument copied and re-allocated it over and over.
class ChangeFeedJson
{
public:
    static QByteArray page(const ChangeFeedPage &page);
};
