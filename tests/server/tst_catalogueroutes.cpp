// GET /products and GET /blocklist over a socket to the real binary: the catalogue and the
// current blocklist revision as every signed-in role reads it, and the refusals around them.

#include "core/commands/cataloguecommands.h"
#include "core/repositories/productrepository.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestCatalogueRoutes : public QObject
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

    void productsAreTheWholeCatalogue()
    {
        const QList<Product> stored = ProductRepository(m_ws.db()).all();
        QVERIFY(stored.size() > 5);
        const auto reply = m_a->get(u"/api/v1/products"_s);
        COMPARE_STATUS(reply, 200);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), stored.size());
        QCOMPARE(reply.json().value(u"totalCount"_s).toInteger(), stored.size());
        QStringList codes;
        for (const QJsonValue &item : items) {
            const QJsonObject product = item.toObject();
            codes.append(product.value(u"code"_s).toString());
            QVERIFY(!product.value(u"name"_s).toString().isEmpty());
            QVERIFY(!product.value(u"category"_s).toString().isEmpty());
            QVERIFY(product.value(u"active"_s).isBool());
        }
        for (const Product &product : stored)
            QVERIFY2(codes.contains(product.code), qPrintable(product.code));
        const QJsonObject first = items.first().toObject();
        QCOMPARE(first.value(u"code"_s).toString(), stored.first().code);
        QCOMPARE(first.value(u"name"_s).toString(), stored.first().name);
        QCOMPARE(first.value(u"nameZh"_s).toString(), stored.first().nameZh);
    }

    void everyRoleReadsTheSameCatalogue()
    {
        const QByteArray expected = m_a->get(u"/api/v1/products"_s).body;
        for (ApiClient *client : {m_b.get(), m_reviewer.get(), m_admin.get()}) {
            const auto reply = client->get(u"/api/v1/products"_s);
            COMPARE_STATUS(reply, 200);
            QCOMPARE(reply.body, expected);
        }
    }

    void blocklistIsTheCurrentRevision()
    {
        const auto stored =
            ProductRepository(m_ws.db()).blocklistAt(QDateTime::currentDateTimeUtc());
        QVERIFY(stored);
        const auto reply = m_b->get(u"/api/v1/blocklist"_s);
        COMPARE_STATUS(reply, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(u"revision"_s).toInt(), stored->revision);
        QCOMPARE(QDateTime::fromString(json.value(u"effectiveAt"_s).toString(), Qt::ISODateWithMs),
                 stored->effectiveAt);
        QStringList codes;
        for (const QJsonValue &code : json.value(u"productCodes"_s).toArray())
            codes.append(code.toString());
        QCOMPARE(codes, stored->productCodes);
        QCOMPARE(json.keys(), (QStringList{u"effectiveAt"_s, u"productCodes"_s, u"revision"_s}));
    }

    void aNewRevisionAppliesFromItsEffectiveTime()
    {
        const auto before = m_reviewer->get(u"/api/v1/blocklist"_s).json();
        auto ctx = m_ws.context(m_ws.admin);
        // A revision that takes effect tomorrow does not bind anything yet.
        const auto future = CatalogueCommands(*ctx).addBlocklistRevision(
            QDateTime::currentDateTimeUtc().addDays(1), {u"cvm"_s});
        QVERIFY(future);
        QCOMPARE(m_reviewer->get(u"/api/v1/blocklist"_s).json(), before);

        const auto current = CatalogueCommands(*ctx).addBlocklistRevision(
            QDateTime::currentDateTimeUtc().addSecs(-60), {u"cos"_s, u"cdn"_s});
        QVERIFY(current);
        const auto reply = m_a->get(u"/api/v1/blocklist"_s);
        COMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json().value(u"revision"_s).toInt(), current.value().revision);
        QCOMPARE(reply.json().value(u"productCodes"_s).toArray(), (QJsonArray{u"cdn"_s, u"cos"_s}));
        // Both partners and every role read the same revision.
        QCOMPARE(m_b->get(u"/api/v1/blocklist"_s).body, reply.body);
        QCOMPARE(m_admin->get(u"/api/v1/blocklist"_s).body, reply.body);
    }

    void signedOutCallersAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("products") << u"/api/v1/products"_s;
        QTest::newRow("blocklist") << u"/api/v1/blocklist"_s;
    }

    void signedOutCallersAreRefused()
    {
        QFETCH(QString, path);
        ApiClient anonymous(m_fixture.server().url());
        auto reply = anonymous.get(path);
        COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);

        anonymous.setToken(QString(43, u'x'));
        reply = anonymous.get(path);
        COMPARE_STATUS(reply, 401);
        QVERIFY(reply.errorCode().startsWith(u"AuthFailure."_s));
        QVERIFY(!reply.json().contains(u"items"_s));
    }

    void writesAreNotRoutes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("POST products") << QByteArray("POST") << u"/api/v1/products"_s;
        QTest::newRow("PUT blocklist") << QByteArray("PUT") << u"/api/v1/blocklist"_s;
        QTest::newRow("DELETE blocklist") << QByteArray("DELETE") << u"/api/v1/blocklist"_s;
    }

    void writesAreNotRoutes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const StoreSnapshot before(m_ws.db());
        const auto reply = m_admin->send(method, path, R"({"productCodes":["cvm"]})");
        COMPARE_ERROR(reply, 405, u"UnsupportedOperation.MethodNotAllowed"_s);
        QCOMPARE(reply.header("Allow"), QByteArray("GET"));
        const QByteArray changed = before.differencesFrom(m_ws.db());
        QVERIFY2(changed.isEmpty(), changed.constData());
    }

    void anItemPathIsNotARoute()
    {
        const auto reply = m_a->get(u"/api/v1/products/cvm"_s);
        COMPARE_ERROR(reply, 404, u"ResourceNotFound.Route"_s);
    }

private:
    ServerFixture m_fixture;
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_a, m_b, m_reviewer, m_admin;
};

QTEST_MAIN(TestCatalogueRoutes)
#include "tst_catalogueroutes.moc"
