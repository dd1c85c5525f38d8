// GET/POST /customers and GET /customers/{id} over a socket to the real binary: a partner's
// own customers only, reviewers and admins reading all, strict bodies and query values, and
// idempotent creates; every refusal leaves the store as it was.

#include "core/repositories/customerrepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QStringList names(const ApiClient::Reply &reply)
{
    QStringList result;
    for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
        result.append(item[u"name"_s].toString());
    return result;
}

QStringList ids(const ApiClient::Reply &reply)
{
    QStringList result;
    for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
        result.append(item[u"id"_s].toString());
    return result;
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}
} // namespace

class TestCustomerRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_ws.isValid());
        QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
        m_a = m_fixture.client(u"manager.a"_s);
        m_b = m_fixture.client(u"manager.b"_s);
        m_reviewer = m_fixture.client(u"reviewer"_s);
        m_admin = m_fixture.client(u"admin"_s);
        QVERIFY(m_a && m_b && m_reviewer && m_admin);
    }

    void aPartnerListsItsOwnCustomers()
    {
        auto reply = m_a->get(u"/api/v1/customers"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(names(reply), (QStringList{u"Acme Test Co"_s, u"Dormant Ltd"_s}));
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 2);
        const QJsonObject acme = reply.json()[u"items"_s][0].toObject();
        QCOMPARE(acme.value(u"id"_s).toString(), idText(m_ws.customerA.id));
        QCOMPARE(acme.value(u"partnerId"_s).toString(), idText(m_ws.partnerA.id));
        QCOMPARE(acme.value(u"uin"_s).toString(), u"100000001"_s);
        QCOMPARE(acme.value(u"eligible"_s).toBool(), true);
        QVERIFY(!acme.value(u"createdAt"_s).toString().isEmpty());

        reply = m_b->get(u"/api/v1/customers"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(ids(reply), QStringList{idText(m_ws.customerB.id)});
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 1);
    }

    void reviewersAndAdminsListEveryPartnersCustomers()
    {
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            const auto reply = client->get(u"/api/v1/customers?limit=200"_s);
            COMPARE_STATUS(reply, 200);
            const qint64 stored = CustomerRepository(m_ws.db()).count({});
            QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), stored);
            QVERIFY(ids(reply).contains(idText(m_ws.customerA.id)));
            QVERIFY(ids(reply).contains(idText(m_ws.customerB.id)));
        }
    }

    void textFilterMatchesNameOrUinStartWithinTheCaller()
    {
        QCOMPARE(names(m_a->get(u"/api/v1/customers?q=acme"_s)), QStringList{u"Acme Test Co"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/customers?q=10000000"_s)).size(), 2);
        QCOMPARE(names(m_a->get(u"/api/v1/customers?q=00001"_s)).size(), 0); // a start, not a part
        // Partner B's customer matches neither by name nor by UIN for partner A.
        auto reply = m_a->get(u"/api/v1/customers?q=beta"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 0);
        QCOMPARE(m_a->get(u"/api/v1/customers?q=200000001"_s).json()[u"totalCount"_s].toInt(), 0);
        QCOMPARE(names(m_reviewer->get(u"/api/v1/customers?q=beta"_s)),
                 QStringList{u"Beta Cloud"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/customers?q="_s + encoded(u"test co"_s))),
                 QStringList{u"Acme Test Co"_s});
    }

    void eligibleFilter()
    {
        QCOMPARE(names(m_a->get(u"/api/v1/customers?eligible=true"_s)),
                 QStringList{u"Acme Test Co"_s});
        QCOMPARE(names(m_a->get(u"/api/v1/customers?eligible=false"_s)),
                 QStringList{u"Dormant Ltd"_s});
        QCOMPARE(m_a->get(u"/api/v1/customers?eligible=false"_s).json()[u"totalCount"_s].toInt(),
                 1);
        QCOMPARE(names(m_b->get(u"/api/v1/customers?eligible=false"_s)), QStringList());
    }

    void paging()
    {
        auto reply = m_a->get(u"/api/v1/customers?limit=1"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(names(reply), QStringList{u"Acme Test Co"_s});
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 2);
        reply = m_a->get(u"/api/v1/customers?limit=1&offset=1"_s);
        QCOMPARE(names(reply), QStringList{u"Dormant Ltd"_s});
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 2);
        reply = m_a->get(u"/api/v1/customers?offset=5"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(names(reply), QStringList());
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), 2);
        COMPARE_STATUS(m_a->get(u"/api/v1/customers?limit=200"_s), 200);
    }

    void badQueryValuesNameTheParameter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("eligible=maybe")
            << u"eligible=maybe"_s << u"InvalidParameter.Eligible"_s << u"eligible"_s;
        QTest::newRow("eligible=1")
            << u"eligible=1"_s << u"InvalidParameter.Eligible"_s << u"eligible"_s;
        QTest::newRow("limit=500") << u"limit=500"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=0") << u"limit=0"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=abc") << u"limit=abc"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("limit=1e300")
            << u"limit=1e300"_s << u"InvalidParameter.Limit"_s << u"limit"_s;
        QTest::newRow("offset=-1") << u"offset=-1"_s << u"InvalidParameter.Offset"_s << u"offset"_s;
        QTest::newRow("offset=2^63")
            << u"offset=9223372036854775808"_s << u"InvalidParameter.Offset"_s << u"offset"_s;
        QTest::newRow("q with NUL") << u"q=ac%00me"_s << u"InvalidParameter.Q"_s << u"q"_s;
        QTest::newRow("q with a tab") << u"q=ac%09me"_s << u"InvalidParameter.Q"_s << u"q"_s;
    }

    void badQueryValuesNameTheParameter()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, parameter);
        for (ApiClient *client : {m_a.get(), m_reviewer.get()}) {
            const auto reply = client->get(u"/api/v1/customers?"_s + query);
            COMPARE_ERROR(reply, 400, code);
            QVERIFY2(reply.json()[u"error"_s][u"message"_s].toString().contains(parameter),
                     reply.body.constData());
            QVERIFY(!reply.json().contains(u"items"_s));
        }
    }

    void createAnswersTheWholeCustomer()
    {
        const QUuid id = QUuid::createUuid();
        const auto reply = m_a->post(
            u"/api/v1/customers"_s,
            {{u"id"_s, idText(id)}, {u"name"_s, u"  Cirrus Labs "_s}, {u"uin"_s, u"300000001"_s}});
        COMPARE_STATUS(reply, 201);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"id"_s).toString(), idText(id));
        QCOMPARE(json.value(u"partnerId"_s).toString(), idText(m_ws.partnerA.id));
        QCOMPARE(json.value(u"name"_s).toString(), u"Cirrus Labs"_s);
        QCOMPARE(json.value(u"uin"_s).toString(), u"300000001"_s);
        QCOMPARE(json.value(u"eligible"_s).toBool(), true); // the default
        QVERIFY(!json.value(u"createdAt"_s).toString().isEmpty());

        const auto stored = CustomerRepository(m_ws.db()).find(id);
        QVERIFY(stored);
        QCOMPARE(stored->partnerId, m_ws.partnerA.id);
        QCOMPARE(stored->name, u"Cirrus Labs"_s);
        QVERIFY(stored->eligible);

        const auto read = m_a->get(u"/api/v1/customers/"_s + idText(id));
        COMPARE_STATUS(read, 200);
        QCOMPARE(read.json(), json);
    }

    void createAnIneligibleCustomer()
    {
        const QUuid id = QUuid::createUuid();
        const auto reply = m_b->post(u"/api/v1/customers"_s, {{u"id"_s, idText(id)},
                                                              {u"name"_s, u"Nimbus"_s},
                                                              {u"uin"_s, u"400000001"_s},
                                                              {u"eligible"_s, false}});
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"eligible"_s).toBool(), false);
        QCOMPARE(reply.json().value(u"partnerId"_s).toString(), idText(m_ws.partnerB.id));
        QVERIFY(!CustomerRepository(m_ws.db()).find(id)->eligible);
        QVERIFY(names(m_b->get(u"/api/v1/customers?eligible=false"_s)).contains(u"Nimbus"_s));
    }

    void aRepeatedCreateAnswersTheFirstResult()
    {
        const QUuid id = QUuid::createUuid();
        const QJsonObject body{
            {u"id"_s, idText(id)}, {u"name"_s, u"Stratus"_s}, {u"uin"_s, u"300000002"_s}};
        const auto first = m_a->post(u"/api/v1/customers"_s, body);
        COMPARE_STATUS(first, 201);
        const qint64 count = CustomerRepository(m_ws.db()).count({});
        const StoreSnapshot before(m_ws.db());

        const auto again = m_a->post(u"/api/v1/customers"_s, body);
        COMPARE_STATUS(again, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(CustomerRepository(m_ws.db()).count({}), count);

        QJsonObject changed = body;
        changed.insert(u"name"_s, u"Stratus Two"_s);
        const auto conflict = m_a->post(u"/api/v1/customers"_s, changed);
        COMPARE_ERROR(conflict, 409, u"FailedOperation.IdempotencyConflict"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());
        QCOMPARE(CustomerRepository(m_ws.db()).find(id)->name, u"Stratus"_s);

        // Another partner reusing the id learns nothing about the customer behind it.
        const auto other = m_b->post(u"/api/v1/customers"_s, body);
        COMPARE_ERROR(other, 409, u"FailedOperation.IdempotencyConflict"_s);
        QVERIFY(!other.body.contains("Stratus"));
        QVERIFY(!other.body.contains("300000002"));
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void aUinIsUniquePerPartner()
    {
        const StoreSnapshot before(m_ws.db());
        const auto reply =
            m_a->post(u"/api/v1/customers"_s, {{u"id"_s, idText(QUuid::createUuid())},
                                               {u"name"_s, u"Acme Again"_s},
                                               {u"uin"_s, u"100000001"_s}});
        COMPARE_ERROR(reply, 409, u"FailedOperation.DuplicateUin"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());

        // Partner B may have a customer with the same UIN.
        const auto other =
            m_b->post(u"/api/v1/customers"_s, {{u"id"_s, idText(QUuid::createUuid())},
                                               {u"name"_s, u"Acme at B"_s},
                                               {u"uin"_s, u"100000001"_s}});
        COMPARE_STATUS(other, 201);
    }

    void onlyPartnerManagersCreate()
    {
        const StoreSnapshot before(m_ws.db());
        const QJsonObject body{{u"id"_s, idText(QUuid::createUuid())},
                               {u"name"_s, u"Reviewer's Pet"_s},
                               {u"uin"_s, u"500000001"_s}};
        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            auto reply = client->post(u"/api/v1/customers"_s, body);
            COMPARE_ERROR(reply, 403, u"UnauthorizedOperation"_s);
            // Whatever the body: the role decides first.
            reply = client->send("POST", u"/api/v1/customers"_s, "{broken");
            COMPARE_STATUS(reply, 403);
        }
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void badBodiesAre400AndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QByteArray id = '"' + idText(QUuid::createUuid()).toLatin1() + '"';
        QTest::newRow("malformed") << QByteArray("{\"id\": ") << u"InvalidParameter.Body"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"InvalidParameter.Body"_s;
        QTest::newRow("string") << QByteArray("\"customer\"") << u"InvalidParameter.Body"_s;
        QTest::newRow("empty") << QByteArray() << u"InvalidParameter"_s; // every field missing
        QTest::newRow("no id") << QByteArray(R"({"name":"X Co","uin":"123456"})")
                               << u"InvalidParameter.Id"_s;
        QTest::newRow("id not uuid") << QByteArray(R"({"id":"42","name":"X Co","uin":"123456"})")
                                     << u"InvalidParameter.Id"_s;
        QTest::newRow("id with a tail")
            << QByteArray(R"({"id":")" + idText(QUuid::createUuid()).toLatin1() +
                          R"(-1","name":"X Co","uin":"123456"})")
            << u"InvalidParameter.Id"_s;
        QTest::newRow("id number")
            << QByteArray(R"({"id":42,"name":"X Co","uin":"123456"})") << u"InvalidParameter.Id"_s;
        QTest::newRow("no name") << QByteArray(R"({"id":)" + id + R"(,"uin":"123456"})")
                                 << u"InvalidParameter.Name"_s;
        QTest::newRow("blank name")
            << QByteArray(R"({"id":)" + id + R"(,"name":"  ","uin":"123456"})")
            << u"InvalidParameter.Name"_s;
        QTest::newRow("long name") << QByteArray(R"({"id":)" + id + R"(,"name":")" +
                                                 QByteArray(101, 'n') + R"(","uin":"123456"})")
                                   << u"InvalidParameter.Name"_s;
        QTest::newRow("name array")
            << QByteArray(R"({"id":)" + id + R"(,"name":["a"],"uin":"123456"})")
            << u"InvalidParameter.Name"_s;
        QTest::newRow("uin number")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":123456})")
            << u"InvalidParameter.Uin"_s;
        QTest::newRow("uin 1e300")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":1e300})")
            << u"InvalidParameter.Uin"_s;
        QTest::newRow("uin letters")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":"12ab56"})")
            << u"InvalidParameter.Uin"_s;
        QTest::newRow("uin short")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":"1234"})")
            << u"InvalidParameter.Uin"_s;
        QTest::newRow("uin 2^63") << QByteArray(R"({"id":)" + id +
                                                R"(,"name":"X Co","uin":"9223372036854775808123"})")
                                  << u"InvalidParameter.Uin"_s;
        QTest::newRow("eligible string")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":"123456","eligible":"yes"})")
            << u"InvalidParameter.Eligible"_s;
        QTest::newRow("eligible number")
            << QByteArray(R"({"id":)" + id + R"(,"name":"X Co","uin":"123456","eligible":1})")
            << u"InvalidParameter.Eligible"_s;
        QTest::newRow("several") << QByteArray(R"({"id":)" + id + R"(,"name":7,"uin":7})")
                                 << u"InvalidParameter"_s;
    }

    void badBodiesAre400AndChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const StoreSnapshot before(m_ws.db());
        const auto reply = m_a->send("POST", u"/api/v1/customers"_s, body);
        COMPARE_ERROR(reply, 400, code);
        QVERIFY(!reply.json()[u"error"_s][u"message"_s].toString().isEmpty());
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void sqlLookingTextIsStoredLiterally()
    {
        const qint64 count = CustomerRepository(m_ws.db()).count({});
        const QString name = u"Robert'); DROP TABLE customers;--"_s;
        const QUuid id = QUuid::createUuid();
        const auto reply =
            m_a->post(u"/api/v1/customers"_s,
                      {{u"id"_s, idText(id)}, {u"name"_s, name}, {u"uin"_s, u"600000001"_s}});
        COMPARE_STATUS(reply, 201);
        QCOMPARE(reply.json().value(u"name"_s).toString(), name);
        QCOMPARE(CustomerRepository(m_ws.db()).count({}), count + 1);
        QCOMPARE(CustomerRepository(m_ws.db()).find(id)->name, name);

        // Searching with SQL or LIKE syntax matches it as text, never as syntax.
        QCOMPARE(ids(m_a->get(u"/api/v1/customers?q="_s + encoded(u"'); DROP"_s))),
                 QStringList{idText(id)});
        for (const QString &q : {u"' OR '1'='1"_s, u"%"_s, u"_"_s, u"\\"_s, u"1' --"_s}) {
            const auto search = m_a->get(u"/api/v1/customers?q="_s + encoded(q));
            COMPARE_STATUS(search, 200);
            QVERIFY2(search.json().value(u"totalCount"_s).toInteger() == 0, qPrintable(q));
        }
        // A path id with SQL in it is just not a customer.
        const auto path = m_a->get(u"/api/v1/customers/"_s + encoded(u"1' OR '1'='1"_s));
        COMPARE_STATUS(path, 404);
        QCOMPARE(CustomerRepository(m_ws.db()).count({}), count + 1);
    }

    void readOneCustomer()
    {
        auto reply = m_a->get(u"/api/v1/customers/"_s + idText(m_ws.ineligibleCustomerA.id));
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"name"_s).toString(), u"Dormant Ltd"_s);
        QCOMPARE(reply.json().value(u"eligible"_s).toBool(), false);
        // Braced UUIDs name the same customer.
        reply = m_a->get(u"/api/v1/customers/"_s + m_ws.customerA.id.toString());
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"id"_s).toString(), idText(m_ws.customerA.id));

        for (ApiClient *client : {m_reviewer.get(), m_admin.get()}) {
            reply = client->get(u"/api/v1/customers/"_s + idText(m_ws.customerB.id));
            COMPARE_STATUS(reply, 200);
            QCOMPARE(reply.json().value(u"name"_s).toString(), u"Beta Cloud"_s);
        }
    }

    void anotherPartnersCustomerLooksMissing()
    {
        const auto unknown = m_b->get(u"/api/v1/customers/"_s + idText(QUuid::createUuid()));
        COMPARE_ERROR(unknown, 404, u"ResourceNotFound.Customer"_s);

        for (const Customer &customer : {m_ws.customerA, m_ws.ineligibleCustomerA}) {
            const auto reply = m_b->get(u"/api/v1/customers/"_s + idText(customer.id));
            COMPARE_ERROR(reply, 404, u"ResourceNotFound.Customer"_s);
            QCOMPARE(reply.json()[u"error"_s][u"message"_s].toString(),
                     unknown.json()[u"error"_s][u"message"_s].toString());
            QVERIFY(!reply.body.contains(customer.name.toUtf8()));
            QVERIFY(!reply.body.contains(customer.uin.toUtf8()));
        }
        const auto list = m_b->get(u"/api/v1/customers?limit=200"_s);
        QVERIFY(!ids(list).contains(idText(m_ws.customerA.id)));
        QVERIFY(!ids(list).contains(idText(m_ws.ineligibleCustomerA.id)));
        const auto back = m_a->get(u"/api/v1/customers/"_s + idText(m_ws.customerB.id));
        COMPARE_STATUS(back, 404);
    }

    void pathIdsThatAreNotUuidsAre404_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("word") << u"acme"_s;
        QTest::newRow("number") << u"42"_s;
        QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s;
        // A real customer's id with something around it is still not an id.
        QTest::newRow("uuid and more") << idText(m_ws.customerA.id) + u"x"_s;
        QTest::newRow("open brace") << u"{"_s + idText(m_ws.customerA.id);
        QTest::newRow("short") << idText(m_ws.customerA.id).chopped(1);
    }

    void pathIdsThatAreNotUuidsAre404()
    {
        QFETCH(QString, id);
        const auto reply = m_a->get(u"/api/v1/customers/"_s + id);
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Customer"_s);
    }

    void signedOutCallersAreRefused()
    {
        const StoreSnapshot before(m_ws.db());
        ApiClient anonymous(m_fixture.server().url());
        COMPARE_STATUS(anonymous.get(u"/api/v1/customers"_s), 401);
        COMPARE_STATUS(anonymous.get(u"/api/v1/customers/"_s + idText(m_ws.customerA.id)), 401);
        const auto reply =
            anonymous.post(u"/api/v1/customers"_s, {{u"id"_s, idText(QUuid::createUuid())},
                                                    {u"name"_s, u"Anon"_s},
                                                    {u"uin"_s, u"700000001"_s}});
        COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

    void otherMethodsAre405()
    {
        const StoreSnapshot before(m_ws.db());
        auto reply = m_a->send("DELETE", u"/api/v1/customers/"_s + idText(m_ws.customerA.id), {});
        COMPARE_STATUS(reply, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("GET"));
        reply = m_a->send("PUT", u"/api/v1/customers"_s, "{}");
        COMPARE_STATUS(reply, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("GET, POST"));
        VD_VERIFY_UNCHANGED(before, m_ws.db());
    }

private:
    ServerFixture m_fixture;
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_a, m_b, m_reviewer, m_admin;
};

QTEST_MAIN(TestCustomerRoutes)
#include "tst_customerroutes.moc"
