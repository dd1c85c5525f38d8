// The review routes over HTTP against the real binary: the queue, approving (with the voucher
// it issues) and rejecting, each error code, partners never deciding, and 50 reviewers racing
// for one application over two server processes on one database with exactly one winner.

#include "core/api/apijson.h"
#include "core/commands/applicationcommands.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString approvePath(const QUuid &id)
{
    return u"/api/v1/applications/"_s + idText(id) + u"/approve"_s;
}

QString rejectPath(const QUuid &id)
{
    return u"/api/v1/applications/"_s + idText(id) + u"/reject"_s;
}

qint64 vouchersOf(const Database &db, const QUuid &applicationId)
{
    SqlStatement query = db.prepare(u"SELECT COUNT(*) FROM vouchers WHERE application_id = :id"_s);
    query.bind(u":id"_s, applicationId).exec();
    return query.next() ? query.int64(0) : -1;
}

qint64 issuedOf(const Database &db, const QUuid &partnerId)
{
    return PartnerRepository(db).find(partnerId)->issuedMinor;
}

} // namespace

class TestReviewRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void queueListsPendingByReviewDeadline();
    void queuePages();
    void queueIsForReviewers();
    void badQueueParametersAre400();

    void approveIssuesTheVoucher();
    void approveWithoutBody();
    void badApproveBodiesAre400();
    void approveOnlyFromPendingReview();
    void approveBeyondTheQuotaIsRefused();

    void rejectWithReason();
    void rejectNeedsReason_data();
    void rejectNeedsReason();
    void rejectOnlyFromPendingReview();

    void partnersNeverDecide();
    void decisionsOnUnknownApplicationsAreNotFound();
    void signInIsRequired();

    void fiftyRacingApprovalsOnTwoProcessesIssueOneVoucher();

private:
    std::optional<Application> stored(const QUuid &id) const;

    ServerFixture m_fixture{2}; // a second process on the same database
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_managerA, m_managerB, m_reviewer, m_admin;
    VoucherTemplate m_templateA, m_templateB;
};

void TestReviewRoutes::initTestCase()
{
    QVERIFY(m_ws.isValid());
    m_templateA = m_ws.createTemplate(u"Review trial"_s);
    // Partner B's quota (500,000.00) holds one voucher of this template, not two.
    m_templateB =
        m_ws.createTemplate(u"Review trial B"_s, VoucherKind::Universal, 30000000, &m_ws.managerB);
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
    m_managerA = m_fixture.client(u"manager.a"_s);
    m_managerB = m_fixture.client(u"manager.b"_s);
    m_reviewer = m_fixture.client(u"reviewer"_s);
    m_admin = m_fixture.client(u"admin"_s);
    QVERIFY(m_managerA && m_managerB && m_reviewer && m_admin);
}

std::optional<Application> TestReviewRoutes::stored(const QUuid &id) const
{
    return ApplicationRepository(m_ws.db()).find(id);
}

void TestReviewRoutes::queueListsPendingByReviewDeadline()
{
    // Submitted on different days, and out of deadline order across the two partners.
    const QUuid later = m_ws.submit(m_templateA.id);
    m_ws.advance(-5 * 24 * 3600);
    const QUuid earlierB = m_ws.submit(m_templateB.id, &m_ws.managerB, &m_ws.customerB);
    m_ws.advance(5 * 24 * 3600);
    const QUuid decided = m_ws.submit(m_templateA.id);
    m_ws.approve(decided);

    const auto reply = m_reviewer->get(u"/api/v1/review-queue?limit=200"_s);
    QCOMPARE(reply.status, 200);
    const ApplicationRepository repository(m_ws.db());
    QCOMPARE(reply.json()[u"totalCount"_s].toInteger(),
             repository.countByStatus(ApplicationStatus::PendingReview));
    const QList<QString> ids = itemIds(reply);
    QVERIFY(ids.indexOf(idText(earlierB)) >= 0);
    QVERIFY(ids.indexOf(idText(earlierB)) < ids.indexOf(idText(later)));
    QVERIFY(!ids.contains(idText(decided)));

    QDateTime previousDue;
    for (const QJsonValue &item : reply.json()[u"items"_s].toArray()) {
        QCOMPARE(item[u"status"_s].toString(), u"pending_review"_s);
        const QDateTime due =
            QDateTime::fromString(item[u"reviewDueAt"_s].toString(), Qt::ISODateWithMs);
        QVERIFY(due.isValid());
        QVERIFY(!previousDue.isValid() || previousDue <= due);
        previousDue = due;
    }
    QCOMPARE(reply.json()[u"items"_s][0].toObject(),
             ApiJson::toJson(repository.reviewQueue({}, 1).constFirst()));
}

void TestReviewRoutes::queuePages()
{
    m_ws.submit(m_templateA.id);
    m_ws.submit(m_templateA.id);
    m_ws.submit(m_templateA.id);
    const ApplicationRepository repository(m_ws.db());
    const QList<Application> expected = repository.reviewQueue({}, 2, 1);
    QCOMPARE(expected.size(), 2);

    const auto page = m_reviewer->get(u"/api/v1/review-queue?offset=1&limit=2"_s);
    QCOMPARE(page.status, 200);
    QCOMPARE(itemIds(page), (QList<QString>{idText(expected[0].id), idText(expected[1].id)}));
    QCOMPARE(page.json()[u"totalCount"_s].toInteger(),
             repository.countByStatus(ApplicationStatus::PendingReview));

    const auto beyond = m_reviewer->get(u"/api/v1/review-queue?offset=100000"_s);
    QCOMPARE(beyond.status, 200);
    QVERIFY(itemIds(beyond).isEmpty());
    QCOMPARE(beyond.json()[u"totalCount"_s].toInteger(),
             repository.countByStatus(ApplicationStatus::PendingReview));
}

void TestReviewRoutes::queueIsForReviewers()
{
    for (ApiClient *client : {m_managerA.get(), m_managerB.get(), m_admin.get()}) {
        const auto reply = client->get(u"/api/v1/review-queue"_s);
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
    }
}

void TestReviewRoutes::badQueueParametersAre400()
{
    auto reply = m_reviewer->get(u"/api/v1/review-queue?limit=201"_s);
    COMPARE_ERROR(reply, 400, u"InvalidParameter.Limit"_s);
    reply = m_reviewer->get(u"/api/v1/review-queue?offset=first"_s);
    COMPARE_ERROR(reply, 400, u"InvalidParameter.Offset"_s);
}

void TestReviewRoutes::approveIssuesTheVoucher()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const qint64 issuedBefore = issuedOf(m_ws.db(), m_ws.partnerA.id);

    const auto reply =
        m_reviewer->post(approvePath(id), QJsonObject{{u"comment"_s, u"  Looks right.  "_s}});
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json[u"id"_s].toString(), idText(id));
    QCOMPARE(json[u"status"_s].toString(), u"approved"_s);
    QCOMPARE(json[u"reviewComment"_s].toString(), u"Looks right."_s);
    QCOMPARE(json[u"reviewerId"_s].toString(), idText(m_ws.reviewer.userId));
    QVERIFY(!json[u"reviewedAt"_s].toString().isEmpty());
    const QUuid voucherId = QUuid::fromString(json[u"voucherId"_s].toString());
    QVERIFY(!voucherId.isNull());

    const auto application = stored(id);
    QCOMPARE(application->status, ApplicationStatus::Approved);
    QCOMPARE(application->voucherId, voucherId);
    QCOMPARE(json, ApiJson::toJson(*application));
    const auto voucher = VoucherRepository(m_ws.db()).find(voucherId);
    QVERIFY(voucher);
    QCOMPARE(voucher->applicationId, id);
    QCOMPARE(voucher->faceValueMinor, m_templateA.faceValueMinor);
    QCOMPARE(voucher->balanceMinor, m_templateA.faceValueMinor);
    QCOMPARE(vouchersOf(m_ws.db(), id), 1);
    QCOMPARE(issuedOf(m_ws.db(), m_ws.partnerA.id), issuedBefore + m_templateA.faceValueMinor);

    // The owning partner now sees the voucher id on its application.
    const auto asPartner = m_managerA->get(u"/api/v1/applications/"_s + idText(id));
    QCOMPARE(asPartner.json()[u"voucherId"_s].toString(), idText(voucherId));
}

void TestReviewRoutes::approveWithoutBody()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const auto reply = m_reviewer->send("POST", approvePath(id), {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"status"_s].toString(), u"approved"_s);
    QCOMPARE(reply.json()[u"reviewComment"_s].toString(), QString());
    QCOMPARE(vouchersOf(m_ws.db(), id), 1);
}

void TestReviewRoutes::badApproveBodiesAre400()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const StoreSnapshot before(m_ws.db());
    auto reply = m_reviewer->post(approvePath(id), QJsonObject{{u"comment"_s, 5}});
    COMPARE_ERROR(reply, 400, u"InvalidParameter.Comment"_s);
    reply = m_reviewer->post(approvePath(id), QJsonObject{{u"comment"_s, QString(501, u'c')}});
    COMPARE_ERROR(reply, 400, u"InvalidParameter.Comment"_s);
    reply = m_reviewer->send("POST", approvePath(id), "[\"not an object\"]");
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.errorCode().startsWith(u"InvalidParameter"_s));
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestReviewRoutes::approveOnlyFromPendingReview()
{
    const QUuid approved = m_ws.submit(m_templateA.id);
    m_ws.approve(approved);
    const QUuid cancelled = m_ws.submit(m_templateA.id);
    auto manager = m_ws.context(m_ws.managerA);
    QVERIFY(ApplicationCommands(*manager).cancelApplication(cancelled).ok());
    const QUuid rejected = m_ws.submit(m_templateA.id);
    QCOMPARE(m_reviewer->post(rejectPath(rejected), {{u"reason"_s, u"Out of scope."_s}}).status,
             200);

    const StoreSnapshot before(m_ws.db());
    for (const QUuid &id : {approved, cancelled, rejected}) {
        const auto reply = m_reviewer->post(approvePath(id), {});
        COMPARE_ERROR(reply, 409, u"FailedOperation.ApplicationNotPending"_s);
    }
    VD_VERIFY_UNCHANGED(before, m_ws.db());
    QCOMPARE(vouchersOf(m_ws.db(), approved), 1);
    QCOMPARE(vouchersOf(m_ws.db(), rejected), 0);
}

void TestReviewRoutes::approveBeyondTheQuotaIsRefused()
{
    const QUuid first = m_ws.submit(m_templateB.id, &m_ws.managerB, &m_ws.customerB);
    const QUuid second = m_ws.submit(m_templateB.id, &m_ws.managerB, &m_ws.customerB);
    QCOMPARE(m_reviewer->post(approvePath(first), {}).status, 200);

    const StoreSnapshot before(m_ws.db());
    const auto reply = m_reviewer->post(approvePath(second), {});
    COMPARE_ERROR(reply, 409, u"FailedOperation.InsufficientQuota"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
    QCOMPARE(stored(second)->status, ApplicationStatus::PendingReview);
    QCOMPARE(issuedOf(m_ws.db(), m_ws.partnerB.id), m_templateB.faceValueMinor);
}

void TestReviewRoutes::rejectWithReason()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const auto reply =
        m_reviewer->post(rejectPath(id), {{u"reason"_s, u"The scenario is not a test."_s}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"status"_s].toString(), u"rejected"_s);
    QCOMPARE(reply.json()[u"rejectReason"_s].toString(), u"The scenario is not a test."_s);
    QVERIFY(reply.json()[u"voucherId"_s].isNull());
    const auto application = stored(id);
    QCOMPARE(application->status, ApplicationStatus::Rejected);
    QCOMPARE(reply.json(), ApiJson::toJson(*application));
    QCOMPARE(vouchersOf(m_ws.db(), id), 0);

    // The partner sees the reason.
    const auto asPartner = m_managerA->get(u"/api/v1/applications/"_s + idText(id));
    QCOMPARE(asPartner.json()[u"rejectReason"_s].toString(), u"The scenario is not a test."_s);
}

void TestReviewRoutes::rejectNeedsReason_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no body") << QByteArray();
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("null") << QByteArray("{\"reason\": null}");
    QTest::newRow("blank") << QByteArray("{\"reason\": \"   \"}");
    QTest::newRow("a number") << QByteArray("{\"reason\": 12}");
    QTest::newRow("too long") << "{\"reason\": \"" + QByteArray(501, 'r') + "\"}";
}

void TestReviewRoutes::rejectNeedsReason()
{
    QFETCH(QByteArray, body);
    const QUuid id = m_ws.submit(m_templateA.id);
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_reviewer->send("POST", rejectPath(id), body);
    COMPARE_ERROR(reply, 400, u"InvalidParameter.Reason"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestReviewRoutes::rejectOnlyFromPendingReview()
{
    const QUuid approved = m_ws.submit(m_templateA.id);
    m_ws.approve(approved);
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_reviewer->post(rejectPath(approved), {{u"reason"_s, u"Too late."_s}});
    COMPARE_ERROR(reply, 409, u"FailedOperation.ApplicationNotPending"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestReviewRoutes::partnersNeverDecide()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const StoreSnapshot before(m_ws.db());
    const QJsonObject reason{{u"reason"_s, u"I changed my mind."_s}};

    // The owning partner and the admin: refused outright.
    for (ApiClient *client : {m_managerA.get(), m_admin.get()}) {
        auto reply = client->post(approvePath(id), {});
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
        reply = client->post(rejectPath(id), reason);
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
    }
    // Another partner: the application does not exist for it.
    auto reply = m_managerB->post(approvePath(id), {});
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);
    reply = m_managerB->post(rejectPath(id), reason);
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);

    VD_VERIFY_UNCHANGED(before, m_ws.db());
    QCOMPARE(stored(id)->status, ApplicationStatus::PendingReview);
}

void TestReviewRoutes::decisionsOnUnknownApplicationsAreNotFound()
{
    const StoreSnapshot before(m_ws.db());
    const QUuid unknown = QUuid::createUuid();
    auto reply = m_reviewer->post(approvePath(unknown), {});
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);
    reply = m_reviewer->post(rejectPath(unknown), {{u"reason"_s, u"Unknown."_s}});
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);
    reply = m_reviewer->post(u"/api/v1/applications/1%20OR%201=1/approve"_s, {});
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestReviewRoutes::signInIsRequired()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    ApiClient anonymous(m_fixture.server().url());
    QCOMPARE(anonymous.get(u"/api/v1/review-queue"_s).status, 401);
    auto reply = anonymous.post(approvePath(id), {});
    COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);
    anonymous.setToken(u"not-a-real-token"_s);
    reply = anonymous.post(rejectPath(id), {{u"reason"_s, u"Nope."_s}});
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.errorCode().startsWith(u"AuthFailure."_s));
    QCOMPARE(stored(id)->status, ApplicationStatus::PendingReview);
}

void TestReviewRoutes::fiftyRacingApprovalsOnTwoProcessesIssueOneVoucher()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const qint64 issuedBefore = issuedOf(m_ws.db(), m_ws.partnerA.id);
    const qint64 vouchersBefore = StoreProbe::rowCount(m_ws.db(), u"vouchers"_s);

    constexpr int kApprovals = 50;
    QList<ConcurrentRequest> requests;
    for (int i = 0; i < kApprovals; ++i) {
        requests.append({m_fixture.server(i % 2).url(),
                         m_reviewer->token(),
                         approvePath(id),
                         {{u"comment"_s, u"Reviewer %1"_s.arg(i)}}});
    }
    QList<ApiClient::Reply> replies;
    postConcurrently(requests, &replies);
    if (QTest::currentTestFailed())
        return;

    int approvals = 0;
    QUuid voucherId;
    for (const ApiClient::Reply &reply : std::as_const(replies)) {
        if (reply.status == 200) {
            ++approvals;
            voucherId = QUuid::fromString(reply.json()[u"voucherId"_s].toString());
            continue;
        }
        QVERIFY2(reply.status == 409, reply.body.constData());
        QCOMPARE(reply.errorCode(), u"FailedOperation.ApplicationNotPending"_s);
    }
    QCOMPARE(approvals, 1);

    QCOMPARE(vouchersOf(m_ws.db(), id), 1);
    QCOMPARE(StoreProbe::rowCount(m_ws.db(), u"vouchers"_s), vouchersBefore + 1);
    QCOMPARE(stored(id)->voucherId, voucherId);
    QCOMPARE(issuedOf(m_ws.db(), m_ws.partnerA.id), issuedBefore + m_templateA.faceValueMinor);

    // Both processes took part in the race.
    const QByteArray path = approvePath(id).toLatin1();
    QTRY_COMPARE(m_fixture.server().standardError().count(path) +
                     m_fixture.server(1).standardError().count(path),
                 kApprovals);
    QVERIFY(m_fixture.server().standardError().count(path) > 0);
    QVERIFY(m_fixture.server(1).standardError().count(path) > 0);
}

QTEST_GUILESS_MAIN(TestReviewRoutes)
#include "tst_reviewroutes.moc"
