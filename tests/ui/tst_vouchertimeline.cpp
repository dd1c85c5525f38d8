#include "core/rules/businesscalendar.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "ui/vouchers/voucherdetail.h"
#include "ui/vouchers/vouchertimeline.h"

#include <QScopeGuard>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;

// The timeline of the detail panel: the review due day is the vendor's calendar day in every
// time zone, while the moments things happened are shown in local time.
class TestVoucherTimeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void reviewDueIsTheVendorsDay_data();
    void reviewDueIsTheVendorsDay();
    void givenZoneIsUsed();
    void overdueReview();

private:
    void loadPending(VoucherDetail &detail);

    std::unique_ptr<TestWorkspace> m_ws;
};

void TestVoucherTimeline::initTestCase()
{
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestVoucherTimeline::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
}

void TestVoucherTimeline::cleanup()
{
    m_ws.reset();
}

void TestVoucherTimeline::loadPending(VoucherDetail &detail)
{
    // Submitted Friday 27 Nov 2026 10:00 in Shanghai: due Wednesday 2 Dec 23:59:59 there.
    const QUuid id = m_ws->submit(m_ws->createTemplate(u"Trial CVM 1000"_s).id);
    const auto loaded = VoucherDetail::load(m_ws->db(), m_ws->managerA, id, m_ws->now());
    QVERIFY2(loaded.ok(), resultMessage(loaded));
    detail = loaded.value();
    QCOMPARE(detail.application.status, ApplicationStatus::PendingReview);
}

void TestVoucherTimeline::reviewDueIsTheVendorsDay_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("submitted");
    QTest::newRow("Shanghai") << QByteArray("Asia/Shanghai") << u"27 Nov 2026 10:00"_s;
    // 23:59:59 in Shanghai is 00:59:59 the next day in Tokyo.
    QTest::newRow("Tokyo") << QByteArray("Asia/Tokyo") << u"27 Nov 2026 11:00"_s;
    QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles") << u"26 Nov 2026 18:00"_s;
}

void TestVoucherTimeline::reviewDueIsTheVendorsDay()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, submitted);
    VoucherDetail detail;
    loadPending(detail);
    if (QTest::currentTestFailed())
        return;
    const QByteArray pinned = qgetenv("TZ");
    const auto restore = qScopeGuard([pinned] {
        qputenv("TZ", pinned);
        tzset();
    });
    qputenv("TZ", zone);
    tzset();

    const QTimeZone vendorZone = BusinessCalendar::shipped().timeZone();
    QCOMPARE(vendorZone.id(), QByteArray("Asia/Shanghai"));
    const QString expected = u"Submitted: %1\nReview due: Wed 2 Dec 2026\nIssued: once the "
                             u"vendor approves"_s.arg(submitted);
    VoucherTimeline timeline;
    timeline.showDetail(detail, m_ws->now(), vendorZone);
    QCOMPARE(timeline.text(), expected);
    QCOMPARE(timeline.accessibleDescription(), expected);
    QCOMPARE(timeline.steps().at(1).mark, VoucherTimeline::Mark::Waiting);

    // Without a zone: the shipped calendar's.
    timeline.showDetail(detail, m_ws->now());
    QCOMPARE(timeline.text(), expected);
}

void TestVoucherTimeline::givenZoneIsUsed()
{
    // A calendar in another zone: its day, not Shanghai's and not the local one.
    VoucherDetail detail;
    loadPending(detail);
    if (QTest::currentTestFailed())
        return;
    const auto steps = VoucherTimeline::stepsFor(detail, m_ws->now(), QTimeZone("Asia/Tokyo"));
    QCOMPARE(steps.at(1).title, u"Review due"_s);
    QCOMPARE(steps.at(1).detail, u"Thu 3 Dec 2026"_s);
}

void TestVoucherTimeline::overdueReview()
{
    VoucherDetail detail;
    loadPending(detail);
    if (QTest::currentTestFailed())
        return;
    const QByteArray pinned = qgetenv("TZ");
    const auto restore = qScopeGuard([pinned] {
        qputenv("TZ", pinned);
        tzset();
    });
    qputenv("TZ", "Asia/Tokyo");
    tzset();

    const QDateTime late = detail.application.reviewDueAt.addSecs(1);
    const auto steps =
        VoucherTimeline::stepsFor(detail, late, BusinessCalendar::shipped().timeZone());
    QCOMPARE(steps.at(1).detail, u"Wed 2 Dec 2026 · overdue"_s);
    QCOMPARE(steps.at(1).mark, VoucherTimeline::Mark::Late);
    const auto onTime = VoucherTimeline::stepsFor(detail, detail.application.reviewDueAt,
                                                  BusinessCalendar::shipped().timeZone());
    QCOMPARE(onTime.at(1).detail, u"Wed 2 Dec 2026"_s);
    QCOMPARE(onTime.at(1).mark, VoucherTimeline::Mark::Waiting);
}

QTEST_MAIN(TestVoucherTimeline)
#include "tst_vouchertimeline.moc"
