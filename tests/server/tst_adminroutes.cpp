// The administrator's routes over HTTP against the real binary: invalidating a voucher (its
// balance back in the quota pool) and setting a partner's quota, with every refusal.

#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAdminRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void invalidateReturnsTheBalanceToThePool();
    void invalidateTwiceIsAConflict();
    void invalidateUnknownVoucher();
    void invalidateBadBodies_data();
    void invalidateBadBodies();
    void invalidateIsForAdministratorsOnly();

    void setQuota();
    void quotaBelowIssuedIsAConflict();
    void setQuotaUnknownPartner();
    void setQuotaBadBodies_data();
    void setQuotaBadBodies();
    void setQuotaIsForAdministratorsOnly();
    void signInIsRequired();

private:
    QString invalidatePath(const QUuid &voucher) const
    {
        return u"/api/v1/vouchers/"_s + idText(voucher) + u"/invalidate"_s;
    }
    QString quotaPath(const QUuid &partner) const
    {
        return u"/api/v1/partners/"_s + idText(partner) + u"/quota"_s;
    }

    ServerFixture m_fixture;
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_admin, m_managerA, m_managerB, m_reviewer;
    QUuid m_toReclaim, m_spare, m_voucherB;
};

void TestAdminRoutes::initTestCase()
{
    QVERIFY(m_ws.isValid());
    m_ws.setNow(QDateTime::currentDateTimeUtc().addSecs(-3600));
    m_toReclaim = m_ws.approve(m_ws.submit(m_ws.createTemplate(u"Reclaim me"_s).id));
    m_spare = m_ws.approve(m_ws.submit(m_ws.createTemplate(u"Spare"_s).id));
    const QUuid templateB =
        m_ws.createTemplate(u"B"_s, VoucherKind::Specific, 100000, &m_ws.managerB).id;
    m_voucherB = m_ws.approve(m_ws.submit(templateB, &m_ws.managerB, &m_ws.customerB));

    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
    m_admin = m_fixture.client(u"admin"_s);
    m_managerA = m_fixture.client(u"manager.a"_s);
    m_managerB = m_fixture.client(u"manager.b"_s);
    m_reviewer = m_fixture.client(u"reviewer"_s);
    QVERIFY(m_admin && m_managerA && m_managerB && m_reviewer);
}

void TestAdminRoutes::invalidateReturnsTheBalanceToThePool()
{
    const Partner before = *PartnerRepository(m_ws.db()).find(m_ws.partnerA.id);
    const auto reply = m_admin->post(invalidatePath(m_toReclaim),
                                     QJsonObject{{u"reason"_s, u"Issued by mistake"_s}});
    QCOMPARE(reply.status, 200);
    const QJsonObject voucher = reply.json();
    QCOMPARE(voucher[u"id"_s].toString(), idText(m_toReclaim));
    QCOMPARE(voucher[u"status"_s].toString(), u"invalidated"_s);
    QVERIFY(!voucher[u"invalidatedAt"_s].toString().isEmpty());
    QCOMPARE(voucher[u"balanceMinor"_s].toInteger(), 100000);

    const Partner after = *PartnerRepository(m_ws.db()).find(m_ws.partnerA.id);
    QCOMPARE(after.issuedMinor, before.issuedMinor - 100000);
    QVERIFY(VoucherRepository(m_ws.db()).find(m_toReclaim)->invalidatedAt.isValid());
    QCOMPARE(StoreProbe::scalar(m_ws.db(), u"SELECT COUNT(*) FROM audit_events WHERE action = "
                                           u"'InvalidateVoucher' AND details LIKE "
                                           u"'%Issued by mistake%'"_s),
             1);
    // The partner sees it too.
    QCOMPARE(m_managerA->get(u"/api/v1/vouchers/"_s + idText(m_toReclaim))
                 .json()[u"status"_s]
                 .toString(),
             u"invalidated"_s);

    // Without a body (no reason) works as well.
    const auto bare = m_admin->send("POST", invalidatePath(m_voucherB), {});
    QCOMPARE(bare.status, 200);
    QCOMPARE(bare.json()[u"status"_s].toString(), u"invalidated"_s);
}

void TestAdminRoutes::invalidateTwiceIsAConflict()
{
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_admin->post(invalidatePath(m_toReclaim), {});
    COMPARE_ERROR(reply, 409, u"FailedOperation.VoucherInvalidated"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestAdminRoutes::invalidateUnknownVoucher()
{
    for (const QString &path :
         QStringList{invalidatePath(QUuid::createUuid()), u"/api/v1/vouchers/nope/invalidate"_s}) {
        const auto reply = m_admin->post(path, {});
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Voucher"_s);
    }
}

void TestAdminRoutes::invalidateBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("reason not text")
        << QByteArray(R"({"reason": 42})") << u"InvalidParameter.Reason"_s;
    QTest::newRow("reason too long")
        << QJsonDocument(QJsonObject{{u"reason"_s, QString(501, u'r')}}).toJson()
        << u"InvalidParameter.Reason"_s;
    QTest::newRow("not JSON") << QByteArray("reason=oops") << u"InvalidParameter.Body"_s;
}

void TestAdminRoutes::invalidateBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_admin->send("POST", invalidatePath(m_spare), body);
    COMPARE_ERROR(reply, 400, code);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestAdminRoutes::invalidateIsForAdministratorsOnly()
{
    const StoreSnapshot before(m_ws.db());
    // The role is refused before anything is looked up: the owner, another partner, a reviewer.
    for (ApiClient *client : {m_managerA.get(), m_managerB.get(), m_reviewer.get()}) {
        const auto reply = client->post(invalidatePath(m_spare), {});
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
        QCOMPARE(client->post(invalidatePath(QUuid::createUuid()), {}).status, 403);
    }
    VD_VERIFY_UNCHANGED(before, m_ws.db());
    QCOMPARE(m_managerA->get(u"/api/v1/vouchers/"_s + idText(m_spare)).json()[u"status"_s],
             QJsonValue(u"unused"_s));
}

void TestAdminRoutes::setQuota()
{
    const auto reply =
        m_admin->put(quotaPath(m_ws.partnerB.id), QJsonObject{{u"quotaMinor"_s, 75000000}});
    QCOMPARE(reply.status, 200);
    const QJsonObject partner = reply.json();
    QCOMPARE(partner[u"id"_s].toString(), idText(m_ws.partnerB.id));
    QCOMPARE(partner[u"quotaMinor"_s].toInteger(), 75000000);
    // Partner B's voucher was invalidated: nothing of it is still issued.
    QCOMPARE(partner[u"issuedMinor"_s].toInteger(), 0);
    QCOMPARE(partner[u"remainingMinor"_s].toInteger(), 75000000);
    QCOMPARE(PartnerRepository(m_ws.db()).find(m_ws.partnerB.id)->quotaMinor, 75000000);

    // Exactly what is issued is allowed: the pool is then exhausted.
    const qint64 issuedA = PartnerRepository(m_ws.db()).find(m_ws.partnerA.id)->issuedMinor;
    QVERIFY(issuedA > 0);
    const auto exact =
        m_admin->put(quotaPath(m_ws.partnerA.id), QJsonObject{{u"quotaMinor"_s, double(issuedA)}});
    QCOMPARE(exact.status, 200);
    QCOMPARE(exact.json()[u"remainingMinor"_s].toInteger(), 0);
}

void TestAdminRoutes::quotaBelowIssuedIsAConflict()
{
    const qint64 issuedA = PartnerRepository(m_ws.db()).find(m_ws.partnerA.id)->issuedMinor;
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_admin->put(quotaPath(m_ws.partnerA.id),
                                    QJsonObject{{u"quotaMinor"_s, double(issuedA - 1)}});
    COMPARE_ERROR(reply, 409, u"FailedOperation.QuotaBelowIssued"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestAdminRoutes::setQuotaUnknownPartner()
{
    for (const QString &path :
         QStringList{quotaPath(QUuid::createUuid()), u"/api/v1/partners/acme/quota"_s}) {
        const auto reply = m_admin->put(path, QJsonObject{{u"quotaMinor"_s, 100}});
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Partner"_s);
    }
}

void TestAdminRoutes::setQuotaBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("missing") << QByteArray("{}");
    QTest::newRow("negative") << QByteArray(R"({"quotaMinor": -1})");
    QTest::newRow("fraction") << QByteArray(R"({"quotaMinor": 100.5})");
    QTest::newRow("text") << QByteArray(R"({"quotaMinor": "100"})");
    QTest::newRow("huge") << QByteArray(R"({"quotaMinor": 1e30})");
    QTest::newRow("beyond 2^53") << QByteArray(R"({"quotaMinor": 9007199254740993})");
    QTest::newRow("SQL-looking") << QByteArray(R"({"quotaMinor": "0; DELETE FROM partners"})");
}

void TestAdminRoutes::setQuotaBadBodies()
{
    QFETCH(QByteArray, body);
    const StoreSnapshot before(m_ws.db());
    const auto reply = m_admin->send("PUT", quotaPath(m_ws.partnerB.id), body);
    COMPARE_ERROR(reply, 400, u"InvalidParameter.QuotaMinor"_s);
    VD_VERIFY_UNCHANGED(before, m_ws.db());
    const auto malformed = m_admin->send("PUT", quotaPath(m_ws.partnerB.id), "{");
    QCOMPARE(malformed.errorCode(), u"InvalidParameter.Body"_s);
}

void TestAdminRoutes::setQuotaIsForAdministratorsOnly()
{
    const StoreSnapshot before(m_ws.db());
    const QJsonObject body{{u"quotaMinor"_s, 900000000}};
    // A manager may not grow its own pool, nor touch another partner's; reviewers neither.
    const QList<std::pair<ApiClient *, QUuid>> attempts = {{m_managerA.get(), m_ws.partnerA.id},
                                                           {m_managerB.get(), m_ws.partnerA.id},
                                                           {m_reviewer.get(), m_ws.partnerB.id}};
    for (const auto &[client, partner] : attempts) {
        const auto reply = client->put(quotaPath(partner), body);
        COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
    }
    VD_VERIFY_UNCHANGED(before, m_ws.db());
}

void TestAdminRoutes::signInIsRequired()
{
    ApiClient anonymous(m_fixture.server().url());
    QCOMPARE(anonymous.post(invalidatePath(m_spare), {}).status, 401);
    QCOMPARE(anonymous.put(quotaPath(m_ws.partnerA.id), QJsonObject{{u"quotaMinor"_s, 1}}).status,
             401);
    // Wrong methods are told apart from unknown paths.
    const auto wrongMethod = m_admin->get(quotaPath(m_ws.partnerA.id));
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.header("Allow"), QByteArray("PUT"));
}

QTEST_MAIN(TestAdminRoutes)
#include "tst_adminroutes.moc"
