#include "core/store/requesthash.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// A template-creation request, its keys inserted in the given order.
static QJsonObject request(const QStringList &order)
{
    const QJsonObject values{
        {u"name"_s, u"Cloud trial"_s},
        {u"kind"_s, u"specific"_s},
        {u"faceValueMinor"_s, 10000},
        {u"currency"_s, u"CNY"_s},
        {u"validityDays"_s, 30},
        {u"productCodes"_s, QJsonArray{u"cvm"_s, u"cos"_s}},
        {u"options"_s, QJsonObject{{u"note"_s, u"pilot"_s}, {u"urgent"_s, false}}},
    };
    QJsonObject result;
    for (const QString &key : order)
        result.insert(key, values.value(key));
    return result;
}

static const QStringList Forward = {u"name"_s,     u"kind"_s,         u"faceValueMinor"_s,
                                    u"currency"_s, u"validityDays"_s, u"productCodes"_s,
                                    u"options"_s};

class TestRequestHash : public QObject
{
    Q_OBJECT

private slots:
    void isSha256Hex();
    void sameObjectSameHash();
    void insertionOrderDoesNotMatter();
    void nestedInsertionOrderDoesNotMatter();
    void differentRequestsDiffer_data();
    void differentRequestsDiffer();
    void stableAcrossRuns();
};

void TestRequestHash::isSha256Hex()
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    const QString hash = RequestHash::of(request(Forward));
    QVERIFY2(hex.match(hash).hasMatch(), qPrintable(hash));
    QVERIFY2(hex.match(RequestHash::of(QJsonObject())).hasMatch(), "empty object");
}

void TestRequestHash::sameObjectSameHash()
{
    const QJsonObject object = request(Forward);
    QCOMPARE(RequestHash::of(object), RequestHash::of(object));
    QCOMPARE(RequestHash::of(object), RequestHash::of(QJsonObject(object)));
}

void TestRequestHash::insertionOrderDoesNotMatter()
{
    QStringList backward = Forward;
    std::reverse(backward.begin(), backward.end());
    const QStringList shuffled = {u"productCodes"_s, u"currency"_s,       u"options"_s, u"name"_s,
                                  u"validityDays"_s, u"faceValueMinor"_s, u"kind"_s};

    const QString forwardHash = RequestHash::of(request(Forward));
    QCOMPARE(RequestHash::of(request(backward)), forwardHash);
    QCOMPARE(RequestHash::of(request(shuffled)), forwardHash);
}

void TestRequestHash::nestedInsertionOrderDoesNotMatter()
{
    QJsonObject a;
    a.insert(u"outer"_s, QJsonObject{{u"x"_s, 1}, {u"y"_s, 2}});
    QJsonObject inner;
    inner.insert(u"y"_s, 2);
    inner.insert(u"x"_s, 1);
    QJsonObject b;
    b.insert(u"outer"_s, inner);
    QCOMPARE(RequestHash::of(a), RequestHash::of(b));
}

void TestRequestHash::differentRequestsDiffer_data()
{
    QTest::addColumn<QJsonObject>("changed");

    const QJsonObject base = request(Forward);
    QJsonObject o;

    o = base;
    o.insert(u"name"_s, u"Cloud trial 2"_s);
    QTest::newRow("string value") << o;
    o = base;
    o.insert(u"name"_s, u"cloud trial"_s);
    QTest::newRow("case of a value") << o;
    o = base;
    o.insert(u"faceValueMinor"_s, 10001);
    QTest::newRow("number value") << o;
    o = base;
    o.insert(u"faceValueMinor"_s, u"10000"_s);
    QTest::newRow("number as string") << o;
    o = base;
    o.insert(u"productCodes"_s, QJsonArray{u"cos"_s, u"cvm"_s});
    QTest::newRow("array order") << o;
    o = base;
    o.insert(u"productCodes"_s, QJsonArray{u"cvm"_s});
    QTest::newRow("array shorter") << o;
    o = base;
    o.insert(u"options"_s, QJsonObject{{u"note"_s, u"pilot"_s}, {u"urgent"_s, true}});
    QTest::newRow("nested value") << o;
    o = base;
    o.insert(u"extra"_s, QJsonValue::Null);
    QTest::newRow("extra null key") << o;
    o = base;
    o.remove(u"kind"_s);
    QTest::newRow("missing key") << o;
    o = base;
    o.insert(u"Name"_s, o.take(u"name"_s));
    QTest::newRow("renamed key") << o;
    QTest::newRow("empty object") << QJsonObject();
}

void TestRequestHash::differentRequestsDiffer()
{
    QFETCH(QJsonObject, changed);
    QVERIFY(changed != request(Forward));
    QVERIFY(RequestHash::of(changed) != RequestHash::of(request(Forward)));
}

void TestRequestHash::stableAcrossRuns()
{
    // Fingerprints are stored: the same request must hash the same in every later version.
    // SHA-256 of the compact JSON text "{}" and of {"a":1}.
    QCOMPARE(RequestHash::of(QJsonObject()),
             u"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"_s);
    QCOMPARE(RequestHash::of(QJsonObject{{u"a"_s, 1}}),
             u"015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"_s);
}

QTEST_GUILESS_MAIN(TestRequestHash)
#include "tst_requesthash.moc"
