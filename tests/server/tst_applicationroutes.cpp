// The application routes over HTTP against the real binary: submitting (idempotent, also when
// identical submissions race on two server processes), listing, reading and cancelling, each
// error code, and another partner's applications answering 404 on every route.

#include "core/api/apijson.h"
#include "core/repositories/applicationrepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestApplicationRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void submitCreatesPendingApplication();
    void repeatedSubmitAnswersTheFirstResult();
    void sameIdWithAnotherBodyIsAConflict();
    void racingIdenticalSubmitsCreateOneApplication();
    void refusedSubmitsChangeNothing_data();
    void refusedSubmitsChangeNothing();
    void onlyPartnerManagersSubmit();
    void signInIsRequired();

    void listIsScopedToThePartner();
    void listFiltersAndPages();
    void badListParametersAre400_data();
    void badListParametersAre400();

    void getIsScopedToThePartner();

    void ownerCancelsPendingApplication();
    void cancelOnlyFromPendingReview();
    void cancelOfAnotherPartnersApplicationIsNotFound();
    void onlyTheOwningPartnerCancels();

private:
    QJsonObject submitBody(const QUuid &id) const;
    std::optional<Application> stored(const QUuid &id) const;

    ServerFixture m_fixture{2}; // a second process on the same database
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_managerA, m_managerB, m_reviewer, m_admin;
    VoucherTemplate m_templateA, m_templateB;
};

void TestApplicationRoutes::initTestCase()
{
    QVERIFY(m_ws.isValid());
    m_templateA = m_ws.createTemplate(u"API trial"_s);
    m_templateB =
        m_ws.createTemplate(u"API trial B"_s, VoucherKind::Universal, 200000, &m_ws.managerB);
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
    m_managerA = m_fixture.client(u"manager.a"_s);
    m_managerB = m_fixture.client(u"manager.b"_s);
    m_reviewer = m_fixture.client(u"reviewer"_s);
    m_admin = m_fixture.client(u"admin"_s);
    QVERIFY(m_managerA && m_managerB && m_reviewer && m_admin);
}

QJsonObject TestApplicationRoutes::submitBody(const QUuid &id) const
{
    return {{u"id"_s, idText(id)},
            {u"templateId"_s, idText(m_templateA.id)},
            {u"customerId"_s, idText(m_ws.customerA.id)},
            {u"scenario"_s, u"Load test of CVM ahead of a database migration."_s}};
}

std::optional<Application> TestApplicationRoutes::stored(const QUuid &id) const
{
    return ApplicationRepository(m_ws.db()).find(id);
}

void TestApplicationRoutes::submitCreatesPendingApplication()
{
    const QUuid id = QUuid::createUuid();
    const auto reply = m_managerA->post(u"/api/v1/applications"_s, submitBody(id));
    QCOMPARE(reply.status, 201);
    const QJsonObject json = reply.json();
    QCOMPARE(json[u"id"_s].toString(), idText(id));
    QCOMPARE(json[u"status"_s].toString(), u"pending_review"_s);
    QCOMPARE(json[u"partnerId"_s].toString(), idText(m_ws.partnerA.id));
    QCOMPARE(json[u"customerId"_s].toString(), idText(m_ws.customerA.id));
    QCOMPARE(json[u"scenario"_s].toString(), u"Load test of CVM ahead of a database migration."_s);
    QVERIFY(json[u"voucherId"_s].isNull());
    QCOMPARE(json[u"version"_s].toInt(), 1);
    const QDateTime submitted =
        QDateTime::fromString(json[u"submittedAt"_s].toString(), Qt::ISODateWithMs);
    const QDateTime due =
        QDateTime::fromString(json[u"reviewDueAt"_s].toString(), Qt::ISODateWithMs);
    QVERIFY(submitted.isValid());
    QVERIFY(due > submitted.addDays(2)); // three business days
    QCOMPARE(json[u"templateSnapshot"_s][u"id"_s].toString(), idText(m_templateA.id));
    QCOMPARE(json[u"templateSnapshot"_s][u"faceValueMinor"_s].toInteger(),
             m_templateA.faceValueMinor);

    const auto application = stored(id);
    QVERIFY(application);
    QCOMPARE(application->status, ApplicationStatus::PendingReview);
    QCOMPARE(application->submittedBy, m_ws.managerA.userId);
    QCOMPARE(application->reviewDueAt, due);
}

void TestApplicationRoutes::repeatedSubmitAnswersTheFirstResult()
{
    const QUuid id = QUuid::createUuid();
    const auto first = m_managerA->post(u"/api/v1/applications"_s, submitBody(id));
    QCOMPARE(first.status, 201);
    const qint64 rev = StoreProbe::changeRev(m_ws.db());

    // The repeat may reach the other process; it answers from the same database.
    ApiClient other(m_fixture.server(1).url());
    other.setToken(m_managerA->token());
    const auto repeat = other.post(u"/api/v1/applications"_s, submitBody(id));
    QCOMPARE(repeat.status, 201);
    QCOMPARE(repeat.body, first.body);
    QCOMPARE(StoreProbe::changeRev(m_ws.db()), rev); // nothing written the second time
}

void TestApplicationRoutes::sameIdWithAnotherBodyIsAConflict()
{
    const QUuid id = QUuid::createUuid();
    QCOMPARE(m_managerA->post(u"/api/v1/applications"_s, submitBody(id)).status, 201);
    const StoreSnapshot before(m_ws.db());

    QJsonObject changed = submitBody(id);
    changed[u"scenario"_s] = u"Another scenario entirely, for the same id."_s;
    const auto reply = m_managerA->post(u"/api/v1/applications"_s, changed);
    COMPARE_ERROR(reply, 409, u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());

    // Another partner reusing the id learns nothing about the first application.
    QJsonObject foreign{{u"id"_s, idText(id)},
                        {u"templateId"_s, idText(m_templateB.id)},
                        {u"customerId"_s, idText(m_ws.customerB.id)},
                        {u"scenario"_s, u"Load test of CVM ahead of a database migration."_s}};
    const auto fromB = m_managerB->post(u"/api/v1/applications"_s, foreign);
    COMPARE_ERROR(fromB, 409, u"FailedOperation.IdempotencyConflict"_s);
    QVERIFY(!fromB.body.contains(idText(m_templateA.id).toLatin1()));
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestApplicationRoutes::racingIdenticalSubmitsCreateOneApplication()
{
    for (int round = 0; round < 5; ++round) {
        const QUuid id = QUuid::createUuid();
        const qint64 applicationsBefore = StoreProbe::rowCount(m_ws.db(), u"applications"_s);
        QList<ConcurrentRequest> requests;
        for (int i = 0; i < 4; ++i) {
            requests.append({m_fixture.server(i % 2).url(), m_managerA->token(),
                             u"/api/v1/applications"_s, submitBody(id)});
        }
        QList<ApiClient::Reply> replies;
        postConcurrently(requests, &replies);
        if (QTest::currentTestFailed())
            return;
        for (const ApiClient::Reply &reply : std::as_const(replies)) {
            QCOMPARE(reply.status, 201);
            QCOMPARE(reply.body, replies.first().body);
        }
        QCOMPARE(StoreProbe::rowCount(m_ws.db(), u"applications"_s), applicationsBefore + 1);
        QVERIFY(stored(id));
    }
}

void TestApplicationRoutes::refusedSubmitsChangeNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QJsonValue absent(QJsonValue::Undefined);
    QTest::newRow("unknown template") << u"templateId"_s << QJsonValue(idText(QUuid::createUuid()))
                                      << 404 << u"ResourceNotFound.Template"_s;
    QTest::newRow("another partner's template")
        << u"templateId"_s << QJsonValue(idText(m_templateB.id)) << 404
        << u"ResourceNotFound.Template"_s;
    QTest::newRow("unknown customer") << u"customerId"_s << QJsonValue(idText(QUuid::createUuid()))
                                      << 404 << u"ResourceNotFound.Customer"_s;
    QTest::newRow("another partner's customer")
        << u"customerId"_s << QJsonValue(idText(m_ws.customerB.id)) << 404
        << u"ResourceNotFound.Customer"_s;
    QTest::newRow("ineligible customer")
        << u"customerId"_s << QJsonValue(idText(m_ws.ineligibleCustomerA.id)) << 400
        << u"InvalidParameter.CustomerId"_s;
    QTest::newRow("scenario too short")
        << u"scenario"_s << QJsonValue(u"Too short"_s) << 400 << u"InvalidParameter.Scenario"_s;
    QTest::newRow("scenario too long") << u"scenario"_s << QJsonValue(QString(1001, u'x')) << 400
                                       << u"InvalidParameter.Scenario"_s;
    QTest::newRow("scenario a number") << u"scenario"_s << QJsonValue(qint64(12345678901)) << 400
                                       << u"InvalidParameter.Scenario"_s;
    QTest::newRow("scenario missing")
        << u"scenario"_s << absent << 400 << u"InvalidParameter.Scenario"_s;
    QTest::newRow("id missing") << u"id"_s << absent << 400 << u"InvalidParameter.Id"_s;
    QTest::newRow("id not a uuid")
        << u"id"_s << QJsonValue(u"42"_s) << 400 << u"InvalidParameter.Id"_s;
    QTest::newRow("template id not a uuid")
        << u"templateId"_s << QJsonValue(u"'; DROP TABLE applications; --"_s) << 400
        << u"InvalidParameter.TemplateId"_s;
    QTest::newRow("customer id a number")
        << u"customerId"_s << QJsonValue(7) << 400 << u"InvalidParameter.CustomerId"_s;
}

void TestApplicationRoutes::refusedSubmitsChangeNothing()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, status);
    QFETCH(QString, code);

    const StoreSnapshot before(m_ws.db());
    QJsonObject body = submitBody(QUuid::createUuid());
    if (value.isUndefined())
        body.remove(field);
    else
        body[field] = value;
    const auto reply = m_managerA->post(u"/api/v1/applications"_s, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.json()[u"error"_s][u"message"_s].toString().isEmpty());
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestApplicationRoutes::onlyPartnerManagersSubmit()
{
    const StoreSnapshot before(m_ws.db());
    for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
        const auto reply = client->post(u"/api/v1/applications"_s, submitBody(QUuid::createUuid()));
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
    }
    const auto malformed =
        m_managerA->send("POST", u"/api/v1/applications"_s, "{\"id\": \"unterminated");
    QCOMPARE(malformed.status, 400);
    QVERIFY(malformed.errorCode().startsWith(u"InvalidParameter"_s));
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestApplicationRoutes::signInIsRequired()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    ApiClient anonymous(m_fixture.server().url());
    const QList<QPair<QByteArray, QString>> routes = {
        {"POST", u"/api/v1/applications"_s},
        {"GET", u"/api/v1/applications"_s},
        {"GET", u"/api/v1/applications/"_s + idText(id)},
        {"POST", u"/api/v1/applications/"_s + idText(id) + u"/cancel"_s},
    };
    for (const auto &[method, path] : routes) {
        const auto reply = anonymous.send(method, path, "{}");
        COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);
    }
    QCOMPARE(stored(id)->status, ApplicationStatus::PendingReview);
}

void TestApplicationRoutes::listIsScopedToThePartner()
{
    const QUuid ownA = m_ws.submit(m_templateA.id);
    const QUuid ownB = m_ws.submit(m_templateB.id, &m_ws.managerB, &m_ws.customerB);
    const ApplicationRepository repository(m_ws.db());

    const auto asA = m_managerA->get(u"/api/v1/applications?limit=200"_s);
    QCOMPARE(asA.status, 200);
    QCOMPARE(asA.json()[u"totalCount"_s].toInteger(),
             repository.count(std::nullopt, m_ws.partnerA.id));
    for (const QJsonValue &item : asA.json()[u"items"_s].toArray())
        QCOMPARE(item[u"partnerId"_s].toString(), idText(m_ws.partnerA.id));
    QVERIFY(itemIds(asA).contains(idText(ownA)));
    QVERIFY(!itemIds(asA).contains(idText(ownB)));

    const auto asB = m_managerB->get(u"/api/v1/applications?limit=200"_s);
    QCOMPARE(asB.status, 200);
    QCOMPARE(asB.json()[u"totalCount"_s].toInteger(),
             repository.count(std::nullopt, m_ws.partnerB.id));
    QVERIFY(itemIds(asB).contains(idText(ownB)));
    QVERIFY(!itemIds(asB).contains(idText(ownA)));

    for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
        const auto all = client->get(u"/api/v1/applications?limit=200"_s);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json()[u"totalCount"_s].toInteger(), repository.count(std::nullopt));
        QVERIFY(itemIds(all).contains(idText(ownA)));
        QVERIFY(itemIds(all).contains(idText(ownB)));
    }
}

void TestApplicationRoutes::listFiltersAndPages()
{
    const QUuid approved = m_ws.submit(m_templateA.id);
    m_ws.approve(approved);
    const ApplicationRepository repository(m_ws.db());

    const auto pending = m_managerA->get(u"/api/v1/applications?status=pending_review&limit=200"_s);
    QCOMPARE(pending.status, 200);
    QCOMPARE(pending.json()[u"totalCount"_s].toInteger(),
             repository.count(ApplicationStatus::PendingReview, m_ws.partnerA.id));
    for (const QJsonValue &item : pending.json()[u"items"_s].toArray())
        QCOMPARE(item[u"status"_s].toString(), u"pending_review"_s);
    QVERIFY(!itemIds(pending).contains(idText(approved)));

    const auto approvedList = m_reviewer->get(u"/api/v1/applications?status=approved"_s);
    QCOMPARE(approvedList.status, 200);
    QVERIFY(itemIds(approvedList).contains(idText(approved)));
    for (const QJsonValue &item : approvedList.json()[u"items"_s].toArray())
        QVERIFY(!item[u"voucherId"_s].toString().isEmpty());

    // Pages follow the repository's order: the latest submission first.
    const QList<Application> expected = repository.list(std::nullopt, m_ws.partnerA.id, 2, 1);
    QCOMPARE(expected.size(), 2);
    const auto page = m_managerA->get(u"/api/v1/applications?offset=1&limit=2"_s);
    QCOMPARE(page.status, 200);
    QCOMPARE(itemIds(page), (QList<QString>{idText(expected[0].id), idText(expected[1].id)}));
    QCOMPARE(page.json()[u"totalCount"_s].toInteger(),
             repository.count(std::nullopt, m_ws.partnerA.id));
    const QJsonObject item = page.json()[u"items"_s][0].toObject();
    QCOMPARE(item, ApiJson::toJson(expected[0]));
}

void TestApplicationRoutes::badListParametersAre400_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown status") << u"status=maybe"_s << u"InvalidParameter.Status"_s;
    QTest::newRow("limit too large") << u"limit=201"_s << u"InvalidParameter.Limit"_s;
    QTest::newRow("limit zero") << u"limit=0"_s << u"InvalidParameter.Limit"_s;
    QTest::newRow("negative offset") << u"offset=-1"_s << u"InvalidParameter.Offset"_s;
    QTest::newRow("huge offset") << u"offset=99999999999999999999"_s
                                 << u"InvalidParameter.Offset"_s;
}

void TestApplicationRoutes::badListParametersAre400()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    const auto reply = m_managerA->get(u"/api/v1/applications?"_s + query);
    COMPARE_ERROR(reply, 400, code);
}

void TestApplicationRoutes::getIsScopedToThePartner()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const QString path = u"/api/v1/applications/"_s + idText(id);

    const auto own = m_managerA->get(path);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json(), ApiJson::toJson(*stored(id)));
    QCOMPARE(m_reviewer->get(path).status, 200);
    QCOMPARE(m_admin->get(path).status, 200);

    const auto foreign = m_managerB->get(path);
    COMPARE_ERROR(foreign, 404, u"ResourceNotFound.Application"_s);
    // Exactly like an id that does not exist.
    const auto missing = m_managerB->get(u"/api/v1/applications/"_s + idText(QUuid::createUuid()));
    COMPARE_ERROR(missing, 404, u"ResourceNotFound.Application"_s);
    QCOMPARE(m_reviewer->get(u"/api/v1/applications/not-a-uuid"_s).status, 404);
}

void TestApplicationRoutes::ownerCancelsPendingApplication()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const auto reply = m_managerA->post(u"/api/v1/applications/"_s + idText(id) + u"/cancel"_s, {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"status"_s].toString(), u"cancelled"_s);
    QVERIFY(!reply.json()[u"cancelledAt"_s].toString().isEmpty());
    QCOMPARE(reply.json()[u"version"_s].toInt(), 2);
    const auto application = stored(id);
    QCOMPARE(application->status, ApplicationStatus::Cancelled);
    QCOMPARE(reply.json(), ApiJson::toJson(*application));
}

void TestApplicationRoutes::cancelOnlyFromPendingReview()
{
    const QUuid cancelled = m_ws.submit(m_templateA.id);
    const QString cancelPath = u"/api/v1/applications/"_s + idText(cancelled) + u"/cancel"_s;
    QCOMPARE(m_managerA->post(cancelPath, {}).status, 200);
    const QUuid approved = m_ws.submit(m_templateA.id);
    m_ws.approve(approved);

    const StoreSnapshot before(m_ws.db());
    auto reply = m_managerA->post(cancelPath, {});
    COMPARE_ERROR(reply, 409, u"FailedOperation.ApplicationNotPending"_s);
    reply = m_managerA->post(u"/api/v1/applications/"_s + idText(approved) + u"/cancel"_s, {});
    COMPARE_ERROR(reply, 409, u"FailedOperation.ApplicationNotPending"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
    QCOMPARE(stored(approved)->status, ApplicationStatus::Approved);
}

void TestApplicationRoutes::cancelOfAnotherPartnersApplicationIsNotFound()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_managerB->post(u"/api/v1/applications/"_s + idText(id) + u"/cancel"_s, {});
    COMPARE_ERROR(reply, 404, u"ResourceNotFound.Application"_s);
    const auto missing = m_managerA->post(
        u"/api/v1/applications/"_s + idText(QUuid::createUuid()) + u"/cancel"_s, {});
    COMPARE_ERROR(missing, 404, u"ResourceNotFound.Application"_s);
    QCOMPARE(m_managerA->post(u"/api/v1/applications/nope/cancel"_s, {}).status, 404);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestApplicationRoutes::onlyTheOwningPartnerCancels()
{
    const QUuid id = m_ws.submit(m_templateA.id);
    const StoreSnapshot before(m_ws.db());
    for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
        const auto reply = client->post(u"/api/v1/applications/"_s + idText(id) + u"/cancel"_s, {});
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
    }
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

QTEST_GUILESS_MAIN(TestApplicationRoutes)
#include "tst_applicationroutes.moc"
