// Signing in to a real server from the desktop client's side (ServerSignIn): the replica is made
// per server and user; unreachable, the last replica opens offline with the last password and
// only with it; a self-signed certificate is refused until the user trusts exactly it.

#include "core/store/database.h"
#include "core/sync/serversignin.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerSignIn : public QObject
{
    Q_OBJECT

private:
    ServerSignIn::Request request(const QUrl &server, const QString &login,
                                  const QString &password = {}) const
    {
        ServerSignIn::Request r;
        r.server = server;
        r.login = login;
        r.password = password.isEmpty() ? u"password-"_s + login : password;
        r.dataFolder = m_folder.path();
        r.offlineCost = PasswordHasher::Cost::Minimal;
        return r;
    }

    QTemporaryDir m_folder;

private slots:
    void signsInAndKeepsAReplicaPerServerAndUser()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        const auto manager = ServerSignIn::run(request(server.url(), u"manager.a"_s));
        QCOMPARE(manager.status, ServerSignIn::Outcome::Status::SignedIn);
        QCOMPARE(manager.user.id, ws.managerA.userId);
        QVERIFY(!manager.token.isEmpty());
        QVERIFY(QFile::exists(manager.replicaPath));
        QVERIFY(manager.replicaPath.startsWith(m_folder.path() + u"/servers/127.0.0.1_"_s));
        const auto reviewer = ServerSignIn::run(request(server.url(), u"reviewer"_s));
        QCOMPARE(reviewer.status, ServerSignIn::Outcome::Status::SignedIn);
        QVERIFY(reviewer.replicaPath != manager.replicaPath);

        const auto wrong =
            ServerSignIn::run(request(server.url(), u"manager.a"_s, u"not-the-password"_s));
        QCOMPARE(wrong.status, ServerSignIn::Outcome::Status::Refused);
        QVERIFY(!wrong.message.isEmpty());
        QVERIFY(!wrong.replica);
    }

    void opensTheLastReplicaOfflineWithTheLastPassword()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        const QUrl url = server.url();
        {
            const auto online = ServerSignIn::run(request(url, u"manager.b"_s));
            QCOMPARE(online.status, ServerSignIn::Outcome::Status::SignedIn);
        }
        server.stop();

        const auto offline = ServerSignIn::run(request(url, u"manager.b"_s));
        QCOMPARE(offline.status, ServerSignIn::Outcome::Status::SignedInOffline);
        QCOMPARE(offline.user.id, ws.managerB.userId);
        QVERIFY(!offline.token.isEmpty());
        QVERIFY(offline.replica);

        const auto wrong = ServerSignIn::run(request(url, u"manager.b"_s, u"guess"_s));
        QCOMPARE(wrong.status, ServerSignIn::Outcome::Status::Refused);
        // Never signed in here before: nothing to work on.
        const auto stranger = ServerSignIn::run(request(url, u"admin"_s));
        QCOMPARE(stranger.status, ServerSignIn::Outcome::Status::Unreachable);
        QVERIFY(stranger.message.contains(url.toDisplayString()));
    }

    void aRefusedPasswordNoLongerOpensTheReplicaOffline()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        const QUrl url = server.url();
        QCOMPARE(ServerSignIn::run(request(url, u"reviewer"_s)).status,
                 ServerSignIn::Outcome::Status::SignedIn);
        // The password changed on the server: the old one is refused there...
        QCOMPARE(ServerSignIn::run(request(url, u"reviewer"_s, u"password-old"_s)).status,
                 ServerSignIn::Outcome::Status::Refused);
        server.stop();
        // ...and then not taken offline either, not even the one that used to work.
        QCOMPARE(ServerSignIn::run(request(url, u"reviewer"_s)).status,
                 ServerSignIn::Outcome::Status::Unreachable);
    }

    void oneWindowPerReplica()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        const auto first = ServerSignIn::run(request(server.url(), u"manager.a"_s));
        QCOMPARE(first.status, ServerSignIn::Outcome::Status::SignedIn);
        const auto second = ServerSignIn::run(request(server.url(), u"manager.a"_s));
        QCOMPARE(second.status, ServerSignIn::Outcome::Status::Refused);
        QVERIFY(second.message.contains(u"already open"_s));
    }

    void plainHttpOnlyOnThisComputer()
    {
        const auto refused =
            ServerSignIn::run(request(QUrl(u"http://vouchers.example.com"_s), u"manager.a"_s));
        QCOMPARE(refused.status, ServerSignIn::Outcome::Status::Unreachable);
        QVERIFY(refused.message.contains(u"https://"_s));
    }

    void untrustedCertificateNeedsTheUsersTrust()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                       u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                       u"-newkey"_s, u"rsa:2048"_s, u"-keyout"_s, key, u"-out"_s, cert});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
                 "openssl failed (scripts/install-deps.sh installs it)");
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path(), {u"--tls-cert"_s, cert, u"--tls-key"_s, key}),
                 qPrintable(server.errorMessage()));

        const auto refused = ServerSignIn::run(request(server.url(), u"manager.a"_s));
        QCOMPARE(refused.status, ServerSignIn::Outcome::Status::UntrustedCertificate);
        QVERIFY(!refused.sslErrors.isEmpty());
        QFile pem(cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QSslCertificate served = QSslCertificate::fromData(pem.readAll()).constFirst();
        QCOMPARE(refused.certificate, served);
        QVERIFY(!refused.replica);

        ServerSignIn::Request trusting = request(server.url(), u"manager.a"_s);
        trusting.trustedCertificate = refused.certificate;
        const auto trusted = ServerSignIn::run(trusting);
        QCOMPARE(trusted.status, ServerSignIn::Outcome::Status::SignedIn);
    }
};

QTEST_GUILESS_MAIN(TestServerSignIn)
#include "tst_serversignin.moc"
