#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QStringList>
#include <QUuid>

// The JSON spelling of the value types the API and stored snapshots share: UUIDs without
// braces, UTC times as ISO 8601 with milliseconds and 'Z', null for "not set".
class JsonFields
{
public:
    static QJsonValue fromUuid(const QUuid &id);
    static QUuid toUuid(const QJsonValue &value);
    static QJsonValue fromDateTime(const QDateTime &utc);
    // fromDateTime's text of a valid time in years 1 to 9999, written to text[0..23] without
    // allocating (JsonWriter's time fields); false for any other time.
    static bool formatDateTime(const QDateTime &utc, char *text);
    static QDateTime toDateTime(const QJsonValue &value);
    static QStringList toStringList(const QJsonValue &value);
    // A string list stored in one text column as a compact JSON array.
    static QString listToText(const QStringList &list);
    static QStringList listFromText(const QString &text);
};
