#include "core/json/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonValue JsonFields::fromUuid(const QUuid &id)
{
    if (id.isNull())
        return QJsonValue::Null;
    return id.toString(QUuid::WithoutBraces);
}

QUuid JsonFields::toUuid(const QJsonValue &value)
{
    return QUuid::fromString(value.toString());
}

namespace {

// The civil date of a day count since 1970-01-01 (the proleptic Gregorian calendar).
void civilFromDays(qint64 days, qint64 *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    *month = int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    *year = yearOfEra + era * 400 + (*month <= 2 ? 1 : 0);
}

} // namespace

bool JsonFields::formatDateTime(const QDateTime &utc, char *text)
{
    if (!utc.isValid())
        return false;
    // What QDateTime::toString(Qt::ISODateWithMs) writes for UTC, without its general
    // formatter: every entity of a change-feed page has a few times.
    constexpr qint64 msPerDay = 86400000;
    const qint64 ms = utc.toMSecsSinceEpoch();
    const qint64 days = (ms >= 0 ? ms : ms - msPerDay + 1) / msPerDay;
    const qint64 msOfDay = ms - days * msPerDay;
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    if (year < 1 || year > 9999)
        return false;
    auto put = [text](int at, qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, msOfDay / 3600000, 2);
    text[13] = ':';
    put(14, msOfDay / 60000 % 60, 2);
    text[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, msOfDay % 1000, 3);
    text[23] = 'Z';
    return true;
}

QJsonValue JsonFields::fromDateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QJsonValue::Null;
    char text[24];
    if (!formatDateTime(utc, text))
        return utc.toUTC().toString(Qt::ISODateWithMs);
    return QString::fromLatin1(text, 24);
}

QDateTime JsonFields::toDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QStringList JsonFields::toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QString JsonFields::listToText(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList JsonFields::listFromText(const QString &text)
{
    return toStringList(QJsonDocument::fromJson(text.toUtf8()).array());
}
