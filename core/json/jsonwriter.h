#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QUuid>

// Compact JSON appended straight to one byte array, for the answers too costly to build as
// QJsonObjects first (list and change-feed pages: QJsonObject, QCborValue and QJsonDocument's
// buffer growth took some 40 % of the server's CPU). It writes what
// QJsonDocument::toJson(Compact) writes for the same values: the same escapes, UTF-8, integers,
// doubles and null. Keys are written in the order given, so a caller matching a QJsonObject
// writes them sorted, as QJsonObject keeps them.
//
//     JsonWriter json;
//     json.beginObject();
//     json.key("items"_L1);
//     json.beginArray();
//     ...
//     json.endArray();
//     json.endObject();
//     QByteArray body = json.take();
//
// Commas go between the values of a container (an object's key and value count as one); it
// does not check that the calls make a well-formed document.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QLatin1StringView name);
    void key(QStringView name);

    void string(QStringView text);
    void string(QLatin1StringView text);
    void integer(qint64 value);
    // As QJsonValue(double) prints: the shortest form that reads back exactly, null if not finite.
    void number(double value);
    void boolean(bool value);
    void null();
    // An array of strings, as QJsonArray::fromStringList(list) prints.
    void strings(const QStringList &list);
    // JsonFields' spellings: UUID text without braces, UTC ISO 8601 with milliseconds, and null
    // for a null UUID or an invalid time.
    void uuid(const QUuid &id);
    void dateTime(const QDateTime &time);
    // Any QJsonValue, objects and arrays whole, as QJsonDocument prints it (an integer as an
    // integer, a double in its shortest form; undefined as null).
    void value(const QJsonValue &value);
    // A value already written as JSON (a nested document, say), taken as it is.
    void raw(QByteArrayView json);

    const QByteArray &data() const { return m_out; }
    QByteArray take();

private:
    // Before a value: the comma after the previous one of its container.
    void separate();
    char *grow(qsizetype most);
    void shrinkTo(const char *end);

    QByteArray m_out;
    bool m_needComma = false;
    bool m_afterKey = false;
};
