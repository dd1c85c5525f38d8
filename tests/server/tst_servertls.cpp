// HTTPS with --tls-cert/--tls-key, spoken to the real binary: a throwaway self-signed
// certificate made with the openssl command at test time, trusted by the client as its only CA;
// plain HTTP to the TLS port gets nowhere; unreadable or wrong files stop the server with a
// message naming the file.

#include "tests/support/apiclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestServerTls : public QObject
{
    Q_OBJECT

private:
    struct Pair
    {
        QString cert;
        QString key;
    };

    // A self-signed certificate for 127.0.0.1 (subjectAltName, as clients check) and its key.
    static Pair makeCertificate(const QString &dir, const QString &name,
                                const QStringList &keyArguments)
    {
        const Pair pair{dir + u"/"_s + name + u"-cert.pem"_s, dir + u"/"_s + name + u"-key.pem"_s};
        QProcess openssl;
        openssl.start(u"openssl"_s, QStringList{u"req"_s, u"-x509"_s, u"-nodes"_s, u"-days"_s,
                                                u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                                u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                                                u"-keyout"_s, pair.key, u"-out"_s, pair.cert} +
                                        keyArguments);
        if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            qWarning("openssl failed (scripts/install-deps.sh installs it): %s %s",
                     qPrintable(openssl.errorString()), openssl.readAllStandardError().constData());
            return {};
        }
        return pair;
    }

    static QSslConfiguration trusting(const QString &certPath)
    {
        QFile file(certPath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromData(file.readAll(), QSsl::Pem));
        return configuration;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ws.isValid());
        m_rsa = makeCertificate(m_dir.path(), u"rsa"_s, {u"-newkey"_s, u"rsa:2048"_s});
        QVERIFY2(!m_rsa.cert.isEmpty(), "could not make an RSA certificate with openssl");
        m_ec = makeCertificate(
            m_dir.path(), u"ec"_s,
            {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s});
        QVERIFY2(!m_ec.cert.isEmpty(), "could not make an EC certificate with openssl");
    }

    void healthOverHttps_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("RSA key") << u"rsa"_s;
        QTest::newRow("EC key") << u"ec"_s;
    }

    void healthOverHttps()
    {
        QFETCH(QString, kind);
        const Pair pair = kind == u"rsa"_s ? m_rsa : m_ec;
        ServerProcess server;
        QVERIFY2(server.start(m_ws.path(), {u"--tls-cert"_s, pair.cert, u"--tls-key"_s, pair.key}),
                 qPrintable(server.errorMessage()));
        QCOMPARE(server.url().scheme(), u"https"_s);

        ApiClient client(server.url());
        client.setSslConfiguration(trusting(pair.cert));
        const auto health = client.get(u"/health"_s);
        QVERIFY2(health.status == 200, qPrintable(health.networkError));
        QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
        // Signed-in routes work over TLS as over HTTP.
        QCOMPARE(client.signIn(u"manager.a"_s, u"password-manager.a"_s).status, 200);
        QCOMPARE(client.get(u"/api/v1/me"_s).json().value(u"login"_s).toString(), u"manager.a"_s);
    }

    void untrustedCertificateIsRefusedByTheClient()
    {
        // Proves the client really verifies: the trust above is what lets it through.
        ServerProcess server;
        QVERIFY2(
            server.start(m_ws.path(), {u"--tls-cert"_s, m_rsa.cert, u"--tls-key"_s, m_rsa.key}),
            qPrintable(server.errorMessage()));
        ApiClient client(server.url());
        client.setSslConfiguration(trusting(m_ec.cert)); // another certificate
        const auto reply = client.get(u"/health"_s);
        QCOMPARE(reply.status, 0);
        QVERIFY2(!reply.networkError.isEmpty(), reply.body.constData());
    }

    void plainHttpToTheTlsPortFails()
    {
        ServerProcess server;
        QVERIFY2(
            server.start(m_ws.path(), {u"--tls-cert"_s, m_rsa.cert, u"--tls-key"_s, m_rsa.key}),
            qPrintable(server.errorMessage()));
        QUrl plain = server.url();
        plain.setScheme(u"http"_s);
        ApiClient client(plain);
        const auto reply = client.get(u"/health"_s);
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.networkError != u"timed out"_s);

        // The server shrugs it off and goes on serving HTTPS.
        ApiClient secure(server.url());
        secure.setSslConfiguration(trusting(m_rsa.cert));
        QCOMPARE(secure.get(u"/health"_s).status, 200);
    }

    void badTlsFilesStopTheServer_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const QString missing = m_dir.filePath(u"missing.pem"_s);
        QTest::newRow("missing key")
            << m_rsa.cert << missing << u"Cannot read the TLS private key "_s + missing;
        QTest::newRow("missing certificate")
            << missing << m_rsa.key << u"Cannot read the TLS certificate "_s + missing;
        QTest::newRow("key is a certificate")
            << m_rsa.cert << m_rsa.cert << m_rsa.cert + u" holds no unencrypted PEM private key"_s;
        QTest::newRow("certificate is a key")
            << m_rsa.key << m_rsa.key << m_rsa.key + u" holds no PEM certificate"_s;
    }

    void badTlsFilesStopTheServer()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const QString db = m_dir.filePath(u"never-created.db"_s);
        QByteArray out, err;
        const int exitCode =
            ServerProcess::runCommand({u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s,
                                       u"--tls-cert"_s, cert, u"--tls-key"_s, key},
                                      {}, &out, &err);
        QCOMPARE(exitCode, 1);
        QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
        QVERIFY(!out.contains("listening"));
        QVERIFY2(!QFile::exists(db), "a refused start must not create the database");
    }

    void certificateWithoutKeyIsRefused()
    {
        QByteArray out, err;
        QCOMPARE(ServerProcess::runCommand({u"serve"_s, u"--db"_s, m_ws.path(), u"--listen"_s,
                                            u"127.0.0.1:0"_s, u"--tls-cert"_s, m_rsa.cert},
                                           {}, &out, &err),
                 2);
        QVERIFY2(err.contains("--tls-cert and --tls-key go together"), err.constData());
    }

private:
    QTemporaryDir m_dir;
    TestWorkspace m_ws;
    Pair m_rsa, m_ec;
};

QTEST_MAIN(TestServerTls)
#include "tst_servertls.moc"
