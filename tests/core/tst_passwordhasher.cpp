#include "core/base/passwordhasher.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private:
    const PasswordHasher m_hasher{PasswordHasher::Cost::Minimal};

private slots:
    void hashThenVerify_data();
    void hashThenVerify();
    void wrongPasswordsFail_data();
    void wrongPasswordsFail();
    void hashIsArgon2id();
    void hashesAreSalted();
    void hashCarriesItsCost();
    void garbageHashesFail_data();
    void garbageHashesFail();
    void tamperedHashFails();
    void needsRehash();
};

void TestPasswordHasher::hashThenVerify_data()
{
    QTest::addColumn<QString>("password");

    QTest::newRow("ascii") << u"correct horse battery staple"_s;
    QTest::newRow("single character") << u"x"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("unicode") << u"p\u00E4ssw\u00F6rd \u5BC6\u7801 \U0001F511"_s;
    QTest::newRow("long") << QString(1000, u'a');
    QTest::newRow("quotes and dollars") << u"$argon2id$ \"'\\"_s;
}

void TestPasswordHasher::hashThenVerify()
{
    QFETCH(QString, password);
    const QString hash = m_hasher.hash(password);
    QVERIFY(!hash.isEmpty());
    QVERIFY(m_hasher.verify(hash, password));
    // Any hasher verifies: the hash carries its own cost.
    QVERIFY(PasswordHasher(PasswordHasher::Cost::Interactive).verify(hash, password));
}

void TestPasswordHasher::wrongPasswordsFail_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("attempt");

    QTest::newRow("different") << u"secret-1"_s << u"secret-2"_s;
    QTest::newRow("case differs") << u"Secret"_s << u"secret"_s;
    QTest::newRow("trailing blank") << u"secret"_s << u"secret "_s;
    QTest::newRow("prefix") << u"secret"_s << u"secre"_s;
    QTest::newRow("empty attempt") << u"secret"_s << QString();
    QTest::newRow("empty password, non-empty attempt") << QString() << u"x"_s;
    QTest::newRow("unicode differs") << u"\u5BC6\u7801"_s << u"\u5BC6\u78BC"_s;
}

void TestPasswordHasher::wrongPasswordsFail()
{
    QFETCH(QString, password);
    QFETCH(QString, attempt);
    const QString hash = m_hasher.hash(password);
    QVERIFY(!hash.isEmpty());
    QVERIFY(m_hasher.verify(hash, password));
    QVERIFY(!m_hasher.verify(hash, attempt));
}

void TestPasswordHasher::hashIsArgon2id()
{
    const QString hash = m_hasher.hash(u"secret"_s);
    QVERIFY2(hash.startsWith(u"$argon2id$v=19$"_s), qPrintable(hash));
    QVERIFY(!hash.contains(u"secret"_s));
    // Printable ASCII only: it is stored as text.
    for (const QChar c : hash)
        QVERIFY2(c.unicode() > 0x20 && c.unicode() < 0x7f, qPrintable(hash));
}

void TestPasswordHasher::hashesAreSalted()
{
    const QString first = m_hasher.hash(u"same password"_s);
    const QString second = m_hasher.hash(u"same password"_s);
    QVERIFY(!first.isEmpty());
    QVERIFY(first != second);
    QVERIFY(m_hasher.verify(first, u"same password"_s));
    QVERIFY(m_hasher.verify(second, u"same password"_s));
}

void TestPasswordHasher::hashCarriesItsCost()
{
    // libsodium's minimum: 8 KiB of memory, one pass.
    const QString hash = m_hasher.hash(u"secret"_s);
    QVERIFY2(hash.contains(u"$m=8,t=1,"_s), qPrintable(hash));
}

void TestPasswordHasher::garbageHashesFail_data()
{
    QTest::addColumn<QString>("hash");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("prefix only") << u"$argon2id$"_s;
    QTest::newRow("the password itself") << u"secret"_s;
    QTest::newRow("other algorithm")
        << u"$2b$12$abcdefghijklmnopqrstuuZxZ1xq9b1Qq7Yz0mYQ1T7qfZ0y2qW"_s;
    QTest::newRow("too long") << u"$argon2id$v=19$m=8,t=1,p=1$"_s + QString(200, u'A');
    QTest::newRow("not latin-1") << u"$argon2id$v=19$m=8,t=1,p=1$\u5BC6\u7801$\u5BC6\u7801"_s;
}

void TestPasswordHasher::garbageHashesFail()
{
    QFETCH(QString, hash);
    QVERIFY(!m_hasher.verify(hash, u"secret"_s));
    QVERIFY(!m_hasher.verify(hash, QString()));
}

void TestPasswordHasher::tamperedHashFails()
{
    const QString hash = m_hasher.hash(u"secret"_s);
    QVERIFY(m_hasher.verify(hash, u"secret"_s));

    QVERIFY(!m_hasher.verify(hash.chopped(4), u"secret"_s));

    // Change one character of the digest (the last field).
    QString tampered = hash;
    const qsizetype last = tampered.size() - 2;
    tampered[last] = tampered.at(last) == u'A' ? u'B' : u'A';
    QVERIFY(tampered != hash);
    QVERIFY(!m_hasher.verify(tampered, u"secret"_s));

    // Another password's hash does not verify this one.
    QVERIFY(!m_hasher.verify(m_hasher.hash(u"other"_s), u"secret"_s));
}

void TestPasswordHasher::needsRehash()
{
    const PasswordHasher interactive(PasswordHasher::Cost::Interactive);
    const QString minimalHash = m_hasher.hash(u"secret"_s);
    QVERIFY(interactive.needsRehash(minimalHash));
    QVERIFY(!m_hasher.needsRehash(minimalHash));

    const QString interactiveHash = interactive.hash(u"secret"_s);
    QVERIFY(!interactiveHash.isEmpty());
    QVERIFY(!interactive.needsRehash(interactiveHash));
    QVERIFY(interactive.verify(interactiveHash, u"secret"_s));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
