#include "core/commands/applicationcommands.h"
#include "core/commands/reviewcommands.h"
#include "core/queries/reviewqueuequery.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// The review queue read through the store: order, filters, keyset pages, counts at a moment, and
// the detail a reviewer decides on.
class TestReviewQueueQuery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pendingOnlyInDeadlineOrder();
    void tiesBreakBySubmissionThenId();
    void filters_data();
    void filters();
    void keysetPagesCoverTheQueueOnce();
    void pageAfterADecidedRowSkipsNothing();
    void countsPendingAndOverdueAtAMoment();
    void countsFollowTheFilter();
    void detailJoinsCustomerPartnerAndSnapshot();
    void detailCountsTheLast90DaysOfDecisions();
    void detailOfADecidedApplicationNamesTheReviewer();
    void detailOfAnUnknownApplicationIsEmpty();

private:
    // Three pending applications at different deadlines (Wed, Thu, Fri), two of partner A
    // (specific ¥1,000 and universal ¥5,000) and one of partner B (specific ¥300).
    void submitThree();
    QList<QUuid> ids(const QList<ReviewQueueRow> &rows) const;

    std::unique_ptr<TestWorkspace> m_ws;
    QUuid m_specificA, m_specificB, m_universalA;
};

void TestReviewQueueQuery::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
}

void TestReviewQueueQuery::cleanup()
{
    m_ws.reset();
}

void TestReviewQueueQuery::submitThree()
{
    TestWorkspace &ws = *m_ws;
    const VoucherTemplate specificA = ws.createTemplate(u"Trial CVM 1000"_s);
    const VoucherTemplate universalA =
        ws.createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    const VoucherTemplate specificB =
        ws.createTemplate(u"Small B"_s, VoucherKind::Specific, 30000, &ws.managerB);
    // Fri 27 Nov: due Wed 2 Dec; Mon 30 Nov: due Thu 3 Dec; Tue 1 Dec: due Fri 4 Dec. Submitted
    // out of deadline order so that the order comes from the deadline.
    ws.setNow(TestWorkspace::defaultNow().addDays(4));
    m_universalA = ws.submit(universalA.id);
    ws.setNow(TestWorkspace::defaultNow());
    m_specificA = ws.submit(specificA.id);
    ws.setNow(TestWorkspace::defaultNow().addDays(3));
    m_specificB = ws.submit(specificB.id, &ws.managerB, &ws.customerB);
    ws.setNow(TestWorkspace::defaultNow().addDays(4));
}

QList<QUuid> TestReviewQueueQuery::ids(const QList<ReviewQueueRow> &rows) const
{
    QList<QUuid> result;
    for (const ReviewQueueRow &row : rows)
        result.append(row.applicationId);
    return result;
}

void TestReviewQueueQuery::pendingOnlyInDeadlineOrder()
{
    submitThree();
    TestWorkspace &ws = *m_ws;
    // Decided and cancelled applications leave the queue.
    const VoucherTemplate other = ws.createTemplate(u"Other"_s);
    ws.approve(ws.submit(other.id));
    const QUuid rejected = ws.submit(other.id);
    auto reviewerCtx = ws.context(ws.reviewer);
    QVERIFY(ReviewCommands(*reviewerCtx).reject(rejected, u"Scenario too vague"_s).ok());
    const QUuid cancelled = ws.submit(other.id);
    auto managerCtx = ws.context(ws.managerA);
    QVERIFY(ApplicationCommands(*managerCtx).cancelApplication(cancelled).ok());

    const QList<ReviewQueueRow> rows = ReviewQueueQuery(ws.db()).firstPage(50);
    QCOMPARE(ids(rows), (QList<QUuid>{m_specificA, m_specificB, m_universalA}));

    const ReviewQueueRow &first = rows.at(0);
    QCOMPARE(first.partnerId, ws.partnerA.id);
    QCOMPARE(first.partnerName, u"Demo Partner A"_s);
    QCOMPARE(first.customerId, ws.customerA.id);
    QCOMPARE(first.customerName, u"Acme Test Co"_s);
    QCOMPARE(first.customerUin, u"100000001"_s);
    QCOMPARE(first.templateName, u"Trial CVM 1000"_s);
    QCOMPARE(first.kind, VoucherKind::Specific);
    QCOMPARE(first.faceValueMinor, 100000);
    QCOMPARE(first.currency, u"CNY"_s);
    QCOMPARE(first.submittedAt, TestWorkspace::defaultNow());
    // Wed 2 Dec 2026 23:59:59 in Shanghai.
    QCOMPARE(first.reviewDueAt, QDateTime(QDate(2026, 12, 2), QTime(15, 59, 59), Qt::UTC));
    QCOMPARE(first.version, 1);
    QCOMPARE(rows.at(1).partnerName, u"Demo Partner B"_s);
    QCOMPARE(rows.at(1).customerName, u"Beta Cloud"_s);
    QCOMPARE(rows.at(2).kind, VoucherKind::Universal);
}

void TestReviewQueueQuery::tiesBreakBySubmissionThenId()
{
    TestWorkspace &ws = *m_ws;
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    // One deadline for all: two at the same moment, one a little earlier.
    const QUuid sameA = ws.submit(t.id);
    const QUuid sameB = ws.submit(t.id);
    ws.advance(-60);
    const QUuid earlier = ws.submit(t.id);

    const QList<ReviewQueueRow> rows = ReviewQueueQuery(ws.db()).firstPage(50);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).applicationId, earlier);
    QCOMPARE(rows.at(0).reviewDueAt, rows.at(2).reviewDueAt);
    // The same moment: the id decides, as text (how the store compares them).
    const QString a = sameA.toString(QUuid::WithoutBraces);
    const QString b = sameB.toString(QUuid::WithoutBraces);
    QCOMPARE(rows.at(1).applicationId, a < b ? sameA : sameB);
    QCOMPARE(rows.at(2).applicationId, a < b ? sameB : sameA);
}

void TestReviewQueueQuery::filters_data()
{
    QTest::addColumn<QString>("partner");
    QTest::addColumn<int>("kind");       // -1 any, else VoucherKind
    QTest::addColumn<qint64>("minFace"); // -1: none
    QTest::addColumn<qint64>("maxFace");
    QTest::addColumn<QStringList>("expected");

    const QStringList all{u"specificA"_s, u"specificB"_s, u"universalA"_s};
    QTest::newRow("none") << QString() << -1 << qint64(-1) << qint64(-1) << all;
    QTest::newRow("partner A") << u"A"_s << -1 << qint64(-1) << qint64(-1)
                               << QStringList{u"specificA"_s, u"universalA"_s};
    QTest::newRow("partner B") << u"B"_s << -1 << qint64(-1) << qint64(-1)
                               << QStringList{u"specificB"_s};
    QTest::newRow("universal") << QString() << int(VoucherKind::Universal) << qint64(-1)
                               << qint64(-1) << QStringList{u"universalA"_s};
    QTest::newRow("specific") << QString() << int(VoucherKind::Specific) << qint64(-1) << qint64(-1)
                              << QStringList{u"specificA"_s, u"specificB"_s};
    QTest::newRow("min inclusive") << QString() << -1 << qint64(100000) << qint64(-1)
                                   << QStringList{u"specificA"_s, u"universalA"_s};
    QTest::newRow("max inclusive") << QString() << -1 << qint64(-1) << qint64(100000)
                                   << QStringList{u"specificA"_s, u"specificB"_s};
    QTest::newRow("range") << QString() << -1 << qint64(30001) << qint64(499999)
                           << QStringList{u"specificA"_s};
    QTest::newRow("empty range") << QString() << -1 << qint64(600000) << qint64(700000)
                                 << QStringList{};
    QTest::newRow("partner A, specific, up to 1,000")
        << u"A"_s << int(VoucherKind::Specific) << qint64(-1) << qint64(100000)
        << QStringList{u"specificA"_s};
}

void TestReviewQueueQuery::filters()
{
    QFETCH(QString, partner);
    QFETCH(int, kind);
    QFETCH(qint64, minFace);
    QFETCH(qint64, maxFace);
    QFETCH(QStringList, expected);
    submitThree();

    ReviewQueueFilter filter;
    if (partner == u"A"_s)
        filter.partnerId = m_ws->partnerA.id;
    else if (partner == u"B"_s)
        filter.partnerId = m_ws->partnerB.id;
    if (kind >= 0)
        filter.kind = VoucherKind(kind);
    if (minFace >= 0)
        filter.minFaceMinor = minFace;
    if (maxFace >= 0)
        filter.maxFaceMinor = maxFace;

    const QHash<QString, QUuid> named{{u"specificA"_s, m_specificA},
                                      {u"specificB"_s, m_specificB},
                                      {u"universalA"_s, m_universalA}};
    QList<QUuid> expectedIds;
    for (const QString &name : expected)
        expectedIds.append(named.value(name));
    const ReviewQueueQuery query(m_ws->db(), filter);
    QCOMPARE(ids(query.firstPage(50)), expectedIds);
    QCOMPARE(query.counts(m_ws->now()).pending, expectedIds.size());
}

void TestReviewQueueQuery::keysetPagesCoverTheQueueOnce()
{
    TestWorkspace &ws = *m_ws;
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    // Seven applications over four deadlines, some sharing a submission moment.
    for (int i = 0; i < 7; ++i) {
        ws.submit(t.id);
        if (i % 2 == 1)
            ws.advance(24 * 3600);
    }
    const ReviewQueueQuery query(ws.db());
    const QList<ReviewQueueRow> all = query.firstPage(100);
    QCOMPARE(all.size(), 7);

    QList<ReviewQueueRow> paged = query.firstPage(3);
    QCOMPARE(paged.size(), 3);
    while (true) {
        const QList<ReviewQueueRow> next = query.pageAfter(paged.last(), 3);
        if (next.isEmpty())
            break;
        QVERIFY(next.size() <= 3);
        paged.append(next);
    }
    QCOMPARE(ids(paged), ids(all));
    QVERIFY(std::is_sorted(all.cbegin(), all.cend(), [](const auto &l, const auto &r) {
        return std::tuple(l.reviewDueAt, l.submittedAt,
                          l.applicationId.toString(QUuid::WithoutBraces)) <
               std::tuple(r.reviewDueAt, r.submittedAt,
                          r.applicationId.toString(QUuid::WithoutBraces));
    }));
}

void TestReviewQueueQuery::pageAfterADecidedRowSkipsNothing()
{
    submitThree();
    const ReviewQueueQuery query(m_ws->db());
    const QList<ReviewQueueRow> first = query.firstPage(1);
    QCOMPARE(ids(first), QList<QUuid>{m_specificA});
    // Decided while the reviewer looked at the first page: the next page still starts after it.
    m_ws->approve(m_specificA);
    QCOMPARE(ids(query.pageAfter(first.last(), 10)), (QList<QUuid>{m_specificB, m_universalA}));
}

void TestReviewQueueQuery::countsPendingAndOverdueAtAMoment()
{
    submitThree();
    const ReviewQueueQuery query(m_ws->db());
    // Due Wed 2, Thu 3 and Fri 4 Dec, 23:59:59 in Shanghai (15:59:59 UTC).
    const QDateTime wednesdayDeadline(QDate(2026, 12, 2), QTime(15, 59, 59), Qt::UTC);
    struct Case
    {
        QDateTime now;
        qint64 overdue;
    };
    const Case cases[] = {
        {TestWorkspace::defaultNow(), 0},
        {wednesdayDeadline, 0}, // due at that second, not yet over
        {wednesdayDeadline.addMSecs(1), 1},
        {wednesdayDeadline.addDays(1).addSecs(1), 2},
        {wednesdayDeadline.addDays(30), 3},
    };
    for (const Case &c : cases) {
        const ReviewQueueCounts counts = query.counts(c.now);
        QCOMPARE(counts.pending, 3);
        QCOMPARE(counts.overdue, c.overdue);
    }
    m_ws->approve(m_specificA);
    const ReviewQueueCounts after = query.counts(wednesdayDeadline.addDays(30));
    QCOMPARE(after.pending, 2);
    QCOMPARE(after.overdue, 2);
}

void TestReviewQueueQuery::countsFollowTheFilter()
{
    submitThree();
    ReviewQueueFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    const QDateTime thursday(QDate(2026, 12, 3), QTime(16, 0), Qt::UTC);
    const ReviewQueueCounts partnerA = ReviewQueueQuery(m_ws->db(), filter).counts(thursday);
    QCOMPARE(partnerA.pending, 2);
    QCOMPARE(partnerA.overdue, 1); // Wednesday's; partner B's Thursday one is not counted
    filter = {};
    filter.kind = VoucherKind::Specific;
    filter.minFaceMinor = 50000;
    const ReviewQueueCounts specific = ReviewQueueQuery(m_ws->db(), filter).counts(thursday);
    QCOMPARE(specific.pending, 1);
    QCOMPARE(specific.overdue, 1);
}

void TestReviewQueueQuery::detailJoinsCustomerPartnerAndSnapshot()
{
    submitThree();
    TestWorkspace &ws = *m_ws;
    // Partner A has issued ¥1,000 already: the pool shows it.
    ws.approve(ws.submit(ws.createTemplate(u"Issued"_s).id));

    const auto detail = ReviewQueueQuery(ws.db()).detail(m_universalA, ws.now());
    QVERIFY(detail);
    QCOMPARE(detail->application.id, m_universalA);
    QCOMPARE(detail->application.status, ApplicationStatus::PendingReview);
    QCOMPARE(detail->application.scenario,
             u"Load test of CVM for a two-week trial before migration."_s);
    QCOMPARE(detail->application.templateSnapshot.name, u"Universal 5k"_s);
    QCOMPARE(detail->application.templateSnapshot.kind, VoucherKind::Universal);
    QCOMPARE(detail->application.templateSnapshot.faceValueMinor, 500000);
    QCOMPARE(detail->application.templateSnapshot.validityDays, 30);
    QCOMPARE(detail->customer.id, ws.customerA.id);
    QCOMPARE(detail->customer.uin, u"100000001"_s);
    QVERIFY(detail->customer.eligible);
    QCOMPARE(detail->partner.name, u"Demo Partner A"_s);
    QCOMPARE(detail->quota().totalMinor(), 100000000);
    QCOMPARE(detail->quota().issuedMinor(), 100000);
    QCOMPARE(detail->quota().remainingMinor(), 100000000 - 100000);
    QVERIFY(detail->reviewerName.isEmpty());
    QCOMPARE(detail->recentlyApproved, 1);
    QCOMPARE(detail->recentlyRejected, 0);
}

void TestReviewQueueQuery::detailCountsTheLast90DaysOfDecisions()
{
    TestWorkspace &ws = *m_ws;
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    const VoucherTemplate b = ws.createTemplate(u"B"_s, VoucherKind::Specific, 1000, &ws.managerB);
    auto reviewerCtx = ws.context(ws.reviewer);
    const ReviewCommands review(*reviewerCtx);

    // Decided 91 days ago: outside the window.
    ws.setNow(TestWorkspace::defaultNow().addDays(-91));
    ws.approve(ws.submit(t.id));
    QVERIFY(review.reject(ws.submit(t.id), u"Duplicate application"_s).ok());
    // Within the window: two approvals and one rejection of A, one approval of B.
    ws.setNow(TestWorkspace::defaultNow().addDays(-89));
    ws.approve(ws.submit(t.id));
    ws.setNow(TestWorkspace::defaultNow());
    ws.approve(ws.submit(t.id));
    QVERIFY(review.reject(ws.submit(t.id), u"Scenario too vague"_s).ok());
    ws.approve(ws.submit(b.id, &ws.managerB, &ws.customerB));
    // Pending and cancelled ones are no decisions.
    const QUuid pending = ws.submit(t.id);
    auto managerCtx = ws.context(ws.managerA);
    QVERIFY(ApplicationCommands(*managerCtx).cancelApplication(ws.submit(t.id)).ok());

    const auto detail = ReviewQueueQuery(ws.db()).detail(pending, ws.now());
    QVERIFY(detail);
    QCOMPARE(detail->recentlyApproved, 2);
    QCOMPARE(detail->recentlyRejected, 1);
    // A week later the approval of 89 days ago has left the window.
    const auto later = ReviewQueueQuery(ws.db()).detail(pending, ws.now().addDays(7));
    QCOMPARE(later->recentlyApproved, 1);
    QCOMPARE(later->recentlyRejected, 1);
}

void TestReviewQueueQuery::detailOfADecidedApplicationNamesTheReviewer()
{
    submitThree();
    auto reviewerCtx = m_ws->context(m_ws->reviewer);
    QVERIFY(ReviewCommands(*reviewerCtx).reject(m_specificA, u"Duplicate application"_s).ok());
    const auto detail = ReviewQueueQuery(m_ws->db()).detail(m_specificA, m_ws->now());
    QVERIFY(detail);
    QCOMPARE(detail->application.status, ApplicationStatus::Rejected);
    QCOMPARE(detail->application.rejectReason, u"Duplicate application"_s);
    QCOMPARE(detail->application.reviewedAt, m_ws->now());
    QCOMPARE(detail->reviewerName, u"reviewer"_s);
    QCOMPARE(detail->recentlyRejected, 1);
}

void TestReviewQueueQuery::detailOfAnUnknownApplicationIsEmpty()
{
    QVERIFY(!ReviewQueueQuery(m_ws->db()).detail(QUuid::createUuid(), m_ws->now()));
}

QTEST_GUILESS_MAIN(TestReviewQueueQuery)
#include "tst_reviewqueuequery.moc"
