#include "core/rules/businesscalendar.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// Expected values below were worked out by hand from the State Council's 2026 notice
// (shared/data/cn-holidays-2026.json), not computed by the code under test:
//   New Year's Day       Thu 01-01 .. Sat 01-03, make-up Sun 01-04
//   Spring Festival      Sun 02-15 .. Mon 02-23, make-up Sat 02-14, Sat 02-28
//   Qingming Festival    Sat 04-04 .. Mon 04-06
//   Labour Day           Fri 05-01 .. Tue 05-05, make-up Sat 05-09
//   Dragon Boat Festival Fri 06-19 .. Sun 06-21
//   Mid-Autumn Festival  Fri 09-25 .. Sun 09-27
//   National Day         Thu 10-01 .. Wed 10-07, make-up Sun 09-20, Sat 10-10
// Shanghai is UTC+8 all year, so 10:00 Shanghai is 02:00Z and 23:59:59 is 15:59:59Z.

static QDate date(const char *iso)
{
    const QDate result = QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid());
    return result;
}

static QDateTime utc(const char *iso)
{
    const QDateTime result = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid() && result.timeSpec() == Qt::UTC);
    return result;
}

// A 2026 calendar document with the given holidays, for the validation tests.
static QByteArray withHolidays(const QByteArray &holidays)
{
    return R"({"region":"CN","timeZone":"Asia/Shanghai","years":[{"year":2026,"source":"test",)"
           R"("holidays":[)" +
           holidays + "]}]}";
}

class TestBusinessCalendar : public QObject
{
    Q_OBJECT

private:
    BusinessCalendar m_calendar = BusinessCalendar::shipped();

private slots:
    void shippedCalendarLoads();
    void defaultCalendarCountsWeekendsOnly();

    void isWorkingDay_data();
    void isWorkingDay();
    void workingDaysIn2026();
    void isKnown_data();
    void isKnown();

    void nextWorkingDay_data();
    void nextWorkingDay();
    void addBusinessDays_data();
    void addBusinessDays();

    void reviewDueAt_data();
    void reviewDueAt();
    void reviewDueAtIgnoresTheInputsTimeSpec();
    void reviewDueAtOfInvalidTime();

    void fromJsonRejects_data();
    void fromJsonRejects();
    void fromJsonAccepts();
    void holidayMayReachIntoThePreviousYear();
    void fallbackUtcOffset();
    void fromFileReportsThePath();
    void isACopyableValue();
};

void TestBusinessCalendar::shippedCalendarLoads()
{
    QCOMPARE(m_calendar.region(), u"CN"_s);
    QCOMPARE(m_calendar.knownYears(), QList<int>{2026});
    QVERIFY(m_calendar.source(2026).contains(u"State Council"_s));
    QCOMPARE(m_calendar.holidays().size(), 7);
    QVERIFY(m_calendar.timeZone().isValid());
    QCOMPARE(m_calendar.timeZone().offsetFromUtc(utc("2026-07-01T00:00:00Z")), 8 * 3600);
    QCOMPARE(m_calendar.timeZone().offsetFromUtc(utc("2026-01-01T00:00:00Z")), 8 * 3600);
    // Cached: a second call answers the same facts.
    QCOMPARE(BusinessCalendar::shipped().knownYears(), m_calendar.knownYears());
}

void TestBusinessCalendar::defaultCalendarCountsWeekendsOnly()
{
    const BusinessCalendar calendar;
    QVERIFY(calendar.knownYears().isEmpty());
    QVERIFY(calendar.timeZone().isValid());
    QCOMPARE(calendar.timeZone().offsetFromUtc(utc("2026-07-01T00:00:00Z")), 8 * 3600);
    QVERIFY(calendar.isWorkingDay(date("2026-10-01")));  // Thursday, no holidays known
    QVERIFY(!calendar.isWorkingDay(date("2026-10-10"))); // Saturday, no make-up days known
    QVERIFY(!calendar.isKnown(date("2026-10-01")));
    QVERIFY(calendar.holidayName(date("2026-10-01")).isEmpty());
    QCOMPARE(calendar.reviewDueAt(utc("2026-09-30T02:00:00Z")), utc("2026-10-05T15:59:59Z"));
    QVERIFY(calendar.reviewDueIsEstimate(utc("2026-09-30T02:00:00Z")));
}

void TestBusinessCalendar::isWorkingDay_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("working");
    QTest::addColumn<bool>("makeUp");
    QTest::addColumn<QString>("holiday");
    QTest::addColumn<QString>("holidayZh");

    const auto holiday = [](const char *tag, const char *day, const QString &en,
                            const QString &zh) {
        QTest::newRow(tag) << date(day) << false << false << en << zh;
    };
    holiday("New Year first", "2026-01-01", u"New Year's Day"_s, u"元旦"_s);
    holiday("New Year last (Sat)", "2026-01-03", u"New Year's Day"_s, u"元旦"_s);
    holiday("Spring Festival first (Sun)", "2026-02-15", u"Spring Festival"_s, u"春节"_s);
    holiday("Spring Festival mid (Wed)", "2026-02-18", u"Spring Festival"_s, u"春节"_s);
    holiday("Spring Festival last (Mon)", "2026-02-23", u"Spring Festival"_s, u"春节"_s);
    holiday("Qingming first (Sat)", "2026-04-04", u"Qingming Festival"_s, u"清明节"_s);
    holiday("Qingming last (Mon)", "2026-04-06", u"Qingming Festival"_s, u"清明节"_s);
    holiday("Labour Day first (Fri)", "2026-05-01", u"Labour Day"_s, u"劳动节"_s);
    holiday("Labour Day last (Tue)", "2026-05-05", u"Labour Day"_s, u"劳动节"_s);
    holiday("Dragon Boat first (Fri)", "2026-06-19", u"Dragon Boat Festival"_s, u"端午节"_s);
    holiday("Dragon Boat last (Sun)", "2026-06-21", u"Dragon Boat Festival"_s, u"端午节"_s);
    holiday("Mid-Autumn first (Fri)", "2026-09-25", u"Mid-Autumn Festival"_s, u"中秋节"_s);
    holiday("Mid-Autumn last (Sun)", "2026-09-27", u"Mid-Autumn Festival"_s, u"中秋节"_s);
    holiday("National Day first (Thu)", "2026-10-01", u"National Day"_s, u"国庆节"_s);
    holiday("National Day mid (Mon)", "2026-10-05", u"National Day"_s, u"国庆节"_s);
    holiday("National Day last (Wed)", "2026-10-07", u"National Day"_s, u"国庆节"_s);

    const auto makeUp = [](const char *tag, const char *day) {
        QTest::newRow(tag) << date(day) << true << true << QString() << QString();
    };
    makeUp("make-up Sun 01-04", "2026-01-04");
    makeUp("make-up Sat 02-14", "2026-02-14");
    makeUp("make-up Sat 02-28", "2026-02-28");
    makeUp("make-up Sat 05-09", "2026-05-09");
    makeUp("make-up Sun 09-20", "2026-09-20");
    makeUp("make-up Sat 10-10", "2026-10-10");

    const auto ordinary = [](const char *tag, const char *day, bool working) {
        QTest::newRow(tag) << date(day) << working << false << QString() << QString();
    };
    ordinary("Sat 01-10", "2026-01-10", false);
    ordinary("Sun 01-11", "2026-01-11", false);
    ordinary("Sat 03-07", "2026-03-07", false);
    ordinary("Sun 03-08", "2026-03-08", false);
    ordinary("Sun 05-10 after a make-up Sat", "2026-05-10", false);
    ordinary("Sat 09-19 before a make-up Sun", "2026-09-19", false);
    ordinary("Sun 10-11 after a make-up Sat", "2026-10-11", false);
    ordinary("Sat 12-26", "2026-12-26", false);
    ordinary("Sun 12-27", "2026-12-27", false);
    ordinary("Mon 01-05", "2026-01-05", true);
    ordinary("Fri 02-13", "2026-02-13", true);
    ordinary("Tue 02-24", "2026-02-24", true);
    ordinary("Fri 04-03", "2026-04-03", true);
    ordinary("Tue 04-07", "2026-04-07", true);
    ordinary("Thu 04-30", "2026-04-30", true);
    ordinary("Wed 05-06", "2026-05-06", true);
    ordinary("Thu 06-18", "2026-06-18", true);
    ordinary("Mon 06-22", "2026-06-22", true);
    ordinary("Thu 09-24", "2026-09-24", true);
    ordinary("Mon 09-28", "2026-09-28", true);
    ordinary("Wed 09-30", "2026-09-30", true);
    ordinary("Thu 10-08", "2026-10-08", true);
    ordinary("Fri 10-09", "2026-10-09", true);
    ordinary("Thu 12-31", "2026-12-31", true);
}

void TestBusinessCalendar::isWorkingDay()
{
    QFETCH(QDate, day);
    QFETCH(bool, working);
    QFETCH(bool, makeUp);
    QFETCH(QString, holiday);
    QFETCH(QString, holidayZh);

    QCOMPARE(m_calendar.isWorkingDay(day), working);
    QCOMPARE(m_calendar.isMakeUpWorkday(day), makeUp);
    QCOMPARE(m_calendar.holidayName(day, QLocale(QLocale::English, QLocale::UnitedStates)),
             holiday);
    QCOMPARE(m_calendar.holidayName(day, QLocale(QLocale::Chinese, QLocale::China)), holidayZh);
    QCOMPARE(m_calendar.nextWorkingDay(day) == day, working);
    QVERIFY(m_calendar.isKnown(day));
}

void TestBusinessCalendar::workingDaysIn2026()
{
    // 261 weekdays (2026 starts on a Thursday), 19 of them holidays, 6 make-up days: 248.
    int working = 0;
    int holidayDays = 0;
    for (QDate day = date("2026-01-01"); day.year() == 2026; day = day.addDays(1)) {
        working += m_calendar.isWorkingDay(day) ? 1 : 0;
        holidayDays += m_calendar.holidayName(day).isEmpty() ? 0 : 1;
    }
    QCOMPARE(working, 248);
    QCOMPARE(holidayDays, 3 + 9 + 3 + 5 + 3 + 3 + 7);
    QCOMPARE(m_calendar.addBusinessDays(date("2025-12-31"), 248), date("2026-12-31"));
}

void TestBusinessCalendar::isKnown_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("known");
    QTest::newRow("2025-12-31") << date("2025-12-31") << false;
    QTest::newRow("2026-01-01") << date("2026-01-01") << true;
    QTest::newRow("2026-12-31") << date("2026-12-31") << true;
    QTest::newRow("2027-01-01") << date("2027-01-01") << false;
    QTest::newRow("invalid") << QDate() << false;
}

void TestBusinessCalendar::isKnown()
{
    QFETCH(QDate, day);
    QFETCH(bool, known);
    QCOMPARE(m_calendar.isKnown(day), known);
}

void TestBusinessCalendar::nextWorkingDay_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QDate>("expected");
    const auto row = [](const char *from, const char *to) {
        QTest::newRow(from) << date(from) << date(to);
    };
    row("2026-01-01", "2026-01-04"); // New Year's Day -> make-up Sunday
    row("2026-01-03", "2026-01-04");
    row("2026-02-14", "2026-02-14"); // make-up Saturday itself
    row("2026-02-15", "2026-02-24");
    row("2026-04-04", "2026-04-07");
    row("2026-06-20", "2026-06-22");
    row("2026-09-19", "2026-09-20"); // ordinary Saturday -> make-up Sunday
    row("2026-10-01", "2026-10-08");
    row("2026-10-07", "2026-10-08");
    row("2026-10-10", "2026-10-10");
    row("2026-10-11", "2026-10-12");
    row("2026-11-27", "2026-11-27");
    row("2026-11-28", "2026-11-30");
    row("2027-01-02", "2027-01-04"); // unknown year: weekends only
}

void TestBusinessCalendar::nextWorkingDay()
{
    QFETCH(QDate, day);
    QFETCH(QDate, expected);
    QCOMPARE(m_calendar.nextWorkingDay(day), expected);
}

void TestBusinessCalendar::addBusinessDays_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("expected");
    const auto row = [](const char *tag, const char *start, int days, const char *expected) {
        QTest::newRow(tag) << date(start) << days << date(expected);
    };
    // National Day, with the make-up Saturday 10-10 after it.
    row("Wed 09-30 +1", "2026-09-30", 1, "2026-10-08");
    row("Wed 09-30 +2", "2026-09-30", 2, "2026-10-09");
    row("Wed 09-30 +3 (make-up Sat)", "2026-09-30", 3, "2026-10-10");
    row("Wed 09-30 +4", "2026-09-30", 4, "2026-10-12");
    row("make-up Sat 10-10 +1", "2026-10-10", 1, "2026-10-12");
    row("Thu 10-08 -1", "2026-10-08", -1, "2026-09-30");
    row("Mon 10-12 -1 (make-up Sat)", "2026-10-12", -1, "2026-10-10");
    row("Fri 09-18 +1 (make-up Sun)", "2026-09-18", 1, "2026-09-20");
    row("Thu 09-24 +1 (Mid-Autumn)", "2026-09-24", 1, "2026-09-28");
    // Spring Festival, make-up Saturdays 02-14 and 02-28.
    row("Thu 02-12 +1", "2026-02-12", 1, "2026-02-13");
    row("Thu 02-12 +2 (make-up Sat)", "2026-02-12", 2, "2026-02-14");
    row("Thu 02-12 +3", "2026-02-12", 3, "2026-02-24");
    row("Fri 02-13 +1 (make-up Sat)", "2026-02-13", 1, "2026-02-14");
    row("from inside the holiday", "2026-02-18", 1, "2026-02-24");
    row("Tue 02-24 -1 (make-up Sat)", "2026-02-24", -1, "2026-02-14");
    row("Fri 02-27 +1 (make-up Sat)", "2026-02-27", 1, "2026-02-28");
    row("Fri 02-27 +2", "2026-02-27", 2, "2026-03-02");
    // Others.
    row("New Year's Day +1 (make-up Sun)", "2026-01-01", 1, "2026-01-04");
    row("from 2025 into 2026", "2025-12-31", 1, "2026-01-04");
    row("Fri 04-03 +1 (Qingming)", "2026-04-03", 1, "2026-04-07");
    row("Thu 04-30 +1 (Labour Day)", "2026-04-30", 1, "2026-05-06");
    row("Thu 04-30 +4 (make-up Sat)", "2026-04-30", 4, "2026-05-09");
    row("Thu 04-30 +5", "2026-04-30", 5, "2026-05-11");
    row("Thu 06-18 +1 (Dragon Boat)", "2026-06-18", 1, "2026-06-22");
    row("into 2027, weekends only", "2026-12-30", 3, "2027-01-04");
    row("zero days answers start", "2026-10-03", 0, "2026-10-03");
}

void TestBusinessCalendar::addBusinessDays()
{
    QFETCH(QDate, start);
    QFETCH(int, days);
    QFETCH(QDate, expected);
    QCOMPARE(m_calendar.addBusinessDays(start, days), expected);
}

void TestBusinessCalendar::reviewDueAt_data()
{
    QTest::addColumn<QDateTime>("submitted");
    QTest::addColumn<int>("businessDays");
    QTest::addColumn<QDateTime>("due");
    QTest::addColumn<bool>("estimate");
    const auto row = [](const char *tag, const char *submitted, const char *due, bool estimate,
                        int businessDays = 3) {
        QTest::newRow(tag) << utc(submitted) << businessDays << utc(due) << estimate;
    };
    row("Fri 10:00 -> Wed", "2026-11-27T02:00:00Z", "2026-12-02T15:59:59Z", false);
    row("Sat 10:00 counts from Mon -> Thu", "2026-11-28T02:00:00Z", "2026-12-03T15:59:59Z", false);
    row("Sun 10:00 counts from Mon -> Thu", "2026-11-29T02:00:00Z", "2026-12-03T15:59:59Z", false);
    row("UTC Fri 20:00 is Sat 04:00 in Shanghai", "2026-11-27T20:00:00Z", "2026-12-03T15:59:59Z",
        false);
    row("Fri 23:59:59 Shanghai", "2026-11-27T15:59:59Z", "2026-12-02T15:59:59Z", false);
    row("Sat 00:00:00 Shanghai", "2026-11-27T16:00:00Z", "2026-12-03T15:59:59Z", false);
    row("Thu 23:30 Shanghai", "2026-11-26T15:30:00Z", "2026-12-01T15:59:59Z", false);
    row("Fri 00:30 Shanghai (UTC still Thu)", "2026-11-26T16:30:00Z", "2026-12-02T15:59:59Z",
        false);
    row("Tue before National Day", "2026-09-29T02:00:00Z", "2026-10-09T15:59:59Z", false);
    row("Wed before National Day, due on make-up Sat", "2026-09-30T02:00:00Z",
        "2026-10-10T15:59:59Z", false);
    row("first day of National Day", "2026-10-01T02:00:00Z", "2026-10-12T15:59:59Z", false);
    row("inside National Day", "2026-10-03T02:00:00Z", "2026-10-12T15:59:59Z", false);
    row("on make-up Sat 10-10", "2026-10-10T02:00:00Z", "2026-10-14T15:59:59Z", false);
    row("on make-up Sun 09-20", "2026-09-20T02:00:00Z", "2026-09-23T15:59:59Z", false);
    row("on ordinary Sun 09-13", "2026-09-13T02:00:00Z", "2026-09-17T15:59:59Z", false);
    row("Thu before Spring Festival", "2026-02-12T02:00:00Z", "2026-02-24T15:59:59Z", false);
    row("inside Spring Festival", "2026-02-18T02:00:00Z", "2026-02-27T15:59:59Z", false);
    row("UTC 2025-12-31 is New Year's Day in Shanghai", "2025-12-31T17:00:00Z",
        "2026-01-07T15:59:59Z", false);
    row("submitted 2025-12-31 in Shanghai", "2025-12-31T02:00:00Z", "2026-01-06T15:59:59Z", true);
    row("Mon 12-28 stays in 2026", "2026-12-28T02:00:00Z", "2026-12-31T15:59:59Z", false);
    row("Tue 12-29 ends on 2027-01-01", "2026-12-29T02:00:00Z", "2027-01-01T15:59:59Z", true);
    row("Wed 12-30 across the New Year", "2026-12-30T02:00:00Z", "2027-01-04T15:59:59Z", true);
    row("UTC 12-31 16:30 is 2027 in Shanghai", "2026-12-31T16:30:00Z", "2027-01-06T15:59:59Z",
        true);
    row("1 business day", "2026-09-30T02:00:00Z", "2026-10-08T15:59:59Z", false, 1);
    row("0 business days from Sat", "2026-11-28T02:00:00Z", "2026-11-30T15:59:59Z", false, 0);
}

void TestBusinessCalendar::reviewDueAt()
{
    QFETCH(QDateTime, submitted);
    QFETCH(int, businessDays);
    QFETCH(QDateTime, due);
    QFETCH(bool, estimate);

    const QDateTime actual = m_calendar.reviewDueAt(submitted, businessDays);
    QCOMPARE(actual, due);
    QCOMPARE(actual.timeSpec(), Qt::UTC);
    QCOMPARE(actual.toString(Qt::ISODate), due.toString(Qt::ISODate));
    QCOMPARE(m_calendar.reviewDueIsEstimate(submitted, businessDays), estimate);
    if (businessDays == 3)
        QCOMPARE(m_calendar.reviewDueAt(submitted), due);
}

void TestBusinessCalendar::reviewDueAtIgnoresTheInputsTimeSpec()
{
    // The same instant as Fri 27 Nov 10:00 Shanghai, expressed in other ways.
    const QDateTime expected = utc("2026-12-02T15:59:59Z");
    const QDateTime inShanghai(date("2026-11-27"), QTime(10, 0), QTimeZone(8 * 3600));
    const QDateTime inNewYork(date("2026-11-26"), QTime(21, 0), QTimeZone(-5 * 3600));
    QCOMPARE(m_calendar.reviewDueAt(inShanghai), expected);
    QCOMPARE(m_calendar.reviewDueAt(inNewYork), expected);
    QCOMPARE(m_calendar.reviewDueAt(inNewYork).timeSpec(), Qt::UTC);
}

void TestBusinessCalendar::reviewDueAtOfInvalidTime()
{
    QVERIFY(!m_calendar.reviewDueAt(QDateTime()).isValid());
    QVERIFY(!m_calendar.reviewDueIsEstimate(QDateTime()));
}

void TestBusinessCalendar::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");

    const QByteArray nationalDay =
        R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07"})";
    QTest::newRow("malformed") << QByteArray(R"({"region": "CN", )") << u"not valid JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"JSON object"_s;
    QTest::newRow("years missing")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai"})") << u"\"years\" is missing"_s;
    QTest::newRow("years not an array")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai","years":{}})")
        << u"\"years\" must be an array"_s;
    QTest::newRow("region missing")
        << QByteArray(R"({"timeZone":"Asia/Shanghai","years":[]})") << u"\"region\" is missing"_s;
    QTest::newRow("unknown root key")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai","years":[],"yeras":[]})")
        << u"unknown key \"yeras\""_s;
    QTest::newRow("unknown time zone")
        << QByteArray(R"({"region":"CN","timeZone":"Nowhere/Atlantis","years":[]})")
        << u"Nowhere/Atlantis"_s;
    QTest::newRow("bad fallback offset")
        << QByteArray(
               R"({"region":"CN","timeZone":"Asia/Shanghai","fallbackUtcOffset":"+8","years":[]})")
        << u"fallbackUtcOffset"_s;
    QTest::newRow("year entry not an object")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai","years":[2026]})")
        << u"Year entry 1"_s;
    QTest::newRow("year not whole")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai","years":[)"
                      R"({"year":2026.5,"source":"s","holidays":[]}]})")
        << u"2026.5"_s;
    QTest::newRow("year as string")
        << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai","years":[)"
                      R"({"year":"2026","source":"s","holidays":[]}]})")
        << u"\"year\""_s;
    QTest::newRow("year twice") << QByteArray(
                                       R"({"region":"CN","timeZone":"Asia/Shanghai",)"
                                       R"("years":[{"year":2026,"source":"s","holidays":[]},)"
                                       R"({"year":2026,"source":"s","holidays":[]}]})")
                                << u"Year 2026 is listed twice"_s;
    QTest::newRow("source missing") << QByteArray(R"({"region":"CN","timeZone":"Asia/Shanghai",)"
                                                  R"("years":[{"year":2026,"holidays":[]}]})")
                                    << u"\"source\" is missing"_s;
    QTest::newRow("holiday not an object") << withHolidays("1") << u"holiday 1"_s;
    QTest::newRow("name missing") << withHolidays(R"({"from":"2026-10-01","to":"2026-10-07"})")
                                  << u"\"name\" is missing"_s;
    QTest::newRow("name empty") << withHolidays(
                                       R"({"name":" ","from":"2026-10-01","to":"2026-10-07"})")
                                << u"\"name\" must be a non-empty string"_s;
    QTest::newRow("typo in makeUpWorkdays")
        << withHolidays(
               R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07","makeupWorkdays":[]})")
        << u"unknown key \"makeupWorkdays\""_s;
    QTest::newRow("impossible date")
        << withHolidays(R"({"name":"Spring Festival","from":"2026-02-30","to":"2026-03-01"})")
        << u"2026-02-30"_s;
    QTest::newRow("slashes")
        << withHolidays(R"({"name":"National Day","from":"2026/10/01","to":"2026-10-07"})")
        << u"2026/10/01"_s;
    QTest::newRow("no leading zeros")
        << withHolidays(R"({"name":"National Day","from":"2026-10-1","to":"2026-10-07"})")
        << u"2026-10-1"_s;
    QTest::newRow("date with a time")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01T00:00","to":"2026-10-07"})")
        << u"2026-10-01T00:00"_s;
    QTest::newRow("date as number")
        << withHolidays(R"({"name":"National Day","from":20261001,"to":"2026-10-07"})")
        << u"20261001"_s;
    QTest::newRow("to missing") << withHolidays(R"({"name":"National Day","from":"2026-10-01"})")
                                << u"\"to\" is missing"_s;
    QTest::newRow("from after to")
        << withHolidays(R"({"name":"National Day","from":"2026-10-07","to":"2026-10-01"})")
        << u"is after"_s;
    QTest::newRow("too long")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-12-07"})")
        << u"longer than"_s;
    QTest::newRow("holiday in another year")
        << withHolidays(R"({"name":"Labour Day","from":"2027-05-01","to":"2027-05-05"})")
        << u"is not in 2026"_s;
    QTest::newRow("make-up day on a Friday")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07",)"
                        R"("makeUpWorkdays":["2026-10-09"]})")
        << u"2026-10-09"_s;
    QTest::newRow("make-up day badly written")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07",)"
                        R"("makeUpWorkdays":["10/10/2026"]})")
        << u"10/10/2026"_s;
    QTest::newRow("make-up day inside its holiday")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07",)"
                        R"("makeUpWorkdays":["2026-10-03"]})")
        << u"both a make-up working day"_s;
    QTest::newRow("make-up day inside another holiday")
        << withHolidays(R"({"name":"Mid-Autumn Festival","from":"2026-09-25","to":"2026-09-27",)"
                        R"("makeUpWorkdays":["2026-10-04"]},)" +
                        nationalDay)
        << u"\"National Day\""_s;
    QTest::newRow("make-up day far from its holiday")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07",)"
                        R"("makeUpWorkdays":["2026-12-05"]})")
        << u"2026-12-05"_s;
    QTest::newRow("make-up day listed twice")
        << withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07",)"
                        R"("makeUpWorkdays":["2026-10-10","2026-10-10"]})")
        << u"listed twice"_s;
    QTest::newRow("overlapping holidays")
        << withHolidays(nationalDay +
                        R"(,{"name":"Golden Week","from":"2026-10-07","to":"2026-10-08"})")
        << u"overlaps \"National Day\" on 2026-10-07"_s;
}

void TestBusinessCalendar::fromJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);

    QString message;
    QVERIFY(!BusinessCalendar::fromJson(json, &message).has_value());
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    // The message is optional.
    QVERIFY(!BusinessCalendar::fromJson(json).has_value());
}

void TestBusinessCalendar::fromJsonAccepts()
{
    QString message;
    const std::optional<BusinessCalendar> empty = BusinessCalendar::fromJson(
        R"({"region":"CN","timeZone":"Asia/Shanghai","years":[]})", &message);
    QVERIFY2(empty.has_value(), qPrintable(message));
    QVERIFY(empty->knownYears().isEmpty());

    // nameZh and makeUpWorkdays are optional; without nameZh the English name is shown.
    const std::optional<BusinessCalendar> minimal = BusinessCalendar::fromJson(
        withHolidays(R"({"name":"National Day","from":"2026-10-01","to":"2026-10-07"})"), &message);
    QVERIFY2(minimal.has_value(), qPrintable(message));
    QCOMPARE(minimal->knownYears(), QList<int>{2026});
    QCOMPARE(minimal->source(2026), u"test"_s);
    QCOMPARE(minimal->holidayName(date("2026-10-01"), QLocale(QLocale::Chinese)),
             u"National Day"_s);
    QVERIFY(!minimal->isWorkingDay(date("2026-10-07")));
    QVERIFY(!minimal->isWorkingDay(date("2026-10-10")));
    QCOMPARE(minimal->holidays().size(), 1);
    QCOMPARE(minimal->holidays().constFirst().to, date("2026-10-07"));
}

void TestBusinessCalendar::holidayMayReachIntoThePreviousYear()
{
    const QString path =
        qEnvironmentVariable("VD_TEST_DATA") + u"/calendars/fictional-cross-year.json"_s;
    QString message;
    const std::optional<BusinessCalendar> calendar = BusinessCalendar::fromFile(path, &message);
    QVERIFY2(calendar.has_value(), qPrintable(message));
    QCOMPARE(calendar->region(), u"XX"_s);
    QCOMPARE(calendar->knownYears(), QList<int>{2030});
    QVERIFY(calendar->isWorkingDay(date("2029-12-29"))); // make-up Saturday
    QVERIFY(calendar->isMakeUpWorkday(date("2029-12-29")));
    QVERIFY(!calendar->isWorkingDay(date("2029-12-31"))); // a Monday off
    QVERIFY(!calendar->isWorkingDay(date("2030-01-01")));
    QVERIFY(calendar->isWorkingDay(date("2030-01-02")));
    QCOMPARE(calendar->holidayName(date("2029-12-31"), QLocale(QLocale::Chinese)), u"测试新年"_s);
    // 2029 itself is not a known year: its other days are estimates.
    QVERIFY(!calendar->isKnown(date("2029-12-31")));
    QVERIFY(calendar->isKnown(date("2030-01-02")));
}

void TestBusinessCalendar::fallbackUtcOffset()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Nowhere/Atlantis"_s));
    QString message;
    const std::optional<BusinessCalendar> calendar =
        BusinessCalendar::fromJson(R"({"region":"CN","timeZone":"Nowhere/Atlantis",)"
                                   R"("fallbackUtcOffset":"+08:00","years":[]})",
                                   &message);
    QVERIFY2(calendar.has_value(), qPrintable(message));
    QVERIFY(calendar->timeZone().isValid());
    QCOMPARE(calendar->timeZone().offsetFromUtc(utc("2026-07-01T00:00:00Z")), 8 * 3600);
    QCOMPARE(calendar->reviewDueAt(utc("2026-11-27T20:00:00Z")), utc("2026-12-03T15:59:59Z"));
}

void TestBusinessCalendar::fromFileReportsThePath()
{
    const QString dir = qEnvironmentVariable("VD_TEST_DATA") + u"/calendars/"_s;
    QString message;
    QVERIFY(!BusinessCalendar::fromFile(dir + u"weekday-make-up.json"_s, &message).has_value());
    QVERIFY2(message.contains(u"weekday-make-up.json"_s), qPrintable(message));
    QVERIFY2(message.contains(u"2026-10-09"_s), qPrintable(message));

    message.clear();
    QVERIFY(!BusinessCalendar::fromFile(dir + u"does-not-exist.json"_s, &message).has_value());
    QVERIFY2(message.contains(u"does-not-exist.json"_s), qPrintable(message));
}

void TestBusinessCalendar::isACopyableValue()
{
    BusinessCalendar copy = m_calendar;
    QVERIFY(!copy.isWorkingDay(date("2026-10-01")));
    copy = BusinessCalendar();
    QVERIFY(copy.isWorkingDay(date("2026-10-01")));
    QVERIFY(!m_calendar.isWorkingDay(date("2026-10-01")));
}

QTEST_GUILESS_MAIN(TestBusinessCalendar)
#include "tst_businesscalendar.moc"
