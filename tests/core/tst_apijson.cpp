#include "core/api/apijson.h"
#include "core/commands/vouchercommands.h"
#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/product.h"
#include "core/domain/user.h"
#include "core/domain/voucher.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// The REST representations of DESIGN.md section 4, field by field.
class TestApiJson : public QObject
{
    Q_OBJECT

private slots:
    void customer();
    void partnerHasItsQuotaPool();
    void userNeverHasTheHash();
    void product();
    void blocklistRevision();
    void deduction();
    void voucherStatusAtNow_data();
    void voucherStatusAtNow();
    void voucherScope();
    void templateIsItsOwnJson();
    void pendingApplication();
    void approvedApplicationAndItsVoucher();
    void voucherListRows();
    void bigMoneyStaysExact();
    void listEnvelope();
};

namespace {

const QUuid kId = QUuid::fromString(u"11111111-2222-4333-8444-555555555555"_s);
const QUuid kPartner = QUuid::fromString(u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s);
const QDateTime kAt(QDate(2026, 11, 27), QTime(2, 0, 0, 123), Qt::UTC);
const QString kAtText = u"2026-11-27T02:00:00.123Z"_s;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

Voucher sampleVoucher()
{
    Voucher v;
    v.id = kId;
    v.code = u"VV000000000042"_s;
    v.applicationId = QUuid::fromString(u"22222222-2222-4333-8444-555555555555"_s);
    v.partnerId = kPartner;
    v.customerId = QUuid::fromString(u"33333333-2222-4333-8444-555555555555"_s);
    v.kind = VoucherKind::Specific;
    v.payMode = PayMode::Prepaid;
    v.currency = u"CNY"_s;
    v.faceValueMinor = 100000;
    v.balanceMinor = 100000;
    v.minSpendMinor = 500;
    v.effectiveAt = kAt;
    v.expiresAt = kAt.addDays(30);
    v.productCodes = {u"cvm"_s, u"cos"_s};
    return v;
}

} // namespace

void TestApiJson::customer()
{
    Customer c;
    c.id = kId;
    c.partnerId = kPartner;
    c.name = u"Acme \"Test\" Co"_s;
    c.uin = u"100000001"_s;
    c.eligible = false;
    c.createdAt = kAt;
    c.rev = 99;
    const QJsonObject expected{
        {u"id"_s, idText(kId)}, {u"partnerId"_s, idText(kPartner)},
        {u"name"_s, c.name},    {u"uin"_s, u"100000001"_s},
        {u"eligible"_s, false}, {u"createdAt"_s, kAtText},
    };
    QCOMPARE(ApiJson::toJson(c), expected);
}

void TestApiJson::partnerHasItsQuotaPool()
{
    Partner p;
    p.id = kPartner;
    p.name = u"Demo Partner A"_s;
    p.quotaMinor = 100000000;
    p.issuedMinor = 25000000;
    p.currency = u"USD"_s;
    p.createdAt = kAt;
    const QJsonObject expected{
        {u"id"_s, idText(kPartner)},     {u"name"_s, u"Demo Partner A"_s},
        {u"quotaMinor"_s, 100000000},    {u"issuedMinor"_s, 25000000},
        {u"remainingMinor"_s, 75000000}, {u"currency"_s, u"USD"_s},
        {u"createdAt"_s, kAtText},
    };
    QCOMPARE(ApiJson::toJson(p), expected);
}

void TestApiJson::userNeverHasTheHash()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const auto user = UserRepository(ws.db()).find(ws.managerA.userId);
    QVERIFY(user);
    QVERIFY(!user->passwordHash.isEmpty());

    const QJsonObject json = ApiJson::toJson(*user);
    QCOMPARE(sortedKeys(json), QStringList({u"active"_s, u"createdAt"_s, u"displayName"_s, u"id"_s,
                                            u"login"_s, u"partnerId"_s, u"role"_s}));
    QCOMPARE(json.value(u"id"_s).toString(), idText(ws.managerA.userId));
    QCOMPARE(json.value(u"login"_s).toString(), u"manager.a"_s);
    QCOMPARE(json.value(u"role"_s).toString(), u"partner_manager"_s);
    QCOMPARE(json.value(u"partnerId"_s).toString(), idText(ws.partnerA.id));
    QCOMPARE(json.value(u"active"_s).toBool(), true);
    QCOMPARE(json.value(u"createdAt"_s).toString(), ws.now().toString(Qt::ISODateWithMs));
    const QByteArray text = QJsonDocument(json).toJson();
    QVERIFY2(!text.contains("argon2"), text.constData());
    QVERIFY2(!text.contains(user->passwordHash.toUtf8()), text.constData());

    // The vendor's roles have no partner.
    const auto reviewer = UserRepository(ws.db()).find(ws.reviewer.userId);
    const QJsonObject reviewerJson = ApiJson::toJson(*reviewer);
    QCOMPARE(reviewerJson.value(u"role"_s).toString(), u"reviewer"_s);
    QVERIFY(reviewerJson.value(u"partnerId"_s).isNull());
}

void TestApiJson::product()
{
    Product p{u"cvm"_s, u"Cloud Virtual Machine"_s, u"云服务器"_s, u"Compute"_s, true};
    const QJsonObject expected{{u"code"_s, u"cvm"_s},
                               {u"name"_s, u"Cloud Virtual Machine"_s},
                               {u"nameZh"_s, u"云服务器"_s},
                               {u"category"_s, u"Compute"_s},
                               {u"active"_s, true}};
    QCOMPARE(ApiJson::toJson(p), expected);
}

void TestApiJson::blocklistRevision()
{
    BlocklistRevision r;
    r.revision = 3;
    r.effectiveAt = kAt;
    r.productCodes = {u"sms"_s, u"ssl"_s};
    const QJsonObject expected{{u"revision"_s, 3},
                               {u"effectiveAt"_s, kAtText},
                               {u"productCodes"_s, QJsonArray{u"sms"_s, u"ssl"_s}}};
    QCOMPARE(ApiJson::toJson(r), expected);
}

void TestApiJson::deduction()
{
    Deduction d;
    d.id = kId;
    d.voucherId = QUuid::fromString(u"44444444-2222-4333-8444-555555555555"_s);
    d.customerId = QUuid::fromString(u"33333333-2222-4333-8444-555555555555"_s);
    d.orderId = u"ORDER-1"_s;
    d.productCode = u"cvm"_s;
    d.payMode = PayMode::Postpaid;
    d.orderAmountMinor = 12000;
    d.deductedMinor = 10000;
    d.at = kAt;
    d.actorId = kPartner;
    const QJsonObject expected{
        {u"id"_s, idText(kId)},
        {u"voucherId"_s, u"44444444-2222-4333-8444-555555555555"_s},
        {u"customerId"_s, u"33333333-2222-4333-8444-555555555555"_s},
        {u"orderId"_s, u"ORDER-1"_s},
        {u"productCode"_s, u"cvm"_s},
        {u"payMode"_s, u"postpaid"_s},
        {u"orderAmountMinor"_s, 12000},
        {u"deductedMinor"_s, 10000},
        {u"at"_s, kAtText},
        {u"actorId"_s, idText(kPartner)},
    };
    QCOMPARE(ApiJson::toJson(d), expected);
}

void TestApiJson::voucherStatusAtNow_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<int>("daysLater");
    QTest::addColumn<bool>("invalidated");
    QTest::addColumn<QString>("status");
    QTest::newRow("unused") << qint64(100000) << 0 << false << u"unused"_s;
    QTest::newRow("partially used") << qint64(40000) << 1 << false << u"partially_used"_s;
    QTest::newRow("used up") << qint64(0) << 1 << false << u"used_up"_s;
    QTest::newRow("expired") << qint64(40000) << 30 << false << u"expired"_s;
    QTest::newRow("invalidated") << qint64(40000) << 1 << true << u"invalidated"_s;
}

void TestApiJson::voucherStatusAtNow()
{
    QFETCH(qint64, balance);
    QFETCH(int, daysLater);
    QFETCH(bool, invalidated);
    QFETCH(QString, status);
    Voucher v = sampleVoucher();
    v.balanceMinor = balance;
    if (invalidated)
        v.invalidatedAt = kAt.addSecs(60);
    const QJsonObject json = ApiJson::toJson(v, kAt.addDays(daysLater));
    QCOMPARE(json.value(u"status"_s).toString(), status);
    QCOMPARE(json.value(u"balanceMinor"_s).toInteger(), balance);
    QCOMPARE(json.value(u"invalidatedAt"_s),
             invalidated ? QJsonValue(u"2026-11-27T02:01:00.123Z"_s) : QJsonValue());
}

void TestApiJson::voucherScope()
{
    const Voucher specific = sampleVoucher();
    const QJsonObject expected{
        {u"id"_s, idText(kId)},
        {u"code"_s, u"VV000000000042"_s},
        {u"applicationId"_s, u"22222222-2222-4333-8444-555555555555"_s},
        {u"partnerId"_s, idText(kPartner)},
        {u"customerId"_s, u"33333333-2222-4333-8444-555555555555"_s},
        {u"kind"_s, u"specific"_s},
        {u"payMode"_s, u"prepaid"_s},
        {u"currency"_s, u"CNY"_s},
        {u"faceValueMinor"_s, 100000},
        {u"balanceMinor"_s, 100000},
        {u"minSpendMinor"_s, 500},
        {u"effectiveAt"_s, kAtText},
        {u"expiresAt"_s, u"2026-12-27T02:00:00.123Z"_s},
        {u"productCodes"_s, QJsonArray{u"cvm"_s, u"cos"_s}},
        {u"blockedProductCodes"_s, QJsonArray()},
        {u"blocklistRevision"_s, QJsonValue()},
        {u"invalidatedAt"_s, QJsonValue()},
        {u"status"_s, u"unused"_s},
    };
    QCOMPARE(ApiJson::toJson(specific, kAt), expected);

    Voucher universal = sampleVoucher();
    universal.kind = VoucherKind::Universal;
    universal.payMode = PayMode::All;
    universal.productCodes.clear();
    universal.blockedProductCodes = {u"sms"_s};
    universal.blocklistRevision = 2;
    const QJsonObject json = ApiJson::toJson(universal, kAt);
    QCOMPARE(json.value(u"kind"_s).toString(), u"universal"_s);
    QCOMPARE(json.value(u"payMode"_s).toString(), u"all"_s);
    QCOMPARE(json.value(u"productCodes"_s).toArray(), QJsonArray());
    QCOMPARE(json.value(u"blockedProductCodes"_s).toArray(), QJsonArray{u"sms"_s});
    QCOMPARE(json.value(u"blocklistRevision"_s).toInt(), 2);
}

void TestApiJson::templateIsItsOwnJson()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    const QJsonObject json = ApiJson::toJson(t);
    QCOMPARE(json, t.toJson());
    QCOMPARE(json.value(u"id"_s).toString(), idText(t.id));
    QCOMPARE(json.value(u"kind"_s).toString(), u"specific"_s);
    QCOMPARE(json.value(u"faceValueMinor"_s).toInteger(), 100000);
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    QCOMPARE(json.value(u"locked"_s), QJsonValue(false));

    ws.submit(t.id);
    const auto locked = TemplateRepository(ws.db()).find(t.id);
    QVERIFY(locked);
    QCOMPARE(ApiJson::toJson(*locked).value(u"locked"_s), QJsonValue(true));
}

void TestApiJson::pendingApplication()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Trial"_s);
    const QUuid applicationId = ws.submit(t.id);
    const auto application = ApplicationRepository(ws.db()).find(applicationId);
    QVERIFY(application);

    const QJsonObject json = ApiJson::toJson(*application);
    QCOMPARE(
        sortedKeys(json),
        QStringList({u"cancelledAt"_s, u"customerId"_s, u"id"_s, u"partnerId"_s, u"rejectReason"_s,
                     u"reviewComment"_s, u"reviewDueAt"_s, u"reviewedAt"_s, u"reviewerId"_s,
                     u"scenario"_s, u"status"_s, u"submittedAt"_s, u"submittedBy"_s,
                     u"templateId"_s, u"templateSnapshot"_s, u"version"_s, u"voucherId"_s}));
    QCOMPARE(json.value(u"id"_s).toString(), idText(applicationId));
    QCOMPARE(json.value(u"partnerId"_s).toString(), idText(ws.partnerA.id));
    QCOMPARE(json.value(u"templateId"_s).toString(), idText(t.id));
    QCOMPARE(json.value(u"customerId"_s).toString(), idText(ws.customerA.id));
    QCOMPARE(json.value(u"scenario"_s).toString(), application->scenario);
    QCOMPARE(json.value(u"status"_s).toString(), u"pending_review"_s);
    QCOMPARE(json.value(u"submittedAt"_s).toString(), ws.now().toString(Qt::ISODateWithMs));
    // Friday 27 Nov 2026 in Shanghai: due Wednesday 2 Dec, 23:59:59 local = 15:59:59 UTC.
    QCOMPARE(json.value(u"reviewDueAt"_s).toString(), u"2026-12-02T15:59:59.000Z"_s);
    QCOMPARE(json.value(u"submittedBy"_s).toString(), idText(ws.managerA.userId));
    for (const char *unset : {"reviewerId", "reviewedAt", "cancelledAt", "voucherId"})
        QVERIFY2(json.value(QLatin1StringView(unset)).isNull(), unset);
    QCOMPARE(json.value(u"reviewComment"_s).toString(), QString());
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    // The snapshot is the template as the API shows it (locked by this very submission).
    const QJsonObject snapshot = json.value(u"templateSnapshot"_s).toObject();
    QCOMPARE(snapshot, application->templateSnapshot.toJson());
    QCOMPARE(snapshot.value(u"id"_s).toString(), idText(t.id));
    QCOMPARE(snapshot.value(u"name"_s).toString(), u"Trial"_s);
    QCOMPARE(snapshot.value(u"productCodes"_s).toArray(), QJsonArray({u"cvm"_s, u"cos"_s}));
}

void TestApiJson::approvedApplicationAndItsVoucher()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Universal"_s, VoucherKind::Universal, 250000);
    const QUuid applicationId = ws.submit(t.id);
    ws.advance(3600);
    const QUuid voucherId = ws.approve(applicationId);

    const QJsonObject application =
        ApiJson::toJson(*ApplicationRepository(ws.db()).find(applicationId));
    QCOMPARE(application.value(u"status"_s).toString(), u"approved"_s);
    QCOMPARE(application.value(u"voucherId"_s).toString(), idText(voucherId));
    QCOMPARE(application.value(u"reviewerId"_s).toString(), idText(ws.reviewer.userId));
    QCOMPARE(application.value(u"reviewedAt"_s).toString(), ws.now().toString(Qt::ISODateWithMs));
    QCOMPARE(application.value(u"version"_s).toInt(), 2);

    const auto voucher = VoucherRepository(ws.db()).find(voucherId);
    QVERIFY(voucher);
    QJsonObject json = ApiJson::toJson(*voucher, ws.now());
    QCOMPARE(json.value(u"code"_s).toString(), voucher->code);
    QVERIFY(json.value(u"code"_s).toString().startsWith(u"VV"_s));
    QCOMPARE(json.value(u"applicationId"_s).toString(), idText(applicationId));
    QCOMPARE(json.value(u"kind"_s).toString(), u"universal"_s);
    QCOMPARE(json.value(u"faceValueMinor"_s).toInteger(), 250000);
    QCOMPARE(json.value(u"balanceMinor"_s).toInteger(), 250000);
    QCOMPARE(json.value(u"status"_s).toString(), u"unused"_s);
    QCOMPARE(json.value(u"blocklistRevision"_s).toInt(), 1);
    QCOMPARE(json.value(u"blockedProductCodes"_s).toArray().size(), 5);

    auto ctx = ws.context(ws.managerA);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-9"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 50000;
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    const QJsonObject deduction = ApiJson::toJson(paid.value());
    QCOMPARE(deduction.value(u"voucherId"_s).toString(), idText(voucherId));
    QCOMPARE(deduction.value(u"deductedMinor"_s).toInteger(), 50000);
    QCOMPARE(deduction.value(u"payMode"_s).toString(), u"prepaid"_s);

    json = ApiJson::toJson(*VoucherRepository(ws.db()).find(voucherId), ws.now());
    QCOMPARE(json.value(u"balanceMinor"_s).toInteger(), 200000);
    QCOMPARE(json.value(u"status"_s).toString(), u"partially_used"_s);
    // The same voucher, read later: its status is that of the moment asked about.
    json = ApiJson::toJson(*VoucherRepository(ws.db()).find(voucherId), ws.now().addDays(31));
    QCOMPARE(json.value(u"status"_s).toString(), u"expired"_s);

    const auto partner = PartnerRepository(ws.db()).find(ws.partnerA.id);
    const QJsonObject pool = ApiJson::toJson(*partner);
    QCOMPARE(pool.value(u"issuedMinor"_s).toInteger(), 250000);
    QCOMPARE(pool.value(u"remainingMinor"_s).toInteger(), 100000000 - 250000);
}

void TestApiJson::voucherListRows()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Listed"_s);
    const QUuid pendingId = ws.submit(t.id);
    const QUuid issuedId = ws.submit(t.id);
    const QUuid voucherId = ws.approve(issuedId);

    const auto pendingRow = VoucherListQuery(ws.db(), {}).row(pendingId);
    QVERIFY(pendingRow);
    const QJsonObject pending = ApiJson::toJson(*pendingRow, ws.now());
    QCOMPARE(sortedKeys(pending),
             QStringList({u"applicationId"_s, u"appliedAt"_s, u"balanceMinor"_s, u"currency"_s,
                          u"customerId"_s, u"customerName"_s, u"customerUin"_s, u"expiresAt"_s,
                          u"faceValueMinor"_s, u"kind"_s, u"partnerId"_s, u"status"_s,
                          u"templateName"_s, u"voucherCode"_s, u"voucherId"_s}));
    QCOMPARE(pending.value(u"applicationId"_s).toString(), idText(pendingId));
    QCOMPARE(pending.value(u"status"_s).toString(), u"pending_review"_s);
    QCOMPARE(pending.value(u"customerName"_s).toString(), u"Acme Test Co"_s);
    QCOMPARE(pending.value(u"customerUin"_s).toString(), u"100000001"_s);
    QCOMPARE(pending.value(u"templateName"_s).toString(), u"Listed"_s);
    QCOMPARE(pending.value(u"faceValueMinor"_s).toInteger(), 100000);
    QCOMPARE(pending.value(u"currency"_s).toString(), u"CNY"_s);
    for (const char *unset : {"balanceMinor", "expiresAt", "voucherId", "voucherCode"})
        QVERIFY2(pending.value(QLatin1StringView(unset)).isNull(), unset);

    const auto issuedRow = VoucherListQuery(ws.db(), {}).row(issuedId);
    QVERIFY(issuedRow);
    const QJsonObject issued = ApiJson::toJson(*issuedRow, ws.now());
    const auto voucher = VoucherRepository(ws.db()).find(voucherId);
    QCOMPARE(issued.value(u"status"_s).toString(), u"unused"_s);
    QCOMPARE(issued.value(u"balanceMinor"_s).toInteger(), 100000);
    QCOMPARE(issued.value(u"voucherId"_s).toString(), idText(voucherId));
    QCOMPARE(issued.value(u"voucherCode"_s).toString(), voucher->code);
    QCOMPARE(issued.value(u"expiresAt"_s).toString(),
             voucher->expiresAt.toString(Qt::ISODateWithMs));
    QCOMPARE(ApiJson::toJson(*issuedRow, voucher->expiresAt).value(u"status"_s).toString(),
             u"expired"_s);
}

void TestApiJson::bigMoneyStaysExact()
{
    Partner p;
    p.id = kPartner;
    p.name = u"Big"_s;
    p.quotaMinor = 4503599627370496; // 2^52 minor units
    p.issuedMinor = 1;
    p.currency = u"CNY"_s;
    const QByteArray text = QJsonDocument(ApiJson::toJson(p)).toJson(QJsonDocument::Compact);
    QVERIFY2(text.contains("\"quotaMinor\":4503599627370496"), text.constData());
    QVERIFY2(text.contains("\"remainingMinor\":4503599627370495"), text.constData());
}

void TestApiJson::listEnvelope()
{
    const QJsonArray items{QJsonObject{{u"a"_s, 1}}, QJsonObject{{u"a"_s, 2}}};
    const QJsonObject page = ApiJson::list(items, 1234);
    QCOMPARE(page, QJsonObject({{u"items"_s, items}, {u"totalCount"_s, 1234}}));
    QCOMPARE(ApiJson::list({}, 0), QJsonObject({{u"items"_s, QJsonArray()}, {u"totalCount"_s, 0}}));
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"
