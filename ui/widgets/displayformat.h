#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// How the UI shows money, dates and times: in the chosen locale, times converted from UTC to
// local time.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    static QString money(qint64 minor, const QString &currency);
    static QString date(const QDateTime &utc);        // "27 Nov 2026"
    static QString dateTime(const QDateTime &utc);    // "27 Nov 2026 10:00"
    static QString weekdayDate(const QDateTime &utc); // "Wed 2 Dec 2026"
    // A calendar day as it is, not converted: e.g. a due day in the vendor's time zone.
    static QString weekdayDate(QDate date);
    static QString count(qint64 n); // "1,000,000"
    // Names in a running list: "CVM, COS, CDB" ("CVM、COS、CDB" in Chinese).
    static QString list(const QStringList &items);
};
