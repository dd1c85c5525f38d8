#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <optional>

// Working days of the vendor's home market: Monday to Friday, minus public holidays, plus the
// make-up working days that move work onto a weekend around a holiday. The facts are data
// (resources/calendars/cn.json, one entry per year as the State Council publishes it); outside
// the years the data knows, the calendar falls back to "weekends only" and says so through
// isKnown() / reviewDueIsEstimate(), so that the UI can label such a date as an estimate.
//
// A copyable value type; const methods may be called from several threads at once.
class BusinessCalendar
{
public:
    struct Holiday
    {
        QString name;   // English
        QString nameZh; // Simplified Chinese
        QDate from;     // first day off
        QDate to;       // last day off (inclusive)
        QList<QDate> makeUpWorkdays;
    };

    // Weekends only, no known year, in the vendor's time zone (Asia/Shanghai, or a fixed UTC+8
    // when the system has no such zone).
    BusinessCalendar();

    // The calendar compiled into core (:/voucherdesk/calendars/cn.json), loaded once. If it
    // cannot be loaded, logs a critical message and answers the weekends-only calendar.
    static BusinessCalendar shipped();

    // Strict parsers: on any error answer nullopt and, if errorMessage is given, a translated
    // message that names the offending entry.
    static std::optional<BusinessCalendar> fromJson(const QByteArray &json,
                                                    QString *errorMessage = nullptr);
    static std::optional<BusinessCalendar> fromFile(const QString &path,
                                                    QString *errorMessage = nullptr);

    QString region() const { return m_region; }
    QTimeZone timeZone() const { return m_timeZone; }
    QList<int> knownYears() const { return m_sources.keys(); }
    QString source(int year) const { return m_sources.value(year); }
    QList<Holiday> holidays() const { return m_holidays; }

    // False when the date's year is not in the data: answers about it are an estimate.
    bool isKnown(QDate date) const;
    bool isWorkingDay(QDate date) const;
    bool isMakeUpWorkday(QDate date) const;
    // The holiday's name, in Chinese when the locale's language is Chinese; empty if none.
    QString holidayName(QDate date, const QLocale &locale = QLocale()) const;

    // The date itself if it is a working day, else the first working day after it.
    QDate nextWorkingDay(QDate date) const;
    // The |days|-th working day after start (before it when days < 0); start itself is not
    // counted, so 0 answers start.
    QDate addBusinessDays(QDate start, int days) const;

    // Submission instant + businessDays working days, counted on local dates in timeZone(): a
    // submission on a non-working day counts as if made on the next working day; due at
    // 23:59:59 local on the last counted day. Answered in UTC; invalid for an invalid input.
    // A negative businessDays counts as 0.
    QDateTime reviewDueAt(const QDateTime &submittedAt, int businessDays = 3) const;
    // True when any local date from the submission to the due date is outside the known years.
    bool reviewDueIsEstimate(const QDateTime &submittedAt, int businessDays = 3) const;

private:
    QDate reviewDueDate(QDate submittedLocal, int businessDays) const;

    QString m_region;
    QTimeZone m_timeZone;
    QMap<int, QString> m_sources; // known year -> where its facts come from
    QList<Holiday> m_holidays;
    QHash<qint64, qsizetype> m_holidayByDay; // Julian day -> index into m_holidays
    QSet<qint64> m_makeUpDays;               // Julian days
};
