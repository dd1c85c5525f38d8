// The HTTP basics every route relies on, spoken over a socket to the real binary: the error
// envelope and request ids, unknown routes and methods, oversized and malformed bodies,
// sign-in, tokens, throttling, health and metrics, and the command line.

#include "core/repositories/authsessionrepository.h"
#include "tests/support/apiclient.h"
#include "tests/support/serverfixture.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerBasics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_ws.isValid());
        QVERIFY2(m_server.start(m_ws.path()), qPrintable(m_server.errorMessage()));
    }

    void healthAnswersWithARequestId()
    {
        ApiClient client(m_server.url());
        const auto reply = client.get(u"/health"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
        QVERIFY(!QUuid::fromString(QString::fromLatin1(reply.header("X-Request-Id"))).isNull());
    }

    void unknownRouteIsJson404()
    {
        ApiClient client(m_server.url());
        const auto reply = client.get(u"/api/v1/nothing-here"_s);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"ResourceNotFound.Route"_s);
        const QJsonObject error = reply.json().value(u"error"_s).toObject();
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        QCOMPARE(error.value(u"requestId"_s).toString(),
                 QString::fromLatin1(reply.header("X-Request-Id")));
    }

    void wrongMethodIsJson405WithAllow()
    {
        ApiClient client(m_server.url());
        const auto reply = client.send("DELETE", u"/api/v1/auth/login"_s, {});
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.errorCode(), u"UnsupportedOperation.MethodNotAllowed"_s);
        QCOMPARE(reply.header("Allow"), QByteArray("POST"));
    }

    void oversizedBodyIs413()
    {
        ApiClient client(m_server.url());
        const QByteArray big(1024 * 1024 + 1, 'x');
        const auto reply = client.send("POST", u"/api/v1/auth/login"_s, big);
        QCOMPARE(reply.status, 413);
        QCOMPARE(reply.errorCode(), u"RequestTooLarge"_s);
    }

    void malformedAndWronglyTypedBodiesAre400()
    {
        ApiClient client(m_server.url());
        auto reply = client.send("POST", u"/api/v1/auth/login"_s, "{not json");
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorCode().startsWith(u"InvalidParameter"_s), reply.body.constData());

        reply = client.post(u"/api/v1/auth/login"_s,
                            QJsonObject{{u"login"_s, 42}, {u"password"_s, u"x"_s}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"InvalidParameter.Login"_s);
        QVERIFY2(reply.json()[u"error"_s][u"message"_s].toString().contains(u"login"_s),
                 reply.body.constData());
    }

    // Requests run on worker threads (a write queued on one, reads on a pool), yet the answers
    // on one connection keep the order of its requests: a slow sign-in (password hashing) sent
    // first is answered before a quick health check sent right behind it.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray login = R"({"login":"manager.a","password":"password-manager.a"})";
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\n"
                     "Content-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(login.size()) + "\r\n\r\n" + login +
                     "GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(),
                                  received.contains("\"token\"") && received.contains("\"ok\"")),
                                 10000);
        QVERIFY2(received.indexOf("\"token\"") < received.indexOf("\"ok\""), received.constData());
    }

    // "Connection: close" is honoured: the answer comes, then the server closes; a request
    // pipelined behind it is not answered.
    void connectionCloseEndsTheConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
                     "GET /health HTTP/1.1\r\nHost: test\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState),
            10000);
        received += socket.readAll();
        QCOMPARE(received.count("HTTP/1.1 200"), 1);
    }

    // Framing a proxy in front could read otherwise (request smuggling) is refused, and the
    // connection closed: two different Content-Length headers, or one with Transfer-Encoding.
    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("two lengths")
            << QByteArray("Content-Length: 2\r\nContent-Length: 30\r\n") << QByteArray("{}");
        QTest::newRow("length and chunked")
            << QByteArray("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n")
            << QByteArray("2\r\n{}\r\n0\r\n\r\n");
    }

    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QByteArray, body);
        QTcpSocket socket;
        socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\n"
                     "Content-Type: application/json\r\n" +
                     headers + "\r\n" + body);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState),
            10000);
        received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 400"), received.constData());
        QVERIFY2(received.contains("InvalidParameter.Framing"), received.constData());
        // The server goes on answering others.
        ApiClient client(m_server.url());
        QCOMPARE(client.get(u"/health"_s).status, 200);
    }

    // Ended sign-in sessions were never deleted (10,000 cycles left 10,000 rows): the server
    // purges those ended more than a day ago at start-up (and hourly), and keeps the others.
    void endedSessionsArePurged()
    {
        ServerFixture fixture;
        TestWorkspace &ws = fixture.workspace();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto add = [&](const QString &hash, qint64 endedDaysAgo, bool revoked) {
            AuthSession session;
            session.tokenHash = hash;
            session.userId = ws.managerA.userId;
            session.createdAt = now.addDays(-endedDaysAgo - 1);
            session.expiresAt = revoked ? now.addDays(30) : now.addDays(-endedDaysAgo);
            if (revoked)
                session.revokedAt = now.addDays(-endedDaysAgo);
            AuthSessionRepository(ws.db()).insert(session);
        };
        const QString hex = QString(64, u'0');
        add(u"a"_s + hex.mid(1), 3, false); // expired three days ago
        add(u"b"_s + hex.mid(1), 2, true);  // signed out two days ago
        add(u"c"_s + hex.mid(1), 0, true);  // signed out just now: kept a day
        QVERIFY2(fixture.start(), qPrintable(fixture.errorMessage()));
        const auto stored = [&](const QString &hash) {
            return AuthSessionRepository(ws.db()).find(hash).has_value();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!stored(u"a"_s + hex.mid(1)), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!stored(u"b"_s + hex.mid(1)), 10000);
        QVERIFY(stored(u"c"_s + hex.mid(1)));
    }

    void signInMeAndSignOut()
    {
        ApiClient client(m_server.url());
        QCOMPARE(client.get(u"/api/v1/me"_s).status, 401);

        const auto signIn = client.signIn(u"manager.a"_s, u"password-manager.a"_s);
        QCOMPARE(signIn.status, 200);
        QVERIFY(client.token().size() >= 40); // 32 random bytes, base64url
        QVERIFY(!signIn.json().value(u"expiresAt"_s).toString().isEmpty());
        QCOMPARE(signIn.json()[u"user"_s][u"login"_s].toString(), u"manager.a"_s);
        QVERIFY(!signIn.json()[u"user"_s].toObject().contains(u"passwordHash"_s));

        const auto me = client.get(u"/api/v1/me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"login"_s).toString(), u"manager.a"_s);

        QCOMPARE(client.post(u"/api/v1/auth/logout"_s, {}).status, 204);
        const auto after = client.get(u"/api/v1/me"_s);
        QCOMPARE(after.status, 401);
        QVERIFY(after.errorCode().startsWith(u"AuthFailure."_s));
    }

    void wrongPasswordsAreThrottled()
    {
        ApiClient client(m_server.url());
        for (int i = 0; i < 5; ++i) {
            const auto reply = client.signIn(u"reviewer"_s, u"wrong"_s);
            QCOMPARE(reply.status, 401);
        }
        const auto throttled = client.signIn(u"reviewer"_s, u"password-reviewer"_s);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), u"RequestLimitExceeded"_s);
        const int retryAfter = throttled.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, throttled.header("Retry-After").constData());
        // The English catalogue's plural form, not "second(s)".
        const QString message = throttled.json()[u"error"_s][u"message"_s].toString();
        QVERIFY2(message.contains(u"seconds."_s) || message.contains(u" 1 second."_s),
                 qPrintable(message));
    }

    void metricsAreForAdministrators()
    {
        ApiClient manager(m_server.url());
        manager.signIn(u"manager.a"_s, u"password-manager.a"_s);
        const auto refused = manager.get(u"/metrics"_s);
        QCOMPARE(refused.status, 403);

        ApiClient admin(m_server.url());
        QCOMPARE(admin.signIn(u"admin"_s, u"password-admin"_s).status, 200);
        const auto metrics = admin.get(u"/metrics"_s);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain"));
        QVERIFY2(metrics.body.contains(
                     "voucherdesk_http_requests_total{method=\"GET\",route=\"/health\",status="
                     "\"200\"}"),
                 metrics.body.constData());
        QVERIFY(metrics.body.contains("voucherdesk_http_request_duration_seconds_bucket"));
        QVERIFY(metrics.body.contains("voucherdesk_applications{status=\"pending_review\"} 0"));
    }

    void accessLogHasOneLinePerRequest()
    {
        ApiClient client(m_server.url());
        const auto reply = client.get(u"/health"_s);
        const QByteArray id = reply.header("X-Request-Id");
        const QByteArray logged = QByteArray("\"requestId\":\"") + id + '"';
        QTRY_VERIFY(m_server.standardError().contains(logged));
    }

    void commandLineAddsPartnersAndUsers()
    {
        TestWorkspace ws;
        QByteArray out, err;
        QCOMPARE(ServerProcess::runCommand({u"partner"_s, u"add"_s, u"--db"_s, ws.path(),
                                            u"--name"_s, u"Gamma"_s, u"--quota-minor"_s,
                                            u"5000000"_s, u"--currency"_s, u"CNY"_s},
                                           {}, &out, &err),
                 0);
        QVERIFY2(!QUuid::fromString(QString::fromLatin1(out.trimmed())).isNull(), err.constData());
        QCOMPARE(ServerProcess::runCommand({u"user"_s, u"add"_s, u"--db"_s, ws.path(), u"--login"_s,
                                            u"gamma.manager"_s, u"--role"_s, u"partner_manager"_s,
                                            u"--partner"_s, u"Gamma"_s, u"--password-stdin"_s},
                                           "a-long-password\n", &out, &err),
                 0);
        QVERIFY2(!QUuid::fromString(QString::fromLatin1(out.trimmed())).isNull(), err.constData());

        // Refusals: a clear message and a non-zero exit.
        QVERIFY(ServerProcess::runCommand({u"user"_s, u"add"_s, u"--db"_s, ws.path(), u"--login"_s,
                                           u"x"_s, u"--role"_s, u"boss"_s, u"--password-stdin"_s},
                                          "a-long-password\n", &out, &err) != 0);
        QVERIFY2(err.contains("--role"), err.constData());
        QVERIFY(ServerProcess::runCommand({u"partner"_s, u"add"_s, u"--db"_s, ws.path(),
                                           u"--name"_s, u"Delta"_s, u"--quota-minor"_s, u"lots"_s},
                                          {}, &out, &err) != 0);
        QVERIFY2(err.contains("--quota-minor"), err.constData());
        QVERIFY(ServerProcess::runCommand({u"frobnicate"_s}, {}, &out, &err) != 0);
        QVERIFY2(err.contains("Usage"), err.constData());
    }

private:
    TestWorkspace m_ws;
    ServerProcess m_server;
};

QTEST_MAIN(TestServerBasics)
#include "tst_serverbasics.moc"
