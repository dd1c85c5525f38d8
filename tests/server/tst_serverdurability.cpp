// An acknowledged write is durable: a server killed with SIGKILL in the middle of a burst of
// creates loses none it answered 2xx for, the store opens cleanly afterwards, and clients that
// retry their unanswered creates (same ids) end with each create stored exactly once. Power
// loss cannot be staged here; the server's SQLite connections run synchronous=FULL for it.

#include "core/repositories/customerrepository.h"
#include "core/store/database.h"
#include "server/servercli.h"
#include "tests/support/apiclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QString pragma(const Database &db, const QString &name)
{
    SqlStatement query = db.prepare(u"PRAGMA "_s + name);
    query.exec();
    return query.next() ? query.value(0).toString() : QString();
}
} // namespace

class TestServerDurability : public QObject
{
    Q_OBJECT

private:
    struct Create
    {
        QUuid id;
        QJsonObject body;
        QNetworkReply *reply = nullptr;
        int status = 0;
    };

    static QJsonObject customerBody(const QUuid &id, int i)
    {
        return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
                {u"name"_s, u"Durable Customer %1"_s.arg(i)},
                {u"uin"_s, QString::number(3000000000LL + i)}};
    }

private slots:
    void acknowledgedCreatesSurviveSigkill()
    {
        constexpr int total = 200;
        constexpr int killAfter = 60; // acknowledged creates before the kill

        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        ApiClient client(server.url());
        QCOMPARE(client.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);

        // Queued all at once: the client keeps several connections busy, so the kill lands
        // with creates in flight, some committed and answered, some not.
        QList<Create> creates(total);
        int finished = 0;
        int acknowledged = 0;
        for (int i = 0; i < total; ++i) {
            Create &create = creates[i];
            create.id = QUuid::createUuid();
            create.body = customerBody(create.id, i);
            create.reply = client.start("POST", u"/api/v1/customers"_s,
                                        QJsonDocument(create.body).toJson(QJsonDocument::Compact));
            connect(create.reply, &QNetworkReply::finished, this, [&, i] {
                Create &done = creates[i];
                done.status = ApiClient::finish(done.reply).status;
                ++finished;
                if (done.status / 100 == 2 && ++acknowledged == killAfter)
                    server.kill();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, total, 120000);
        for (const Create &create : std::as_const(creates))
            create.reply->deleteLater();

        qInfo("%d of %d creates were acknowledged before the kill", acknowledged, total);
        QVERIFY2(acknowledged >= killAfter, "the server must have answered creates before dying");
        QVERIFY2(acknowledged < total, "the kill must land mid-burst");
        for (const Create &create : std::as_const(creates)) {
            QVERIFY2(create.status == 0 || create.status == 201,
                     qPrintable(u"unexpected status %1"_s.arg(create.status)));
        }

        // The store as a restarted server finds it: it opens (the WAL is recovered), is
        // intact, and holds every acknowledged create exactly as it was sent.
        QString error;
        const std::unique_ptr<Database> db = Database::open(ws.path(), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(pragma(*db, u"integrity_check"_s), u"ok"_s);
        const CustomerRepository customers(*db);
        int stored = 0;
        for (const Create &create : std::as_const(creates)) {
            const auto customer = customers.find(create.id);
            if (create.status == 201) {
                QVERIFY2(customer, qPrintable(u"acknowledged create %1 was lost"_s.arg(
                                       create.id.toString())));
            }
            if (customer) {
                ++stored;
                QCOMPARE(customer->name, create.body.value(u"name"_s).toString());
                QCOMPARE(customer->uin, create.body.value(u"uin"_s).toString());
                QCOMPARE(customer->partnerId, ws.partnerA.id);
            }
        }
        CustomerFilter mine;
        mine.partnerId = ws.partnerA.id;
        // Two from the fixture; nothing stored that the burst did not send.
        QCOMPARE(customers.count(mine), qint64(2 + stored));
        qInfo("%d stored, %d of them unacknowledged", stored, stored - acknowledged);

        // Clients retry what got no answer, with the same ids: each create lands exactly once.
        ServerProcess restarted;
        QVERIFY2(restarted.start(ws.path()), qPrintable(restarted.errorMessage()));
        ApiClient retry(restarted.url());
        QCOMPARE(retry.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);
        for (const Create &create : std::as_const(creates)) {
            if (create.status != 0)
                continue;
            const auto reply = retry.post(u"/api/v1/customers"_s, create.body);
            QVERIFY2(reply.status == 201, reply.body.constData());
            QCOMPARE(reply.json().value(u"id"_s).toString(),
                     create.id.toString(QUuid::WithoutBraces));
        }
        QCOMPARE(customers.count(mine), qint64(2 + total));
    }

    void serverCommitsReachTheDiskAtOnce()
    {
        // synchronous=FULL in WAL mode: each commit flushes the WAL before the server answers,
        // so an acknowledged write survives a power loss, not only a killed process.
        TestWorkspace ws;
        QString error;
        const std::unique_ptr<Database> server = ServerCli::openDatabase(ws.path(), &error);
        QVERIFY2(server, qPrintable(error));
        QCOMPARE(pragma(*server, u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(*server, u"synchronous"_s), u"2"_s); // FULL
        // The desktop workspace keeps the cheaper NORMAL: the difference is deliberate.
        const std::unique_ptr<Database> desktop = Database::open(ws.path(), &error);
        QVERIFY2(desktop, qPrintable(error));
        QCOMPARE(pragma(*desktop, u"synchronous"_s), u"1"_s); // NORMAL
    }
};

QTEST_MAIN(TestServerDurability)
#include "tst_serverdurability.moc"
