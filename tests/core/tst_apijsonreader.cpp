#include "core/api/apijson.h"
#include "core/api/apijsonreader.h"
#include "core/api/changefeed.h"
#include "core/commands/vouchercommands.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

// ApiJsonReader, the inverse of ApiJson: every entity of the change feed reads back to the same
// representation, a malformed one is refused, and fields it does not know are ignored.
class TestApiJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void everyEntityOfARealStoreRoundTrips();
    void fieldsAreCheckedOneByOne_data();
    void fieldsAreCheckedOneByOne();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void unknownFieldsAreIgnored_data();
    void unknownFieldsAreIgnored();
    void timesWithAnOffsetAreReadAsUtc();
    void userHasNoPasswordHash();
    void changeFeedPage();
    void malformedChangeFeedPages_data();
    void malformedChangeFeedPages();
};

namespace {

const QDateTime kAt(QDate(2026, 11, 27), QTime(2, 0, 0, 123), Qt::UTC);
const QDateTime kNow = kAt.addDays(3);

QUuid uuid(int n)
{
    return QUuid::fromString(u"%1-2222-4333-8444-555555555555"_s.arg(n, 8, 10, QChar(u'0')));
}

// The entity read back from json and written again; nullopt when the reader refuses it.
std::optional<QJsonObject> readBack(const QString &entity, const QJsonObject &json)
{
    auto again = [](const auto &read) -> std::optional<QJsonObject> {
        if (!read)
            return std::nullopt;
        return ApiJson::toJson(*read);
    };
    if (entity == u"partner"_s)
        return again(ApiJsonReader::partner(json));
    if (entity == u"user"_s)
        return again(ApiJsonReader::user(json));
    if (entity == u"customer"_s)
        return again(ApiJsonReader::customer(json));
    if (entity == u"product"_s)
        return again(ApiJsonReader::product(json));
    if (entity == u"blocklistRevision"_s)
        return again(ApiJsonReader::blocklistRevision(json));
    if (entity == u"template"_s)
        return again(ApiJsonReader::voucherTemplate(json));
    if (entity == u"application"_s)
        return again(ApiJsonReader::application(json));
    if (entity == u"deduction"_s)
        return again(ApiJsonReader::deduction(json));
    if (entity == u"voucher"_s) {
        const auto voucher = ApiJsonReader::voucher(json);
        if (!voucher)
            return std::nullopt;
        return ApiJson::toJson(*voucher, kNow);
    }
    qFatal("unknown entity");
}

VoucherTemplate sampleTemplate(VoucherKind kind)
{
    VoucherTemplate t;
    t.id = uuid(10);
    t.partnerId = uuid(1);
    t.name = u"Trial \"CVM\" 试用"_s;
    t.kind = kind;
    t.faceValueMinor = 9007199254740991; // 2^53 - 1: the largest exact JSON integer
    t.currency = u"CNY"_s;
    t.validityDays = 365;
    t.minSpendMinor = 500;
    t.payMode = PayMode::Postpaid;
    if (kind == VoucherKind::Specific)
        t.productCodes = {u"cvm"_s, u"cos"_s};
    t.note = u"line one\nline two"_s;
    t.version = 3;
    t.locked = true;
    t.createdAt = kAt;
    t.updatedAt = kAt.addSecs(90);
    return t;
}

Application sampleApplication(ApplicationStatus status)
{
    Application a;
    a.id = uuid(20);
    a.partnerId = uuid(1);
    a.templateId = uuid(10);
    a.templateSnapshot = sampleTemplate(VoucherKind::Specific);
    a.customerId = uuid(30);
    a.scenario = u"Load test of CVM before migration."_s;
    a.status = status;
    a.submittedAt = kAt;
    a.reviewDueAt = kAt.addDays(3);
    a.submittedBy = uuid(40);
    a.version = 2;
    if (status == ApplicationStatus::Approved || status == ApplicationStatus::Rejected) {
        a.reviewerId = uuid(41);
        a.reviewedAt = kAt.addDays(1);
    }
    if (status == ApplicationStatus::Approved) {
        a.reviewComment = u"Fine."_s;
        a.voucherId = uuid(50);
    }
    if (status == ApplicationStatus::Rejected)
        a.rejectReason = u"Scenario too vague."_s;
    if (status == ApplicationStatus::Cancelled)
        a.cancelledAt = kAt.addSecs(60);
    return a;
}

Voucher sampleVoucher(VoucherKind kind, bool invalidated)
{
    Voucher v;
    v.id = uuid(50);
    v.code = u"VV000000000042"_s;
    v.applicationId = uuid(20);
    v.partnerId = uuid(1);
    v.customerId = uuid(30);
    v.kind = kind;
    v.payMode = PayMode::All;
    v.currency = u"CNY"_s;
    v.faceValueMinor = 100000;
    v.balanceMinor = 42;
    v.minSpendMinor = 0;
    v.effectiveAt = kAt;
    v.expiresAt = kAt.addDays(30);
    if (kind == VoucherKind::Specific) {
        v.productCodes = {u"cvm"_s};
    } else {
        v.blockedProductCodes = {u"sms"_s, u"ssl"_s};
        v.blocklistRevision = 2;
    }
    if (invalidated)
        v.invalidatedAt = kAt.addDays(2);
    return v;
}

struct Sample
{
    const char *name;
    QString entity;
    QJsonObject json;
};

QList<Sample> samples()
{
    Partner partner;
    partner.id = uuid(1);
    partner.name = u"Demo Partner A"_s;
    partner.quotaMinor = 100000000;
    partner.issuedMinor = 25000000;
    partner.currency = u"CNY"_s;
    partner.createdAt = kAt;

    User manager;
    manager.id = uuid(40);
    manager.login = u"manager.a"_s;
    manager.displayName = u"Manager A"_s;
    manager.role = Role::PartnerManager;
    manager.partnerId = uuid(1);
    manager.createdAt = kAt;
    User reviewer = manager;
    reviewer.id = uuid(41);
    reviewer.login = u"reviewer"_s;
    reviewer.role = Role::Reviewer;
    reviewer.partnerId = {};
    reviewer.active = false;

    Customer customer;
    customer.id = uuid(30);
    customer.partnerId = uuid(1);
    customer.name = u"Acme 有限公司"_s;
    customer.uin = u"100000001"_s;
    customer.eligible = false;
    customer.createdAt = kAt;

    const Product product{u"cvm"_s, u"Cloud Virtual Machine"_s, u"云服务器"_s, u"Compute"_s, false};
    BlocklistRevision revision;
    revision.revision = 2;
    revision.effectiveAt = kAt;
    revision.productCodes = {u"sms"_s, u"ssl"_s};

    Deduction deduction;
    deduction.id = uuid(60);
    deduction.voucherId = uuid(50);
    deduction.customerId = uuid(30);
    deduction.orderId = u"ORDER-1"_s;
    deduction.productCode = u"cvm"_s;
    deduction.payMode = PayMode::Postpaid;
    deduction.orderAmountMinor = 12000;
    deduction.deductedMinor = 10000;
    deduction.at = kAt;
    deduction.actorId = uuid(40);
    Deduction anonymous = deduction;
    anonymous.actorId = {};

    return {
        {"partner", u"partner"_s, ApiJson::toJson(partner)},
        {"partner manager", u"user"_s, ApiJson::toJson(manager)},
        {"reviewer", u"user"_s, ApiJson::toJson(reviewer)},
        {"customer", u"customer"_s, ApiJson::toJson(customer)},
        {"product", u"product"_s, ApiJson::toJson(product)},
        {"blocklist revision", u"blocklistRevision"_s, ApiJson::toJson(revision)},
        {"specific template", u"template"_s,
         ApiJson::toJson(sampleTemplate(VoucherKind::Specific))},
        {"universal template", u"template"_s,
         ApiJson::toJson(sampleTemplate(VoucherKind::Universal))},
        {"pending application", u"application"_s,
         ApiJson::toJson(sampleApplication(ApplicationStatus::PendingReview))},
        {"approved application", u"application"_s,
         ApiJson::toJson(sampleApplication(ApplicationStatus::Approved))},
        {"rejected application", u"application"_s,
         ApiJson::toJson(sampleApplication(ApplicationStatus::Rejected))},
        {"cancelled application", u"application"_s,
         ApiJson::toJson(sampleApplication(ApplicationStatus::Cancelled))},
        {"specific voucher", u"voucher"_s,
         ApiJson::toJson(sampleVoucher(VoucherKind::Specific, false), kNow)},
        {"invalidated universal voucher", u"voucher"_s,
         ApiJson::toJson(sampleVoucher(VoucherKind::Universal, true), kNow)},
        {"deduction", u"deduction"_s, ApiJson::toJson(deduction)},
        {"deduction without actor", u"deduction"_s, ApiJson::toJson(anonymous)},
    };
}

enum class Field { Required, Nullable, Computed };

Field fieldOf(const QString &entity, const QString &key)
{
    static const QSet<QString> nullable = {u"user.partnerId"_s,
                                           u"application.submittedBy"_s,
                                           u"application.reviewerId"_s,
                                           u"application.reviewedAt"_s,
                                           u"application.cancelledAt"_s,
                                           u"application.voucherId"_s,
                                           u"voucher.blocklistRevision"_s,
                                           u"voucher.invalidatedAt"_s,
                                           u"deduction.actorId"_s};
    static const QSet<QString> computed = {u"partner.remainingMinor"_s, u"voucher.status"_s};
    const QString name = entity + u'.' + key;
    if (computed.contains(name))
        return Field::Computed;
    return nullable.contains(name) ? Field::Nullable : Field::Required;
}

bool accepted(const QString &entity, const QJsonObject &json)
{
    return readBack(entity, json).has_value();
}

} // namespace

void TestApiJsonReader::roundTrip_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("json");
    for (const Sample &sample : samples())
        QTest::newRow(sample.name) << sample.entity << sample.json;
}

void TestApiJsonReader::roundTrip()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, json);
    const auto again = readBack(entity, json);
    QVERIFY(again);
    QCOMPARE(*again, json);
}

void TestApiJsonReader::everyEntityOfARealStoreRoundTrips()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = ws.approve(ws.submit(ws.createTemplate(u"Spec"_s).id));
    ws.approve(ws.submit(ws.createTemplate(u"Uni"_s, VoucherKind::Universal, 50000).id));
    ws.submit(ws.createTemplate(u"Pending"_s).id);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 2500;
    const auto paid = VoucherCommands(*ws.context(ws.managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));

    const ChangeFeedPage page = ChangeFeed(ws.db(), ws.admin).after(0, 1000, kNow);
    QSet<QString> entities;
    for (const ChangeFeedEntry &entry : page.changes) {
        entities.insert(entry.entity);
        const auto again = readBack(entry.entity, entry.data);
        QVERIFY2(again, qPrintable(entry.entity + u' ' + entry.id));
        QCOMPARE(*again, entry.data);
    }
    QCOMPARE(entities, QSet<QString>({u"partner"_s, u"user"_s, u"customer"_s, u"product"_s,
                                      u"blocklistRevision"_s, u"template"_s, u"application"_s,
                                      u"voucher"_s, u"deduction"_s}));
}

void TestApiJsonReader::fieldsAreCheckedOneByOne_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");
    for (const Sample &sample : samples()) {
        for (const QString &key : sample.json.keys()) {
            const QByteArray name = QByteArray(sample.name) + ' ' + key.toUtf8();
            QTest::newRow(name.constData()) << sample.entity << sample.json << key;
        }
    }
}

// Without the field, with null or with a value of another type: refused when ApiJson always
// writes it, accepted without or null when it may be "not set", ignored when computed.
void TestApiJsonReader::fieldsAreCheckedOneByOne()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    QJsonObject without = json;
    without.remove(field);
    QJsonObject null = json;
    null.insert(field, QJsonValue::Null);
    QJsonObject wrongType = json;
    wrongType.insert(field, QJsonArray{1});

    switch (fieldOf(entity, field)) {
    case Field::Required:
        QVERIFY(!accepted(entity, without));
        QVERIFY(!accepted(entity, null));
        QVERIFY(!accepted(entity, wrongType));
        break;
    case Field::Nullable:
        QVERIFY(accepted(entity, without));
        QVERIFY(accepted(entity, null));
        QVERIFY(!accepted(entity, wrongType));
        break;
    case Field::Computed:
        QVERIFY(accepted(entity, without));
        QVERIFY(accepted(entity, wrongType));
        QCOMPARE(*readBack(entity, wrongType), json);
        break;
    }
}

void TestApiJsonReader::badValuesAreRefused_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("json");

    auto with = [](const QString &entity, const QString &sampleName, const QString &field,
                   const QJsonValue &value) {
        for (const Sample &sample : samples()) {
            if (QLatin1StringView(sample.name) != sampleName)
                continue;
            QJsonObject json = sample.json;
            json.insert(field, value);
            return std::pair(entity, json);
        }
        qFatal("no such sample");
    };
    auto row = [&](const char *name, const QString &entity, const QString &sample,
                   const QString &field, const QJsonValue &value) {
        const auto [e, json] = with(entity, sample, field, value);
        QTest::newRow(name) << e << json;
    };

    row("id not a UUID", u"customer"_s, u"customer"_s, u"id"_s, u"not-a-uuid"_s);
    row("id with trailing text", u"customer"_s, u"customer"_s, u"id"_s,
        u"00000030-2222-4333-8444-555555555555x"_s);
    row("nullable id not a UUID", u"application"_s, u"pending application"_s, u"reviewerId"_s,
        u"nobody"_s);
    row("time without zone", u"customer"_s, u"customer"_s, u"createdAt"_s,
        u"2026-11-27T02:00:00.123"_s);
    row("time not a time", u"customer"_s, u"customer"_s, u"createdAt"_s, u"yesterday"_s);
    row("time a number", u"customer"_s, u"customer"_s, u"createdAt"_s, qint64(1700000000000));
    row("unknown kind", u"template"_s, u"specific template"_s, u"kind"_s, u"gold"_s);
    row("unknown pay mode", u"voucher"_s, u"specific voucher"_s, u"payMode"_s, u"cash"_s);
    row("unknown status", u"application"_s, u"pending application"_s, u"status"_s,
        u"approved_maybe"_s);
    row("unknown role", u"user"_s, u"reviewer"_s, u"role"_s, u"superuser"_s);
    row("negative money", u"voucher"_s, u"specific voucher"_s, u"balanceMinor"_s, -1);
    row("fractional money", u"deduction"_s, u"deduction"_s, u"deductedMinor"_s, 10.5);
    row("money as text", u"partner"_s, u"partner"_s, u"quotaMinor"_s, u"100"_s);
    row("money beyond 2^53", u"template"_s, u"specific template"_s, u"faceValueMinor"_s,
        9007199254740993.0 * 4);
    row("version zero", u"template"_s, u"specific template"_s, u"version"_s, 0);
    row("empty login", u"user"_s, u"reviewer"_s, u"login"_s, u""_s);
    row("empty product code", u"product"_s, u"product"_s, u"code"_s, u""_s);
    row("empty voucher code", u"voucher"_s, u"specific voucher"_s, u"code"_s, u""_s);
    row("list of numbers", u"voucher"_s, u"specific voucher"_s, u"productCodes"_s,
        QJsonArray{1, 2});
    row("blocklist revision text", u"voucher"_s, u"invalidated universal voucher"_s,
        u"blocklistRevision"_s, u"2"_s);
    row("flag as number", u"customer"_s, u"customer"_s, u"eligible"_s, 1);

    QJsonObject application = with(u"application"_s, u"approved application"_s, u"x"_s, 0).second;
    QJsonObject snapshot = application.value(u"templateSnapshot"_s).toObject();
    snapshot.remove(u"currency"_s);
    application.insert(u"templateSnapshot"_s, snapshot);
    QTest::newRow("snapshot without currency") << u"application"_s << application;
    application.insert(u"templateSnapshot"_s, QJsonValue::Null);
    QTest::newRow("snapshot null") << u"application"_s << application;
}

void TestApiJsonReader::badValuesAreRefused()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, json);
    QVERIFY(!accepted(entity, json));
}

void TestApiJsonReader::unknownFieldsAreIgnored_data()
{
    roundTrip_data();
}

void TestApiJsonReader::unknownFieldsAreIgnored()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, json);
    QJsonObject newer = json;
    newer.insert(u"addedByANewerServer"_s, QJsonObject{{u"nested"_s, true}});
    newer.insert(u"rev"_s, 12345);
    const auto again = readBack(entity, newer);
    QVERIFY(again);
    QCOMPARE(*again, json);
}

void TestApiJsonReader::timesWithAnOffsetAreReadAsUtc()
{
    QJsonObject json = samples().at(3).json; // the customer
    json.insert(u"createdAt"_s, u"2026-11-27T10:00:00.123+08:00"_s);
    const auto customer = ApiJsonReader::customer(json);
    QVERIFY(customer);
    QCOMPARE(customer->createdAt, kAt);
    QCOMPARE(customer->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(ApiJson::toJson(*customer).value(u"createdAt"_s).toString(),
             u"2026-11-27T02:00:00.123Z"_s);
}

void TestApiJsonReader::userHasNoPasswordHash()
{
    QJsonObject json = samples().at(1).json;
    json.insert(u"passwordHash"_s, u"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"_s);
    const auto user = ApiJsonReader::user(json);
    QVERIFY(user);
    QVERIFY(user->passwordHash.isEmpty());
    QCOMPARE(user->login, u"manager.a"_s);
    QCOMPARE(user->role, Role::PartnerManager);
    QCOMPARE(user->partnerId, uuid(1));
    QCOMPARE(user->rev, qint64(0));
}

void TestApiJsonReader::changeFeedPage()
{
    const QJsonObject customer = samples().at(3).json;
    const QJsonObject answer{
        {u"changes"_s,
         QJsonArray{
             QJsonObject{{u"entity"_s, u"customer"_s},
                         {u"id"_s, customer.value(u"id"_s)},
                         {u"rev"_s, 7},
                         {u"deleted"_s, false},
                         {u"data"_s, customer}},
             QJsonObject{{u"entity"_s, u"template"_s},
                         {u"id"_s, uuid(11).toString(QUuid::WithoutBraces)},
                         {u"rev"_s, 9},
                         {u"deleted"_s, true},
                         {u"data"_s, QJsonValue::Null}},
             // A deletion may leave data out altogether.
             QJsonObject{{u"entity"_s, u"template"_s},
                         {u"id"_s, uuid(12).toString(QUuid::WithoutBraces)},
                         {u"rev"_s, 9},
                         {u"deleted"_s, true}},
         }},
        {u"nextSince"_s, 9},
        {u"hasMore"_s, true},
        {u"serverTime"_s, u"ignored"_s},
    };
    const auto page = ApiJsonReader::changeFeedPage(answer);
    QVERIFY(page);
    QCOMPARE(page->nextSince, qint64(9));
    QCOMPARE(page->hasMore, true);
    QCOMPARE(page->changes.size(), 3);
    const ChangeFeedEntry &first = page->changes.at(0);
    QCOMPARE(first.entity, u"customer"_s);
    QCOMPARE(first.id, uuid(30).toString(QUuid::WithoutBraces));
    QCOMPARE(first.rev, qint64(7));
    QCOMPARE(first.deleted, false);
    QCOMPARE(first.data, customer);
    const ChangeFeedEntry &second = page->changes.at(1);
    QCOMPARE(second.entity, u"template"_s);
    QCOMPARE(second.id, uuid(11).toString(QUuid::WithoutBraces));
    QCOMPARE(second.rev, qint64(9));
    QCOMPARE(second.deleted, true);
    QVERIFY(second.data.isEmpty());
    QVERIFY(page->changes.at(2).deleted);

    const auto empty = ApiJsonReader::changeFeedPage(
        {{u"changes"_s, QJsonArray()}, {u"nextSince"_s, 0}, {u"hasMore"_s, false}});
    QVERIFY(empty);
    QVERIFY(empty->changes.isEmpty());
    QCOMPARE(empty->hasMore, false);
}

void TestApiJsonReader::malformedChangeFeedPages_data()
{
    QTest::addColumn<QJsonObject>("answer");
    const QJsonObject change{{u"entity"_s, u"customer"_s},
                             {u"id"_s, uuid(30).toString(QUuid::WithoutBraces)},
                             {u"rev"_s, 7},
                             {u"deleted"_s, false},
                             {u"data"_s, samples().at(3).json}};
    const QJsonObject answer{
        {u"changes"_s, QJsonArray{change}}, {u"nextSince"_s, 7}, {u"hasMore"_s, false}};
    QVERIFY(ApiJsonReader::changeFeedPage(answer));

    auto without = [](QJsonObject object, const QString &key) {
        object.remove(key);
        return object;
    };
    auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
        object.insert(key, value);
        return object;
    };
    auto withChange = [&](const QJsonObject &bad) {
        return with(answer, u"changes"_s, QJsonArray{change, bad});
    };
    QTest::newRow("no changes") << without(answer, u"changes"_s);
    QTest::newRow("changes an object") << with(answer, u"changes"_s, change);
    QTest::newRow("no nextSince") << without(answer, u"nextSince"_s);
    QTest::newRow("negative nextSince") << with(answer, u"nextSince"_s, -1);
    QTest::newRow("nextSince as text") << with(answer, u"nextSince"_s, u"7"_s);
    QTest::newRow("no hasMore") << without(answer, u"hasMore"_s);
    QTest::newRow("change not an object")
        << with(answer, u"changes"_s, QJsonArray{change, u"customer"_s});
    QTest::newRow("no entity") << withChange(without(change, u"entity"_s));
    QTest::newRow("empty entity") << withChange(with(change, u"entity"_s, u""_s));
    QTest::newRow("no id") << withChange(without(change, u"id"_s));
    QTest::newRow("rev as text") << withChange(with(change, u"rev"_s, u"7"_s));
    QTest::newRow("fractional rev") << withChange(with(change, u"rev"_s, 7.5));
    QTest::newRow("no deleted") << withChange(without(change, u"deleted"_s));
    QTest::newRow("no data") << withChange(without(change, u"data"_s));
    QTest::newRow("null data") << withChange(with(change, u"data"_s, QJsonValue::Null));
    QTest::newRow("data an array") << withChange(with(change, u"data"_s, QJsonArray{}));
    QTest::newRow("deletion with array data")
        << withChange(with(with(change, u"deleted"_s, true), u"data"_s, QJsonArray{}));
}

void TestApiJsonReader::malformedChangeFeedPages()
{
    QFETCH(QJsonObject, answer);
    QVERIFY(!ApiJsonReader::changeFeedPage(answer));
}

QTEST_GUILESS_MAIN(TestApiJsonReader)
#include "tst_apijsonreader.moc"
