#include "core/json/jsonfields.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

// The JSON spelling of times: JsonFields writes what QDateTime's ISO 8601 form with
// milliseconds is for UTC, without going through it (every row of a change-feed page has a few).
class TestJsonFields : public QObject
{
    Q_OBJECT

private slots:
    void timesAreIsoUtcWithMilliseconds_data();
    void timesAreIsoUtcWithMilliseconds();
    void everyTimeReadsBackTheSame();
    void notSetIsNull();
};

void TestJsonFields::timesAreIsoUtcWithMilliseconds_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0) << u"1970-01-01T00:00:00.000Z"_s;
    QTest::newRow("due") << utc(2026, 11, 27, 15, 59, 59, 999) << u"2026-11-27T15:59:59.999Z"_s;
    QTest::newRow("leap day") << utc(2028, 2, 29, 23, 0, 7, 40) << u"2028-02-29T23:00:07.040Z"_s;
    QTest::newRow("century") << utc(2000, 3, 1, 0, 0, 0, 1) << u"2000-03-01T00:00:00.001Z"_s;
    QTest::newRow("before 1970") << utc(1969, 12, 31, 23, 59, 59, 999)
                                 << u"1969-12-31T23:59:59.999Z"_s;
    QTest::newRow("year 1") << utc(1, 1, 1, 0, 0, 0, 0) << u"0001-01-01T00:00:00.000Z"_s;
    QTest::newRow("year 9999") << utc(9999, 12, 31, 23, 59, 59, 999)
                               << u"9999-12-31T23:59:59.999Z"_s;
    // Another zone is written as the same moment in UTC.
    QTest::newRow("Shanghai") << QDateTime(QDate(2026, 11, 27), QTime(10, 0),
                                           QTimeZone("Asia/Shanghai"))
                              << u"2026-11-27T02:00:00.000Z"_s;
}

void TestJsonFields::timesAreIsoUtcWithMilliseconds()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(JsonFields::fromDateTime(time).toString(), text);
    QCOMPARE(JsonFields::fromDateTime(time).toString(), time.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(JsonFields::toDateTime(JsonFields::fromDateTime(time)), time.toUTC());
}

void TestJsonFields::everyTimeReadsBackTheSame()
{
    // Outside years 1 to 9999, whatever Qt's own form is.
    for (const QDate &date : {QDate(10000, 1, 1), QDate(0, 12, 31), QDate(-44, 3, 15)}) {
        const QDateTime time(date, QTime(12, 0), Qt::UTC);
        QCOMPARE(JsonFields::fromDateTime(time).toString(), time.toString(Qt::ISODateWithMs));
    }
    QRandomGenerator random(2026);
    const qint64 first = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 last =
        QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < 200000; ++i) {
        const qint64 ms = first + qint64(random.bounded(double(last - first)));
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const QString text = JsonFields::fromDateTime(time).toString();
        if (text != time.toString(Qt::ISODateWithMs))
            QFAIL(qPrintable(u"%1: %2"_s.arg(ms).arg(text)));
    }
}

void TestJsonFields::notSetIsNull()
{
    QVERIFY(JsonFields::fromDateTime(QDateTime()).isNull());
}

QTEST_GUILESS_MAIN(TestJsonFields)
#include "tst_jsonfields.moc"
