#include "jsonfields.h"

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

QJsonValue JsonFields::fromDateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QJsonValue::Null;
    return utc.toUTC().toString(Qt::ISODateWithMs);
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
