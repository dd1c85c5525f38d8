// The template routes over a socket to the real binary: list filters, create, read, replace
// with If-Match, delete and duplicate; a partner's own templates only, reviewers and admins
// reading all but never writing; strict bodies and query values; every refusal leaves the
// store as it was.

#include "core/repositories/templaterepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString path(const QUuid &id, const QString &tail = {})
{
    return u"/api/v1/templates/"_s + idText(id) + tail;
}

QJsonObject templateBody(const QUuid &id, const QString &name)
{
    return {{u"id"_s, idText(id)},
            {u"name"_s, name},
            {u"kind"_s, u"specific"_s},
            {u"faceValueMinor"_s, 250000},
            {u"currency"_s, u"CNY"_s},
            {u"validityDays"_s, 90},
            {u"minSpendMinor"_s, 5000},
            {u"payMode"_s, u"prepaid"_s},
            {u"productCodes"_s, QJsonArray{u"cvm"_s, u"cos"_s}},
            {u"note"_s, u"For the spring trials."_s}};
}

// The body with one field's JSON text replaced verbatim (numbers JSON cannot hold exactly).
QByteArray withRaw(QJsonObject body, const QString &field, const QByteArray &raw)
{
    body.remove(field);
    QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    text.chop(1);
    return text + ",\"" + field.toUtf8() + "\":" + raw + '}';
}

QStringList names(const ApiClient::Reply &reply)
{
    QStringList result;
    for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
        result.append(item[u"name"_s].toString());
    result.sort();
    return result;
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QList<QPair<QByteArray, QByteArray>> ifMatch(const QByteArray &value)
{
    return {{"If-Match", value}};
}
} // namespace

class TestTemplateRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_ws.isValid());
        m_spring = m_ws.createTemplate(u"Spring Promo"_s);
        m_universal = m_ws.createTemplate(u"Universal Gift"_s, VoucherKind::Universal);
        m_locked = m_ws.createTemplate(u"Locked One"_s);
        m_ws.submit(m_locked.id);
        m_beta =
            m_ws.createTemplate(u"Beta Basics"_s, VoucherKind::Specific, 50000, &m_ws.managerB);
        QVERIFY(TemplateRepository(m_ws.db()).find(m_locked.id)->locked);

        QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
        m_a = m_fixture.client(u"manager.a"_s);
        m_b = m_fixture.client(u"manager.b"_s);
        m_reviewer = m_fixture.client(u"reviewer"_s);
        m_admin = m_fixture.client(u"admin"_s);
        QVERIFY(m_a && m_b && m_reviewer && m_admin);
    }

    // --- GET /templates ---

    void aPartnerListsItsOwnTemplates()
    {
        auto reply = m_a->get(u"/api/v1/templates"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(names(reply),
                 (QStringList{u"Locked One"_s, u"Spring Promo"_s, u"Universal Gift"_s}));
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 3);
        for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
            QCOMPARE(item[u"partnerId"_s].toString(), idText(m_ws.partnerA.id));

        reply = m_b->get(u"/api/v1/templates"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(names(reply), QStringList{u"Beta Basics"_s});
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 1);
    }

    void reviewersAndAdminsListEveryPartnersTemplates()
    {
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            const auto reply = client->get(u"/api/v1/templates"_s);
            COMPARE_STATUS(reply, 200);
            QCOMPARE(names(reply), (QStringList{u"Beta Basics"_s, u"Locked One"_s,
                                                u"Spring Promo"_s, u"Universal Gift"_s}));
            QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(),
                     TemplateRepository(m_ws.db()).count({}));
        }
    }

    void filters()
    {
        QCOMPARE(names(m_a->get(u"/api/v1/templates?name=PROMO"_s)),
                 QStringList{u"Spring Promo"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/templates?name=beta"_s)), QStringList());
        QCOMPARE(names(m_reviewer->get(u"/api/v1/templates?name=beta"_s)),
                 QStringList{u"Beta Basics"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/templates?kind=universal"_s)),
                 QStringList{u"Universal Gift"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/templates?kind=specific"_s)),
                 (QStringList{u"Locked One"_s, u"Spring Promo"_s}));
        QCOMPARE(names(m_a->get(u"/api/v1/templates?locked=true"_s)), QStringList{u"Locked One"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/templates?locked=false"_s)),
                 (QStringList{u"Spring Promo"_s, u"Universal Gift"_s}));
        QCOMPARE(names(m_b->get(u"/api/v1/templates?locked=true"_s)), QStringList());
        const auto combined =
            m_reviewer->get(u"/api/v1/templates?kind=specific&locked=false&name=a"_s);
        QCOMPARE(names(combined), (QStringList{u"Beta Basics"_s}));
        QCOMPARE(combined.json().value(u"totalCount"_s).toInteger(), 1);
        QCOMPARE(names(m_a->get(u"/api/v1/templates?name="_s + encoded(u"g P"_s))),
                 QStringList{u"Spring Promo"_s});
    }

    void paging()
    {
        auto reply = m_a->get(u"/api/v1/templates?limit=1"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"items"_s).toArray().size(), 1);
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 3);
        const QString first = reply.json()[u"items"_s][0][u"id"_s].toString();
        reply = m_a->get(u"/api/v1/templates?offset=1&limit=2"_s);
        QCOMPARE(reply.json().value(u"items"_s).toArray().size(), 2);
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 3);
        for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
            QVERIFY(item[u"id"_s].toString() != first);
        reply = m_a->get(u"/api/v1/templates?offset=3"_s);
        QCOMPARE(reply.json().value(u"items"_s).toArray().size(), 0);
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 3);
    }

    void badQueryValuesNameTheParameter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("kind=foo") << u"kind=foo"_s << u"InvalidParameter.Kind"_s << u"kind"_s;
        QTest::newRow("kind=all") << u"kind=all"_s << u"InvalidParameter.Kind"_s << u"kind"_s;
        QTest::newRow("locked=maybe")
            << u"locked=maybe"_s << u"InvalidParameter.Locked"_s << u"locked"_s;
        QTest::newRow("locked=yes")
            << u"locked=yes"_s << u"InvalidParameter.Locked"_s << u"locked"_s;
        QTest::newRow("limit=500") << u"limit=500"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=201") << u"limit=201"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=-1") << u"limit=-1"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=2^63")
            << u"limit=9223372036854775808"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("name with NUL")
            << u"name=pro%00mo"_s << u"InvalidParameter.Name"_s << u"name"_s;
        QTest::newRow("offset=x") << u"offset=x"_s << u"InvalidParameter.Offset"_s << u"offset"_s;
        QTest::newRow("offset=1e300")
            << u"offset=1e300"_s << u"InvalidParameter.Offset"_s << u"offset"_s;
    }

    void badQueryValuesNameTheParameter()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, parameter);
        for (ApiClient *client : {m_a.get(), m_reviewer.get()}) {
            const auto reply = client->get(u"/api/v1/templates?"_s + query);
            COMPARE_ERROR(reply, 400, code);
            QVERIFY2(reply.json()[u"error"_s][u"message"_s].toString().contains(parameter),
                     reply.body.constData());
            QVERIFY(!reply.json().contains(u"items"_s));
        }
    }

    // --- GET /templates/{id} ---

    void readOneTemplate()
    {
        auto reply = m_a->get(path(m_spring.id));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.header("ETag"), QByteArray("\"1\""));
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"id"_s).toString(), idText(m_spring.id));
        QCOMPARE(json.value(u"name"_s).toString(), u"Spring Promo"_s);
        QCOMPARE(json.value(u"kind"_s).toString(), u"specific"_s);
        QCOMPARE(json.value(u"productCodes"_s).toArray(), (QJsonArray{u"cvm"_s, u"cos"_s}));
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(json.value(u"locked"_s).toBool(), false);
        QCOMPARE(json, m_spring.toJson());

        reply = m_a->get(path(m_locked.id));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"locked"_s).toBool(), true);

        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            reply = client->get(path(m_beta.id));
            COMPARE_STATUS(reply, 200);
            QCOMPARE(reply.json().value(u"name"_s).toString(), u"Beta Basics"_s);
            QCOMPARE(reply.header("ETag"), QByteArray("\"1\""));
        }
    }

    void anotherPartnersTemplateLooksMissing()
    {
        const auto unknown = m_b->get(path(QUuid::createUuid()));
        COMPARE_ERROR(unknown, 404, u"ResourceNotFound.Template"_s);
        for (const VoucherTemplate &t : {m_spring, m_locked}) {
            const auto reply = m_b->get(path(t.id));
            COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
            QCOMPARE(reply.json()[u"error"_s][u"message"_s].toString(),
                     unknown.json()[u"error"_s][u"message"_s].toString());
            QVERIFY(!reply.body.contains(t.name.toUtf8()));
            QVERIFY(reply.header("ETag").isEmpty());
        }
        COMPARE_STATUS(m_a->get(path(m_beta.id)), 404);
    }

    void pathIdsThatAreNotUuidsAre404_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("tail");
        const QString spring = idText(m_spring.id);
        const struct
        {
            const char *method;
            const char *tail;
        } routes[] = {{"GET", ""}, {"PUT", ""}, {"DELETE", ""}, {"POST", "/duplicate"}};
        for (const auto &route : routes) {
            const QString tail = QString::fromLatin1(route.tail);
            const QByteArray method(route.method);
            QTest::addRow("%s word", route.method) << method << u"spring"_s << tail;
            QTest::addRow("%s number", route.method) << method << u"1"_s << tail;
            QTest::addRow("%s nil", route.method)
                << method << u"00000000-0000-0000-0000-000000000000"_s << tail;
            QTest::addRow("%s uuid and more", route.method) << method << spring + u"0"_s << tail;
            QTest::addRow("%s open brace", route.method) << method << u"{"_s + spring << tail;
            QTest::addRow("%s sql", route.method) << method << encoded(u"1' OR '1'='1"_s) << tail;
        }
    }

    void pathIdsThatAreNotUuidsAre404()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, id);
        QFETCH(QString, tail);
        const StoreSnapshot before(m_ws.db());
        const auto reply = m_a->send(
            method, u"/api/v1/templates/"_s + id + tail,
            QJsonDocument(templateBody(m_spring.id, u"Renamed"_s)).toJson(), ifMatch("1"));
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    // --- POST /templates ---

    void createAnswersTheWholeTemplate()
    {
        const QUuid id = QUuid::createUuid();
        const auto reply = m_a->post(u"/api/v1/templates"_s, templateBody(id, u" Summer Trial "_s));
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.header("ETag"), QByteArray("\"1\""));
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"id"_s).toString(), idText(id));
        QCOMPARE(json.value(u"partnerId"_s).toString(), idText(m_ws.partnerA.id));
        QCOMPARE(json.value(u"name"_s).toString(), u"Summer Trial"_s);
        QCOMPARE(json.value(u"kind"_s).toString(), u"specific"_s);
        QCOMPARE(json.value(u"faceValueMinor"_s).toInteger(), 250000);
        QCOMPARE(json.value(u"currency"_s).toString(), u"CNY"_s);
        QCOMPARE(json.value(u"validityDays"_s).toInt(), 90);
        QCOMPARE(json.value(u"minSpendMinor"_s).toInteger(), 5000);
        QCOMPARE(json.value(u"payMode"_s).toString(), u"prepaid"_s);
        QCOMPARE(json.value(u"productCodes"_s).toArray(), (QJsonArray{u"cvm"_s, u"cos"_s}));
        QCOMPARE(json.value(u"note"_s).toString(), u"For the spring trials."_s);
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(json.value(u"locked"_s).toBool(), false);
        QVERIFY(!json.value(u"createdAt"_s).toString().isEmpty());

        const auto stored = TemplateRepository(m_ws.db()).find(id);
        QVERIFY(stored);
        QCOMPARE(stored->toJson(), json);
        const auto read = m_a->get(path(id));
        COMPARE_STATUS(read, 200);
        QCOMPARE(read.body, reply.body);
    }

    void optionalFieldsHaveDefaults()
    {
        const QUuid id = QUuid::createUuid();
        const auto reply = m_a->post(u"/api/v1/templates"_s, {{u"id"_s, idText(id)},
                                                              {u"name"_s, u"Bare Universal"_s},
                                                              {u"kind"_s, u"universal"_s},
                                                              {u"faceValueMinor"_s, 1},
                                                              {u"currency"_s, u"CNY"_s}});
        COMPARE_STATUS(reply, 201);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"validityDays"_s).toInt(), 30);
        QCOMPARE(json.value(u"minSpendMinor"_s).toInteger(), 0);
        QCOMPARE(json.value(u"payMode"_s).toString(), u"all"_s);
        QCOMPARE(json.value(u"productCodes"_s).toArray(), QJsonArray());
        QCOMPARE(json.value(u"note"_s).toString(), QString());
        QCOMPARE(json.value(u"faceValueMinor"_s).toInteger(), 1);
    }

    void theFaceValueCapItselfIsAccepted()
    {
        QJsonObject body = templateBody(QUuid::createUuid(), u"At The Cap"_s);
        body.insert(u"faceValueMinor"_s, 100000000);
        const auto reply = m_a->post(u"/api/v1/templates"_s, body);
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"faceValueMinor"_s).toInteger(), 100000000);
    }

    void aRepeatedCreateAnswersTheFirstResult()
    {
        const QUuid id = QUuid::createUuid();
        const QJsonObject body = templateBody(id, u"Autumn Offer"_s);
        const auto first = m_a->post(u"/api/v1/templates"_s, body);
        COMPARE_STATUS(first, 201);
        const StoreSnapshot before(m_ws.db());

        const auto again = m_a->post(u"/api/v1/templates"_s, body);
        COMPARE_STATUS(again, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("ETag"), first.header("ETag"));
        VD_VERIFY_UNCHANGED(before, m_ws.db());

        QJsonObject changed = body;
        changed.insert(u"faceValueMinor"_s, 260000);
        const auto conflict = m_a->post(u"/api/v1/templates"_s, changed);
        COMPARE_ERROR(conflict, 409, u"FailedOperation.IdempotencyConflict"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());

        // Another partner reusing the id learns nothing about the template behind it.
        const auto other = m_b->post(u"/api/v1/templates"_s, body);
        COMPARE_ERROR(other, 409, u"FailedOperation.IdempotencyConflict"_s);
        QVERIFY(!other.body.contains("Autumn"));
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void reviewersAndAdminsCannotCreate()
    {
        const StoreSnapshot before(m_ws.db());
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            auto reply = client->post(u"/api/v1/templates"_s,
                                      templateBody(QUuid::createUuid(), u"Reviewer's Own"_s));
            COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
            reply = client->send("POST", u"/api/v1/templates"_s, "{oops");
            COMPARE_STATUS(reply, 403);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void aNameIsUniquePerPartnerIgnoringCase()
    {
        const StoreSnapshot before(m_ws.db());
        const auto reply =
            m_a->post(u"/api/v1/templates"_s, templateBody(QUuid::createUuid(), u"spring PROMO"_s));
        COMPARE_ERROR(reply, 409, u"FailedOperation.DuplicateName"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());

        const auto other =
            m_b->post(u"/api/v1/templates"_s, templateBody(QUuid::createUuid(), u"Spring Promo"_s));
        COMPARE_STATUS(other, 201);
        QCOMPARE(other.json().value(u"partnerId"_s).toString(), idText(m_ws.partnerB.id));
    }

    void badBodiesAre400AndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QJsonObject base = templateBody(QUuid::createUuid(), u"Bad Body"_s);
        auto row = [&](const char *name, const char *field, const QByteArray &raw,
                       const char *code) {
            QTest::newRow(name) << withRaw(base, QString::fromLatin1(field), raw)
                                << QString::fromLatin1(code);
        };
        QTest::newRow("malformed") << QByteArray("{\"name\": \"x\",") << u"InvalidParameter.Body"_s;
        QTest::newRow("array") << QByteArray("[]") << u"InvalidParameter.Body"_s;
        QTest::newRow("number") << QByteArray("42") << u"InvalidParameter.Body"_s;
        QTest::newRow("empty") << QByteArray() << u"InvalidParameter"_s;
        row("id missing", "id", "null", "InvalidParameter.Id");
        row("id not uuid", "id", "\"template-1\"", "InvalidParameter.Id");
        row("id number", "id", "7", "InvalidParameter.Id");
        row("name missing", "name", "null", "InvalidParameter.Name");
        row("name blank", "name", "\"   \"", "InvalidParameter.Name");
        row("name number", "name", "60", "InvalidParameter.Name");
        row("name too long", "name", '"' + QByteArray(61, 'n') + '"', "InvalidParameter.Name");
        row("kind foo", "kind", "\"foo\"", "InvalidParameter.Kind");
        row("kind missing", "kind", "null", "InvalidParameter.Kind");
        row("kind bool", "kind", "true", "InvalidParameter.Kind");
        row("face 1e300", "faceValueMinor", "1e300", "InvalidParameter.FaceValueMinor");
        row("face -1e300", "faceValueMinor", "-1e300", "InvalidParameter.FaceValueMinor");
        row("face 2^63", "faceValueMinor", "9223372036854775808",
            "InvalidParameter.FaceValueMinor");
        row("face 2^63-1", "faceValueMinor", "9223372036854775807",
            "InvalidParameter.FaceValueMinor");
        row("face 2^53+1", "faceValueMinor", "9007199254740993", "InvalidParameter.FaceValueMinor");
        row("face fraction", "faceValueMinor", "1000.5", "InvalidParameter.FaceValueMinor");
        row("face string", "faceValueMinor", "\"250000\"", "InvalidParameter.FaceValueMinor");
        row("face zero", "faceValueMinor", "0", "InvalidParameter.FaceValueMinor");
        row("face negative", "faceValueMinor", "-100", "InvalidParameter.FaceValueMinor");
        row("face over cap", "faceValueMinor", "100000001", "InvalidParameter.FaceValueMinor");
        row("face missing", "faceValueMinor", "null", "InvalidParameter.FaceValueMinor");
        row("currency USD", "currency", "\"USD\"", "InvalidParameter.Currency");
        row("currency unknown", "currency", "\"XXX\"", "InvalidParameter.Currency");
        row("currency number", "currency", "156", "InvalidParameter.Currency");
        row("validity 0", "validityDays", "0", "InvalidParameter.ValidityDays");
        row("validity 366", "validityDays", "366", "InvalidParameter.ValidityDays");
        row("validity 2^32+30", "validityDays", "4294967326", "InvalidParameter.ValidityDays");
        row("validity 1e300", "validityDays", "1e300", "InvalidParameter.ValidityDays");
        row("validity string", "validityDays", "\"30\"", "InvalidParameter.ValidityDays");
        row("min spend negative", "minSpendMinor", "-1", "InvalidParameter.MinSpendMinor");
        row("min spend 2^63", "minSpendMinor", "9223372036854775808",
            "InvalidParameter.MinSpendMinor");
        row("pay mode weekly", "payMode", "\"weekly\"", "InvalidParameter.PayMode");
        row("pay mode number", "payMode", "1", "InvalidParameter.PayMode");
        row("products string", "productCodes", "\"cvm\"", "InvalidParameter.ProductCodes");
        row("products numbers", "productCodes", "[1,2]", "InvalidParameter.ProductCodes");
        row("products unknown", "productCodes", "[\"cvm\",\"nope\"]",
            "InvalidParameter.ProductCodes");
        row("products empty", "productCodes", "[]", "InvalidParameter.ProductCodes");
        row("products twice", "productCodes", "[\"cvm\",\"cvm\"]", "InvalidParameter.ProductCodes");
        QByteArrayList many;
        for (int i = 0; i < 51; ++i)
            many.append("\"cvm\"");
        row("products 51", "productCodes", '[' + many.join(',') + ']',
            "InvalidParameter.ProductCodes");
        row("note too long", "note", '"' + QByteArray(501, 'x') + '"', "InvalidParameter.Note");
        row("note object", "note", "{}", "InvalidParameter.Note");
        QJsonObject universal = base;
        universal.insert(u"kind"_s, u"universal"_s);
        QTest::newRow("universal with products")
            << QJsonDocument(universal).toJson() << u"InvalidParameter.ProductCodes"_s;
        QTest::newRow("several") << withRaw(withRawObject(base, u"name"_s, 1), u"kind"_s, "2")
                                 << u"InvalidParameter"_s;
    }

    void badBodiesAre400AndChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const StoreSnapshot before(m_ws.db());
        const auto reply = m_a->send("POST", u"/api/v1/templates"_s, body);
        COMPARE_ERROR(reply, 400, code);
        QVERIFY(!reply.json()[u"error"_s][u"message"_s].toString().isEmpty());
        QVERIFY(reply.header("ETag").isEmpty());
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void sqlLookingTextIsStoredLiterally()
    {
        const qint64 count = TemplateRepository(m_ws.db()).count({});
        const QString name = u"x'); DROP TABLE templates;--"_s;
        const QString note = u"' OR 1=1; DELETE FROM templates WHERE '' = '"_s;
        QJsonObject body = templateBody(QUuid::createUuid(), name);
        body.insert(u"note"_s, note);
        const auto reply = m_a->post(u"/api/v1/templates"_s, body);
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"name"_s).toString(), name);
        const auto stored =
            TemplateRepository(m_ws.db()).find(QUuid::fromString(body[u"id"_s].toString()));
        QVERIFY(stored);
        QCOMPARE(stored->name, name);
        QCOMPARE(stored->note, note);
        QCOMPARE(TemplateRepository(m_ws.db()).count({}), count + 1);

        QCOMPARE(names(m_a->get(u"/api/v1/templates?name="_s + encoded(u"'); drop"_s))),
                 QStringList{name});
        for (const QString &q : {u"' OR '1'='1"_s, u"%"_s, u"_"_s, u"\\"_s}) {
            const auto search = m_a->get(u"/api/v1/templates?name="_s + encoded(q));
            COMPARE_STATUS(search, 200);
            QVERIFY2(search.json().value(u"totalCount"_s).toInteger() == 0, qPrintable(q));
        }
        const auto kind = m_a->get(u"/api/v1/templates?kind="_s + encoded(u"specific' --"_s));
        COMPARE_STATUS(kind, 400);
        QCOMPARE(TemplateRepository(m_ws.db()).count({}), count + 1);
    }

    // --- PUT /templates/{id} ---

    void replaceWithTheCurrentVersion()
    {
        const QUuid id = createTemplate(u"Winter Draft"_s);
        QJsonObject body = templateBody(id, u"Winter Final"_s);
        body.insert(u"faceValueMinor"_s, 300000);
        body.insert(u"payMode"_s, u"postpaid"_s);
        auto reply = m_a->put(path(id), body, ifMatch("1"));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(reply.json().value(u"version"_s).toInt(), 2);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Winter Final"_s);
        QCOMPARE(reply.json().value(u"faceValueMinor"_s).toInteger(), 300000);
        QCOMPARE(reply.json().value(u"payMode"_s).toString(), u"postpaid"_s);
        auto stored = TemplateRepository(m_ws.db()).find(id);
        QCOMPARE(stored->name, u"Winter Final"_s);
        QCOMPARE(stored->version, 2);
        QCOMPARE(stored->toJson(), reply.json());

        // The quoted ETag form, and a body without its id (the path names the template).
        body.remove(u"id"_s);
        body.insert(u"name"_s, u"Winter Final 2"_s);
        reply = m_a->put(path(id), body, ifMatch(" \"2\" "));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.header("ETag"), QByteArray("\"3\""));
        QCOMPARE(TemplateRepository(m_ws.db()).find(id)->version, 3);

        // Renaming to its own name in another case is not a duplicate.
        body.insert(u"name"_s, u"WINTER FINAL 2"_s);
        reply = m_a->put(path(id), body, ifMatch("3"));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"WINTER FINAL 2"_s);

        const auto read = m_a->get(path(id));
        QCOMPARE(read.header("ETag"), QByteArray("\"4\""));
        QCOMPARE(read.body, reply.body);
    }

    void readOnlyFieldsInTheBodyAreIgnored()
    {
        const QUuid id = createTemplate(u"Read Only Fields"_s);
        QJsonObject body = templateBody(id, u"Read Only Fields"_s);
        body.insert(u"version"_s, 99);
        body.insert(u"locked"_s, true);
        body.insert(u"partnerId"_s, idText(m_ws.partnerB.id));
        body.insert(u"createdAt"_s, u"2000-01-01T00:00:00.000Z"_s);
        const auto reply = m_a->put(path(id), body, ifMatch("1"));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"version"_s).toInt(), 2);
        QCOMPARE(reply.json().value(u"locked"_s).toBool(), false);
        QCOMPARE(reply.json().value(u"partnerId"_s).toString(), idText(m_ws.partnerA.id));
        const auto stored = TemplateRepository(m_ws.db()).find(id);
        QCOMPARE(stored->partnerId, m_ws.partnerA.id);
        QVERIFY(!stored->locked);
        QVERIFY(stored->createdAt.date().year() > 2000);
    }

    void aStaleVersionIsAConflict()
    {
        const QUuid id = createTemplate(u"Stale Draft"_s);
        COMPARE_STATUS(m_a->put(path(id), templateBody(id, u"Stale Draft v2"_s), ifMatch("1")),
                       200);
        const StoreSnapshot before(m_ws.db());
        for (const QByteArray &version : {QByteArray("1"), QByteArray("\"1\""), QByteArray("3")}) {
            const auto reply =
                m_a->put(path(id), templateBody(id, u"Lost Update"_s), ifMatch(version));
            COMPARE_ERROR(reply, 409, u"FailedOperation.VersionConflict"_s);
            QVERIFY(reply.header("ETag").isEmpty());
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
        QCOMPARE(TemplateRepository(m_ws.db()).find(id)->name, u"Stale Draft v2"_s);
    }

    void ifMatchIsRequiredAndMustBeAVersion_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("send");
        QTest::newRow("missing") << QByteArray() << false;
        QTest::newRow("empty") << QByteArray("") << true;
        QTest::newRow("word") << QByteArray("abc") << true;
        QTest::newRow("zero") << QByteArray("0") << true;
        QTest::newRow("negative") << QByteArray("-1") << true;
        QTest::newRow("star") << QByteArray("*") << true;
        QTest::newRow("weak") << QByteArray("W/\"1\"") << true;
        QTest::newRow("half quoted") << QByteArray("\"1") << true;
        QTest::newRow("fraction") << QByteArray("1.0") << true;
        QTest::newRow("exponent") << QByteArray("1e0") << true;
        QTest::newRow("huge") << QByteArray("99999999999999999999") << true;
        QTest::newRow("sql") << QByteArray("1 OR 1=1") << true;
    }

    void ifMatchIsRequiredAndMustBeAVersion()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, send);
        const StoreSnapshot before(m_ws.db());
        const QByteArray body = QJsonDocument(templateBody(m_spring.id, u"No Version"_s)).toJson();
        const auto reply = send ? m_a->send("PUT", path(m_spring.id), body, ifMatch(header))
                                : m_a->send("PUT", path(m_spring.id), body);
        COMPARE_ERROR(reply, 400, u"InvalidParameter.IfMatch"_s);
        QVERIFY2(reply.json()[u"error"_s][u"message"_s].toString().contains(u"If-Match"_s),
                 reply.body.constData());
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void aLockedTemplateIsRefusedBeforeAnyVersionCheck()
    {
        const StoreSnapshot before(m_ws.db());
        for (const QByteArray &version : {QByteArray("1"), QByteArray("7")}) {
            const auto reply = m_a->put(
                path(m_locked.id), templateBody(m_locked.id, u"Unlocked?"_s), ifMatch(version));
            COMPARE_ERROR(reply, 409, u"FailedOperation.TemplateLocked"_s);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void replaceRefusals()
    {
        const QUuid id = createTemplate(u"Refusal Target"_s);
        const StoreSnapshot before(m_ws.db());

        auto reply =
            m_a->put(path(id), templateBody(QUuid::createUuid(), u"Other Id"_s), ifMatch("1"));
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Id"_s);

        reply = m_a->send("PUT", path(id),
                          withRaw(templateBody(id, u"Huge"_s), u"faceValueMinor"_s, "1e300"),
                          ifMatch("1"));
        COMPARE_ERROR(reply, 400, u"InvalidParameter.FaceValueMinor"_s);

        reply = m_a->send("PUT", path(id), "{\"name\":", ifMatch("1"));
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Body"_s);

        reply = m_a->put(path(id), templateBody(id, u"SPRING promo"_s), ifMatch("1"));
        COMPARE_ERROR(reply, 409, u"FailedOperation.DuplicateName"_s);

        const QUuid nobody = QUuid::createUuid();
        reply = m_a->put(path(nobody), templateBody(nobody, u"Nobody"_s), ifMatch("1"));
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);

        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            reply = client->put(path(id), templateBody(id, u"Reviewed"_s), ifMatch("1"));
            COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void anotherPartnerCannotReplace()
    {
        const StoreSnapshot before(m_ws.db());
        for (const VoucherTemplate &t : {m_spring, m_locked}) {
            const auto reply =
                m_b->put(path(t.id), templateBody(t.id, u"Hijacked"_s), ifMatch("1"));
            COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
            QVERIFY(!reply.body.contains(t.name.toUtf8()));
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    // --- DELETE /templates/{id} ---

    void deleteAnUnusedTemplate()
    {
        const QUuid id = createTemplate(u"Short Lived"_s);
        auto reply = m_a->del(path(id));
        COMPARE_STATUS(reply, 204);
        QVERIFY(reply.body.isEmpty());
        QVERIFY(!TemplateRepository(m_ws.db()).find(id));
        COMPARE_STATUS(m_a->get(path(id)), 404);
        reply = m_a->del(path(id));
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
        // The name is free again.
        COMPARE_STATUS(
            m_a->post(u"/api/v1/templates"_s, templateBody(QUuid::createUuid(), u"Short Lived"_s)),
            201);
    }

    void deleteRefusals()
    {
        const StoreSnapshot before(m_ws.db());
        auto reply = m_a->del(path(m_locked.id));
        COMPARE_ERROR(reply, 409, u"FailedOperation.TemplateLocked"_s);

        for (const VoucherTemplate &t : {m_spring, m_locked}) {
            reply = m_b->del(path(t.id));
            COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
        }
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            reply = client->del(path(m_spring.id));
            COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
        QVERIFY(TemplateRepository(m_ws.db()).find(m_spring.id));
        QVERIFY(TemplateRepository(m_ws.db()).find(m_locked.id));
    }

    // --- POST /templates/{id}/duplicate ---

    void duplicateWithTheDefaultName()
    {
        auto reply = m_a->post(path(m_universal.id, u"/duplicate"_s), {});
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.header("ETag"), QByteArray("\"1\""));
        QJsonObject copy = reply.json();
        QCOMPARE(copy.value(u"name"_s).toString(), u"Universal Gift (copy)"_s);
        QVERIFY(copy.value(u"id"_s).toString() != idText(m_universal.id));
        QCOMPARE(copy.value(u"kind"_s).toString(), u"universal"_s);
        QCOMPARE(copy.value(u"faceValueMinor"_s).toInteger(), m_universal.faceValueMinor);
        QCOMPARE(copy.value(u"version"_s).toInt(), 1);
        QVERIFY(TemplateRepository(m_ws.db()).find(QUuid::fromString(copy[u"id"_s].toString())));

        // An empty body is an empty object.
        reply = m_a->send("POST", path(m_universal.id, u"/duplicate"_s), {});
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Universal Gift (copy 2)"_s);
    }

    void duplicateALockedTemplate()
    {
        const auto reply = m_a->post(path(m_locked.id, u"/duplicate"_s), {});
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Locked One (copy)"_s);
        QCOMPARE(reply.json().value(u"locked"_s).toBool(), false);
        QVERIFY(TemplateRepository(m_ws.db()).find(m_locked.id)->locked);
    }

    void duplicateWithIdAndNameIsIdempotent()
    {
        const QUuid id = QUuid::createUuid();
        const QJsonObject body{{u"id"_s, idText(id)}, {u"name"_s, u"Spring Promo B-side"_s}};
        const auto first = m_a->post(path(m_spring.id, u"/duplicate"_s), body);
        COMPARE_STATUS(first, 201);
        QCOMPARE(first.json().value(u"id"_s).toString(), idText(id));
        QCOMPARE(first.json().value(u"name"_s).toString(), u"Spring Promo B-side"_s);
        QCOMPARE(first.json().value(u"productCodes"_s).toArray(), (QJsonArray{u"cvm"_s, u"cos"_s}));
        const StoreSnapshot before(m_ws.db());

        const auto again = m_a->post(path(m_spring.id, u"/duplicate"_s), body);
        COMPARE_STATUS(again, 201);
        QCOMPARE(again.body, first.body);
        VD_VERIFY_UNCHANGED(before, m_ws.db());

        const auto conflict = m_a->post(path(m_spring.id, u"/duplicate"_s),
                                        {{u"id"_s, idText(id)}, {u"name"_s, u"Another Name"_s}});
        COMPARE_ERROR(conflict, 409, u"FailedOperation.IdempotencyConflict"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void duplicateRefusals()
    {
        const StoreSnapshot before(m_ws.db());
        const QString route = path(m_spring.id, u"/duplicate"_s);

        auto reply = m_a->post(route, {{u"name"_s, u"universal GIFT"_s}});
        COMPARE_ERROR(reply, 409, u"FailedOperation.DuplicateName"_s);

        reply = m_a->post(route, {{u"id"_s, 5}});
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Id"_s);
        reply = m_a->post(route, {{u"name"_s, 5}});
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Name"_s);
        reply = m_a->post(route, {{u"name"_s, QString(61, u'n')}});
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Name"_s);
        reply = m_a->send("POST", route, "{\"name\"");
        COMPARE_ERROR(reply, 400, u"InvalidParameter.Body"_s);
        reply = m_a->post(path(QUuid::createUuid(), u"/duplicate"_s), {});
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);

        for (const VoucherTemplate &t : {m_spring, m_locked}) {
            reply = m_b->post(path(t.id, u"/duplicate"_s), {{u"name"_s, u"Stolen"_s}});
            COMPARE_ERROR(reply, 404, u"ResourceNotFound.Template"_s);
            QVERIFY(!reply.body.contains(t.name.toUtf8()));
        }
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            reply = client->post(route, {});
            COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    // --- every route ---

    void signedOutCallersAreRefused()
    {
        const StoreSnapshot before(m_ws.db());
        ApiClient anonymous(m_fixture.server().url());
        const QByteArray body =
            QJsonDocument(templateBody(QUuid::createUuid(), u"Anon"_s)).toJson();
        const QList<QPair<QByteArray, QString>> routes = {
            {"GET", u"/api/v1/templates"_s}, {"POST", u"/api/v1/templates"_s},
            {"GET", path(m_spring.id)},      {"PUT", path(m_spring.id)},
            {"DELETE", path(m_spring.id)},   {"POST", path(m_spring.id, u"/duplicate"_s)},
        };
        for (const auto &[method, route] : routes) {
            const auto reply = anonymous.send(method, route, body, ifMatch("1"));
            COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);
            QVERIFY(!reply.body.contains("Spring"));
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void otherMethodsAre405()
    {
        const StoreSnapshot before(m_ws.db());
        auto reply = m_a->send("PATCH", path(m_spring.id), "{}");
        COMPARE_STATUS(reply, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("GET, PUT, DELETE"));
        reply = m_a->get(path(m_spring.id, u"/duplicate"_s));
        COMPARE_STATUS(reply, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("POST"));
        reply = m_a->send("DELETE", u"/api/v1/templates"_s, {});
        COMPARE_STATUS(reply, 405);
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

private:
    // A new template of partner A through the API; its id.
    QUuid createTemplate(const QString &name)
    {
        const QUuid id = QUuid::createUuid();
        const auto reply = m_a->post(u"/api/v1/templates"_s, templateBody(id, name));
        if (reply.status != 201)
            qFatal("creating the template failed: %s", reply.body.constData());
        return id;
    }

    static QJsonObject withRawObject(QJsonObject body, const QString &field, int value)
    {
        body.insert(field, value);
        return body;
    }

    ServerFixture m_fixture;
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_a, m_b, m_reviewer, m_admin;
    VoucherTemplate m_spring, m_universal, m_locked, m_beta;
};

QTEST_MAIN(TestTemplateRoutes)
#include "tst_templateroutes.moc"
