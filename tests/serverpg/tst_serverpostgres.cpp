// The server on PostgreSQL: two real server processes on one fresh database of the throwaway
// cluster that CTest starts (tests/postgres/cluster.sh), driven over HTTP through the whole
// flow (template, application, review, deduction), and racing reviewers spread over both
// processes producing exactly one decision and one voucher. Without PostgreSQL it fails.

#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"
#include "tests/support/apiclient.h"
#include "tests/support/postgrestestdatabase.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray describe(const ApiClient::Reply &reply)
{
    return QByteArray::number(reply.status) + ' ' + reply.body + reply.networkError.toUtf8();
}
} // namespace

class TestServerPostgres : public QObject
{
    Q_OBJECT

private:
    // A template and an application of manager.a for customer A, made over HTTP; the
    // application's id (null on failure, which the caller checks).
    QUuid submitOverHttp(ApiClient &manager, const QString &templateName,
                         QJsonObject *templateJson = nullptr)
    {
        const QUuid templateId = QUuid::createUuid();
        const auto created = manager.post(u"/api/v1/templates"_s,
                                          {{u"id"_s, text(templateId)},
                                           {u"name"_s, templateName},
                                           {u"kind"_s, u"specific"_s},
                                           {u"faceValueMinor"_s, 100000},
                                           {u"currency"_s, u"CNY"_s},
                                           {u"validityDays"_s, 30},
                                           {u"minSpendMinor"_s, 0},
                                           {u"payMode"_s, u"all"_s},
                                           {u"productCodes"_s, QJsonArray{u"cvm"_s, u"cos"_s}},
                                           {u"note"_s, u"For the PostgreSQL suite"_s}});
        if (created.status != 201) {
            qWarning("POST /api/v1/templates: %s", describe(created).constData());
            return {};
        }
        if (templateJson)
            *templateJson = created.json();
        const QUuid applicationId = QUuid::createUuid();
        const auto submitted = manager.post(
            u"/api/v1/applications"_s,
            {{u"id"_s, text(applicationId)},
             {u"templateId"_s, text(templateId)},
             {u"customerId"_s, text(m_ws->customerA.id)},
             {u"scenario"_s, u"Load test of CVM for a two-week trial before migration."_s}});
        if (submitted.status != 201) {
            qWarning("POST /api/v1/applications: %s", describe(submitted).constData());
            return {};
        }
        return applicationId;
    }

    qint64 issuedMinor() const
    {
        return PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor;
    }

    qint64 vouchersOf(const QUuid &applicationId) const
    {
        SqlStatement query =
            m_ws->db().prepare(u"SELECT COUNT(*) FROM vouchers WHERE application_id = :id"_s);
        query.bind(u":id"_s, applicationId).exec();
        return query.next() ? query.int64(0) : -1;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresTestDatabase>();
        QVERIFY2(m_pg->isValid(), qPrintable(m_pg->errorMessage()));
        m_ws = std::make_unique<TestWorkspace>(m_pg->url());
        QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
        QVERIFY(m_ws->db().isPostgres());
        QVERIFY2(m_first.start(m_pg->url()), qPrintable(m_first.errorMessage()));
        QVERIFY2(m_second.start(m_pg->url()), qPrintable(m_second.errorMessage()));
    }

    void cleanupTestCase()
    {
        // Servers, then the fixture's connections, then the database itself.
        m_first.stop();
        m_second.stop();
        m_ws.reset();
        m_pg.reset();
    }

    void healthReachesPostgres()
    {
        ApiClient client(m_first.url());
        QCOMPARE(client.get(u"/health"_s).status, 200);
    }

    void signInHoldsOnEveryProcess()
    {
        // Sessions live in the database: a token from one process works on the other.
        ApiClient first(m_first.url());
        QCOMPARE(first.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);
        ApiClient second(m_second.url());
        second.setToken(first.token());
        const auto me = second.get(u"/api/v1/me"_s);
        QVERIFY2(me.status == 200, describe(me).constData());
        QCOMPARE(me.json().value(u"login"_s).toString(), u"manager.a"_s);
        QCOMPARE(first.post(u"/api/v1/auth/logout"_s, {}).status, 204);
        QCOMPARE(second.get(u"/api/v1/me"_s).status, 401);
    }

    void wholeFlowOverHttp()
    {
        ApiClient manager(m_first.url());
        QCOMPARE(manager.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);

        QJsonObject templateJson;
        const QUuid applicationId = submitOverHttp(manager, u"PG flow template"_s, &templateJson);
        QVERIFY(!applicationId.isNull());
        QCOMPARE(templateJson.value(u"locked"_s).toBool(), false);
        QCOMPARE(templateJson.value(u"version"_s).toInt(), 1);
        const QString templateId = templateJson.value(u"id"_s).toString();

        // The submission locked the template; the other process sees it too.
        ApiClient managerOnSecond(m_second.url());
        managerOnSecond.setToken(manager.token());
        const auto lockedTemplate = managerOnSecond.get(u"/api/v1/templates/"_s + templateId);
        QVERIFY2(lockedTemplate.status == 200, describe(lockedTemplate).constData());
        QCOMPARE(lockedTemplate.json().value(u"locked"_s).toBool(), true);
        const auto application =
            managerOnSecond.get(u"/api/v1/applications/"_s + text(applicationId));
        QVERIFY2(application.status == 200, describe(application).constData());
        QCOMPARE(application.json().value(u"status"_s).toString(), u"pending_review"_s);
        QVERIFY(!application.json().value(u"reviewDueAt"_s).toString().isEmpty());

        // The reviewer works on the other process.
        ApiClient reviewer(m_second.url());
        QCOMPARE(reviewer.signIn(u"reviewer"_s, u"password-reviewer"_s).status, 200);
        const auto queue = reviewer.get(u"/api/v1/review-queue"_s);
        QVERIFY2(queue.status == 200, describe(queue).constData());
        bool queued = false;
        for (const QJsonValue &item : queue.json().value(u"items"_s).toArray())
            queued = queued || item[u"id"_s].toString() == text(applicationId);
        QVERIFY2(queued, queue.body.constData());

        const qint64 issuedBefore = issuedMinor();
        const auto approved =
            reviewer.post(u"/api/v1/applications/%1/approve"_s.arg(text(applicationId)),
                          {{u"comment"_s, u"Fine for a trial."_s}});
        QVERIFY2(approved.status == 200, describe(approved).constData());
        QCOMPARE(approved.json().value(u"status"_s).toString(), u"approved"_s);
        const QString voucherId = approved.json().value(u"voucherId"_s).toString();
        QVERIFY(!QUuid::fromString(voucherId).isNull());
        QCOMPARE(issuedMinor(), issuedBefore + 100000);

        // The manager sees the voucher and pays part of a bill with it.
        const auto voucher = manager.get(u"/api/v1/vouchers/"_s + voucherId);
        QVERIFY2(voucher.status == 200, describe(voucher).constData());
        QCOMPARE(voucher.json().value(u"balanceMinor"_s).toInteger(), 100000);
        QCOMPARE(voucher.json().value(u"status"_s).toString(), u"unused"_s);
        QVERIFY(voucher.json().value(u"code"_s).toString().startsWith(u"VV"_s));

        const QUuid deductionId = QUuid::createUuid();
        const QJsonObject deduction{{u"id"_s, text(deductionId)},
                                    {u"orderId"_s, u"ORDER-PG-1"_s},
                                    {u"productCode"_s, u"cvm"_s},
                                    {u"payMode"_s, u"prepaid"_s},
                                    {u"orderAmountMinor"_s, 30000}};
        const auto paid =
            manager.post(u"/api/v1/vouchers/%1/deductions"_s.arg(voucherId), deduction);
        QVERIFY2(paid.status == 201, describe(paid).constData());
        QCOMPARE(paid.json().value(u"deductedMinor"_s).toInteger(), 30000);
        // A retry (on the other process) is the same payment, not a second one.
        const auto repeated =
            managerOnSecond.post(u"/api/v1/vouchers/%1/deductions"_s.arg(voucherId), deduction);
        QCOMPARE(repeated.status, 201);
        QCOMPARE(repeated.body, paid.body);

        const auto after = managerOnSecond.get(u"/api/v1/vouchers/"_s + voucherId);
        QCOMPARE(after.json().value(u"balanceMinor"_s).toInteger(), 70000);
        QCOMPARE(after.json().value(u"status"_s).toString(), u"partially_used"_s);

        // And it is all in PostgreSQL.
        const auto stored = ApplicationRepository(m_ws->db()).find(applicationId);
        QVERIFY(stored);
        QCOMPARE(stored->status, ApplicationStatus::Approved);
        const auto storedVoucher = VoucherRepository(m_ws->db()).find(QUuid::fromString(voucherId));
        QVERIFY(storedVoucher);
        QCOMPARE(storedVoucher->balanceMinor, 70000);
        QCOMPARE(VoucherRepository(m_ws->db()).deductions(storedVoucher->id).size(), 1);
    }

    void concurrentApprovalsOverTwoProcessesGiveOneVoucher()
    {
        ApiClient manager(m_first.url());
        QCOMPARE(manager.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);
        const QUuid applicationId = submitOverHttp(manager, u"PG race template"_s);
        QVERIFY(!applicationId.isNull());
        const qint64 issuedBefore = issuedMinor();

        // Four reviewers' clients, two per process, each with its own connections, so all
        // twenty approvals are on the wire together.
        constexpr int clients = 4;
        constexpr int perClient = 5;
        std::vector<std::unique_ptr<ApiClient>> reviewers;
        for (int c = 0; c < clients; ++c) {
            reviewers.push_back(
                std::make_unique<ApiClient>(c % 2 == 0 ? m_first.url() : m_second.url()));
            QCOMPARE(reviewers.back()->signIn(u"reviewer"_s, u"password-reviewer"_s).status, 200);
        }
        QList<QNetworkReply *> replies;
        const QString path = u"/api/v1/applications/%1/approve"_s.arg(text(applicationId));
        for (int i = 0; i < perClient; ++i) {
            for (const auto &reviewer : reviewers)
                replies.append(reviewer->start("POST", path, "{}"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                             [](QNetworkReply *r) { return r->isFinished(); }),
                                 60000);

        int approvedCount = 0;
        QString voucherId;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const ApiClient::Reply answer = ApiClient::finish(reply);
            reply->deleteLater();
            if (answer.status == 200) {
                ++approvedCount;
                voucherId = answer.json().value(u"voucherId"_s).toString();
            } else {
                QVERIFY2(answer.status == 409, describe(answer).constData());
                QCOMPARE(answer.errorCode(), u"FailedOperation.ApplicationNotPending"_s);
            }
        }
        QCOMPARE(approvedCount, 1);
        QCOMPARE(vouchersOf(applicationId), 1);
        const auto stored = ApplicationRepository(m_ws->db()).find(applicationId);
        QCOMPARE(text(stored->voucherId), voucherId);
        QCOMPARE(issuedMinor(), issuedBefore + 100000); // the quota pays for one voucher
    }

private:
    std::unique_ptr<PostgresTestDatabase> m_pg;
    std::unique_ptr<TestWorkspace> m_ws;
    ServerProcess m_first;
    ServerProcess m_second;
};

QTEST_MAIN(TestServerPostgres)
#include "tst_serverpostgres.moc"
