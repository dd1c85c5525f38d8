#include "ui/widgets/displayformat.h"

#include "core/domain/money.h"

#include <QLocale>

QString DisplayFormat::money(qint64 minor, const QString &currency)
{
    return Money(minor, currency).format(QLocale());
}

QString DisplayFormat::date(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    //: Date format (QDate::toString); keep the year.
    return QLocale().toString(utc.toLocalTime().date(), tr("d MMM yyyy"));
}

QString DisplayFormat::dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    //: Date and time format (QDateTime::toString).
    return QLocale().toString(utc.toLocalTime(), tr("d MMM yyyy HH:mm"));
}

QString DisplayFormat::weekdayDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return weekdayDate(utc.toLocalTime().date());
}

QString DisplayFormat::weekdayDate(QDate date)
{
    if (!date.isValid())
        return {};
    //: Date with weekday (QDate::toString).
    return QLocale().toString(date, tr("ddd d MMM yyyy"));
}

QString DisplayFormat::list(const QStringList &items)
{
    //: Separator between the names of a list, e.g. products.
    return items.join(tr(", "));
}

QString DisplayFormat::count(qint64 n)
{
    return QLocale().toString(n);
}
