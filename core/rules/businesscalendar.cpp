#include "core/rules/businesscalendar.h"

#include "core/base/coretr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBusinessCalendar, "voucherdesk.calendar")

// Sanity limits that catch typing mistakes in the data; real values are far below them.
static constexpr int kMaxHolidayDays = 31;        // the longest real one is 9 days
static constexpr int kMaxMakeUpDistanceDays = 31; // between a make-up day and its holiday
static constexpr int kMinYear = 1900;
static constexpr int kMaxYear = 9999;
static constexpr qint64 kMaxFileSize = 1024 * 1024;
static constexpr int kVendorUtcOffsetSeconds = 8 * 3600;

static QTimeZone vendorTimeZone()
{
    static const QTimeZone zone = [] {
        QTimeZone tz(QByteArrayLiteral("Asia/Shanghai"));
        if (tz.isValid())
            return tz;
        qCWarning(lcBusinessCalendar)
            << "time zone Asia/Shanghai is unknown on this system, using a fixed UTC+08:00";
        return QTimeZone(kVendorUtcOffsetSeconds);
    }();
    return zone;
}

static bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

// ---- parsing helpers: each answers false and sets *error on a problem ----

// A JSON value as it was written, shortened, for error messages.
static QString jsonText(const QJsonValue &value)
{
    QString text =
        QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    text = text.mid(1, text.size() - 2);
    if (text.size() > 40)
        text = text.left(37) + u"..."_s;
    return text;
}

static bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where,
                      QString *error)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = CoreTr::tr("%1: unknown key \"%2\".").arg(where, it.key());
            return false;
        }
    }
    return true;
}

static bool readString(const QJsonObject &object, const QString &key, bool required,
                       const QString &where, QString *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return true;
    if (value.isUndefined()) {
        *error = CoreTr::tr("%1: \"%2\" is missing.").arg(where, key);
        return false;
    }
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        *error = CoreTr::tr("%1: \"%2\" must be a non-empty string, not %3.")
                     .arg(where, key, jsonText(value));
        return false;
    }
    *out = value.toString();
    return true;
}

static bool readArray(const QJsonObject &object, const QString &key, bool required,
                      const QString &where, QJsonArray *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return true;
    if (value.isUndefined()) {
        *error = CoreTr::tr("%1: \"%2\" is missing.").arg(where, key);
        return false;
    }
    if (!value.isArray()) {
        *error =
            CoreTr::tr("%1: \"%2\" must be an array, not %3.").arg(where, key, jsonText(value));
        return false;
    }
    *out = value.toArray();
    return true;
}

// Strictly "yyyy-MM-dd" and a real calendar date.
static bool readDate(const QJsonValue &value, const QString &what, const QString &where, QDate *out,
                     QString *error)
{
    static const QRegularExpression pattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    if (value.isUndefined()) {
        *error = CoreTr::tr("%1: \"%2\" is missing.").arg(where, what);
        return false;
    }
    const QDate date = value.isString() && pattern.match(value.toString()).hasMatch()
                           ? QDate::fromString(value.toString(), Qt::ISODate)
                           : QDate();
    if (!date.isValid()) {
        *error = CoreTr::tr("%1: %2 %3 is not a date of the form yyyy-MM-dd.")
                     .arg(where, what, jsonText(value));
        return false;
    }
    *out = date;
    return true;
}

// "+08:00" -> 28800.
static bool readUtcOffset(const QString &text, int *seconds)
{
    static const QRegularExpression pattern(u"^([+-])([0-9]{2}):([0-9]{2})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    const int hours = match.captured(2).toInt();
    const int minutes = match.captured(3).toInt();
    if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        return false;
    *seconds = (match.captured(1) == u"-"_s ? -1 : 1) * (hours * 3600 + minutes * 60);
    return true;
}

// ---- BusinessCalendar ----

BusinessCalendar::BusinessCalendar()
    : m_region(u"CN"_s)
    , m_timeZone(vendorTimeZone())
{}

BusinessCalendar BusinessCalendar::shipped()
{
    static const BusinessCalendar calendar = [] {
        const QString path = u":/voucherdesk/calendars/cn.json"_s;
        QString error;
        if (std::optional<BusinessCalendar> loaded = fromFile(path, &error)) {
            qCDebug(lcBusinessCalendar) << "loaded" << path << "for years" << loaded->knownYears();
            return *std::move(loaded);
        }
        qCCritical(lcBusinessCalendar).noquote()
            << "cannot load the shipped holiday calendar, counting weekends only:" << error;
        return BusinessCalendar();
    }();
    return calendar;
}

std::optional<BusinessCalendar> BusinessCalendar::fromFile(const QString &path,
                                                           QString *errorMessage)
{
    QFile file(path);
    QString error;
    if (!file.open(QIODevice::ReadOnly)) {
        error = CoreTr::tr("Cannot open the calendar %1: %2").arg(path, file.errorString());
    } else if (file.size() > kMaxFileSize) {
        error = CoreTr::tr("The calendar %1 is larger than 1 MiB.").arg(path);
    } else if (std::optional<BusinessCalendar> calendar = fromJson(file.readAll(), &error)) {
        return calendar;
    } else {
        error = path + u": "_s + error;
    }
    if (errorMessage)
        *errorMessage = error;
    return std::nullopt;
}

std::optional<BusinessCalendar> BusinessCalendar::fromJson(const QByteArray &json,
                                                           QString *errorMessage)
{
    QString error;
    BusinessCalendar calendar;
    QList<QString> holidayWhere; // parallel to calendar.m_holidays, for the cross checks

    const auto parse = [&]() -> bool {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            error = CoreTr::tr("The calendar is not valid JSON: %1 at offset %2.")
                        .arg(parseError.errorString())
                        .arg(parseError.offset);
            return false;
        }
        if (!document.isObject()) {
            error = CoreTr::tr("The calendar must be a JSON object.");
            return false;
        }
        const QJsonObject root = document.object();
        const QString rootWhere = CoreTr::tr("Calendar");
        QString timeZoneId;
        QString fallbackOffset;
        QJsonArray years;
        if (!checkKeys(root, {u"region"_s, u"timeZone"_s, u"fallbackUtcOffset"_s, u"years"_s},
                       rootWhere, &error) ||
            !readString(root, u"region"_s, true, rootWhere, &calendar.m_region, &error) ||
            !readString(root, u"timeZone"_s, true, rootWhere, &timeZoneId, &error) ||
            !readString(root, u"fallbackUtcOffset"_s, false, rootWhere, &fallbackOffset, &error) ||
            !readArray(root, u"years"_s, true, rootWhere, &years, &error))
            return false;

        int offsetSeconds = 0;
        if (!fallbackOffset.isEmpty() && !readUtcOffset(fallbackOffset, &offsetSeconds)) {
            error = CoreTr::tr("%1: \"fallbackUtcOffset\" must look like +08:00, not %2.")
                        .arg(rootWhere, fallbackOffset);
            return false;
        }
        calendar.m_timeZone = QTimeZone(timeZoneId.toUtf8());
        if (!calendar.m_timeZone.isValid()) {
            if (fallbackOffset.isEmpty()) {
                error = CoreTr::tr("%1: the time zone %2 is unknown on this system and no "
                                   "\"fallbackUtcOffset\" is given.")
                            .arg(rootWhere, timeZoneId);
                return false;
            }
            qCWarning(lcBusinessCalendar).noquote()
                << "time zone" << timeZoneId << "is unknown on this system, using a fixed UTC"
                << fallbackOffset;
            calendar.m_timeZone = QTimeZone(offsetSeconds);
        }

        for (qsizetype y = 0; y < years.size(); ++y) {
            QString where = CoreTr::tr("Year entry %1").arg(y + 1);
            if (!years.at(y).isObject()) {
                error =
                    CoreTr::tr("%1 must be an object, not %2.").arg(where, jsonText(years.at(y)));
                return false;
            }
            const QJsonObject entry = years.at(y).toObject();
            if (!checkKeys(entry, {u"year"_s, u"source"_s, u"holidays"_s}, where, &error))
                return false;
            const QJsonValue yearValue = entry.value(u"year"_s);
            const double yearNumber = yearValue.toDouble(-1);
            if (!yearValue.isDouble() || yearNumber != std::trunc(yearNumber) ||
                yearNumber < kMinYear || yearNumber > kMaxYear) {
                error = CoreTr::tr("%1: \"year\" must be a whole number from %2 to %3, not %4.")
                            .arg(where)
                            .arg(kMinYear)
                            .arg(kMaxYear)
                            .arg(jsonText(yearValue));
                return false;
            }
            const int year = int(yearNumber);
            where = CoreTr::tr("Year %1").arg(year);
            if (calendar.m_sources.contains(year)) {
                error = CoreTr::tr("%1 is listed twice.").arg(where);
                return false;
            }
            QString source;
            QJsonArray holidays;
            if (!readString(entry, u"source"_s, true, where, &source, &error) ||
                !readArray(entry, u"holidays"_s, true, where, &holidays, &error))
                return false;
            calendar.m_sources.insert(year, source);

            for (qsizetype h = 0; h < holidays.size(); ++h) {
                QString holidayWhereText = CoreTr::tr("Year %1, holiday %2").arg(year).arg(h + 1);
                if (!holidays.at(h).isObject()) {
                    error = CoreTr::tr("%1 must be an object, not %2.")
                                .arg(holidayWhereText, jsonText(holidays.at(h)));
                    return false;
                }
                const QJsonObject object = holidays.at(h).toObject();
                Holiday holiday;
                if (!checkKeys(object,
                               {u"name"_s, u"nameZh"_s, u"from"_s, u"to"_s, u"makeUpWorkdays"_s},
                               holidayWhereText, &error) ||
                    !readString(object, u"name"_s, true, holidayWhereText, &holiday.name, &error))
                    return false;
                holidayWhereText =
                    CoreTr::tr("Year %1, holiday \"%2\"").arg(QString::number(year), holiday.name);
                QJsonArray makeUpDays;
                if (!readString(object, u"nameZh"_s, false, holidayWhereText, &holiday.nameZh,
                                &error) ||
                    !readDate(object.value(u"from"_s), u"from"_s, holidayWhereText, &holiday.from,
                              &error) ||
                    !readDate(object.value(u"to"_s), u"to"_s, holidayWhereText, &holiday.to,
                              &error) ||
                    !readArray(object, u"makeUpWorkdays"_s, false, holidayWhereText, &makeUpDays,
                               &error))
                    return false;
                const QString from = holiday.from.toString(Qt::ISODate);
                const QString to = holiday.to.toString(Qt::ISODate);
                if (holiday.from > holiday.to) {
                    error = CoreTr::tr("%1: \"from\" %2 is after \"to\" %3.")
                                .arg(holidayWhereText, from, to);
                    return false;
                }
                if (holiday.from.daysTo(holiday.to) >= kMaxHolidayDays) {
                    error = CoreTr::tr("%1: %2 to %3 is longer than %4 days.")
                                .arg(holidayWhereText, from, to, QString::number(kMaxHolidayDays));
                    return false;
                }
                // A holiday may reach into the neighbouring year (2012 and 2019 did), but it
                // must touch the year it is listed under.
                if (holiday.from.year() > year || holiday.to.year() < year) {
                    error = CoreTr::tr("%1: %2 to %3 is not in %4.")
                                .arg(holidayWhereText, from, to, QString::number(year));
                    return false;
                }
                for (qsizetype m = 0; m < makeUpDays.size(); ++m) {
                    QDate day;
                    if (!readDate(makeUpDays.at(m), CoreTr::tr("make-up working day"),
                                  holidayWhereText, &day, &error))
                        return false;
                    const QString dayText = day.toString(Qt::ISODate);
                    if (!isWeekend(day)) {
                        error =
                            CoreTr::tr("%1: make-up working day %2 is a %3; make-up working "
                                       "days fall on a Saturday or Sunday.")
                                .arg(holidayWhereText, dayText, QLocale().dayName(day.dayOfWeek()));
                        return false;
                    }
                    if (day.daysTo(holiday.from) > kMaxMakeUpDistanceDays ||
                        holiday.to.daysTo(day) > kMaxMakeUpDistanceDays) {
                        error = CoreTr::tr("%1: make-up working day %2 is more than %3 days away "
                                           "from the holiday.")
                                    .arg(holidayWhereText, dayText,
                                         QString::number(kMaxMakeUpDistanceDays));
                        return false;
                    }
                    holiday.makeUpWorkdays.append(day);
                }
                calendar.m_holidays.append(holiday);
                holidayWhere.append(holidayWhereText);
            }
        }

        // Cross checks: every holiday first, so that a make-up day can be compared with a
        // holiday listed after it.
        for (qsizetype i = 0; i < calendar.m_holidays.size(); ++i) {
            const Holiday &holiday = calendar.m_holidays.at(i);
            for (QDate day = holiday.from; day <= holiday.to; day = day.addDays(1)) {
                const auto existing = calendar.m_holidayByDay.constFind(day.toJulianDay());
                if (existing != calendar.m_holidayByDay.constEnd()) {
                    error = CoreTr::tr("%1 overlaps \"%2\" on %3.")
                                .arg(holidayWhere.at(i), calendar.m_holidays.at(*existing).name,
                                     day.toString(Qt::ISODate));
                    return false;
                }
                calendar.m_holidayByDay.insert(day.toJulianDay(), i);
            }
        }
        for (qsizetype i = 0; i < calendar.m_holidays.size(); ++i) {
            for (const QDate day : calendar.m_holidays.at(i).makeUpWorkdays) {
                const QString dayText = day.toString(Qt::ISODate);
                const auto holiday = calendar.m_holidayByDay.constFind(day.toJulianDay());
                if (holiday != calendar.m_holidayByDay.constEnd()) {
                    error = CoreTr::tr("%1: %2 cannot be both a make-up working day and a day "
                                       "of \"%3\".")
                                .arg(holidayWhere.at(i), dayText,
                                     calendar.m_holidays.at(*holiday).name);
                    return false;
                }
                if (calendar.m_makeUpDays.contains(day.toJulianDay())) {
                    error = CoreTr::tr("%1: make-up working day %2 is listed twice.")
                                .arg(holidayWhere.at(i), dayText);
                    return false;
                }
                calendar.m_makeUpDays.insert(day.toJulianDay());
            }
        }
        return true;
    };

    if (!parse()) {
        Q_ASSERT(!error.isEmpty());
        if (errorMessage)
            *errorMessage = error;
        return std::nullopt;
    }
    return calendar;
}

bool BusinessCalendar::isKnown(QDate date) const
{
    return date.isValid() && m_sources.contains(date.year());
}

bool BusinessCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    const qint64 day = date.toJulianDay();
    if (m_holidayByDay.contains(day))
        return false;
    if (m_makeUpDays.contains(day))
        return true;
    return !isWeekend(date);
}

bool BusinessCalendar::isMakeUpWorkday(QDate date) const
{
    return date.isValid() && m_makeUpDays.contains(date.toJulianDay());
}

QString BusinessCalendar::holidayName(QDate date, const QLocale &locale) const
{
    if (!date.isValid())
        return {};
    const auto it = m_holidayByDay.constFind(date.toJulianDay());
    if (it == m_holidayByDay.constEnd())
        return {};
    const Holiday &holiday = m_holidays.at(*it);
    if (locale.language() == QLocale::Chinese && !holiday.nameZh.isEmpty())
        return holiday.nameZh;
    return holiday.name;
}

QDate BusinessCalendar::nextWorkingDay(QDate date) const
{
    // Terminates: holidays are finite and never longer than a month each.
    while (date.isValid() && !isWorkingDay(date))
        date = date.addDays(1);
    return date;
}

QDate BusinessCalendar::addBusinessDays(QDate start, int days) const
{
    const int step = days < 0 ? -1 : 1;
    qint64 remaining = qAbs(qint64(days));
    QDate date = start;
    while (date.isValid() && remaining > 0) {
        date = date.addDays(step);
        if (isWorkingDay(date))
            --remaining;
    }
    return date;
}

QDate BusinessCalendar::reviewDueDate(QDate submittedLocal, int businessDays) const
{
    return addBusinessDays(nextWorkingDay(submittedLocal), qMax(0, businessDays));
}

QDateTime BusinessCalendar::reviewDueAt(const QDateTime &submittedAt, int businessDays) const
{
    if (!submittedAt.isValid())
        return {};
    const QDate local = submittedAt.toTimeZone(m_timeZone).date();
    const QDate due = reviewDueDate(local, businessDays);
    return QDateTime(due, QTime(23, 59, 59), m_timeZone).toUTC();
}

bool BusinessCalendar::reviewDueIsEstimate(const QDateTime &submittedAt, int businessDays) const
{
    if (!submittedAt.isValid())
        return false;
    const QDate local = submittedAt.toTimeZone(m_timeZone).date();
    const QDate due = reviewDueDate(local, businessDays);
    for (int year = local.year(); year <= due.year(); ++year) {
        if (!m_sources.contains(year))
            return true;
    }
    return false;
}
