#include "core/json/jsoninput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Strict reading of request bodies: every wrong type, range or absence is named, nothing is
// coerced, and text is only ever text.
class TestJsonInput : public QObject
{
    Q_OBJECT

private slots:
    void readsWellFormedFields();
    void absentOptionalFieldsAreNotErrors();
    void nullReadsLikeAbsent();
    void missingRequiredFields();
    void stringRejectsOtherTypes_data();
    void stringRejectsOtherTypes();
    void sqlLookingStringsPassThrough_data();
    void sqlLookingStringsPassThrough();
    void integers_data();
    void integers();
    void integerBoundsAreInclusive();
    void booleans_data();
    void booleans();
    void uuids_data();
    void uuids();
    void stringLists_data();
    void stringLists();
    void severalErrorsAtOnce();
    void callerRulesJoinTheList();
    void parseObject_data();
    void parseObject();
};

namespace {

// The body as a client sends it, so that numbers go through Qt's JSON parser.
QJsonObject body(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad test body %s: %s", json.constData(), qPrintable(error.errorString()));
    return document.object();
}

} // namespace

void TestJsonInput::readsWellFormedFields()
{
    JsonInput in(body(R"({"name": "Trial", "faceValueMinor": 100000, "eligible": false,
                          "id": "123e4567-e89b-42d3-a456-426614174000",
                          "productCodes": ["cvm", "cos"]})"));
    QCOMPARE(in.string("name", JsonInput::Required), u"Trial"_s);
    QCOMPARE(in.integer("faceValueMinor", 1, 100000000, JsonInput::Required), 100000);
    QCOMPARE(in.boolean("eligible", JsonInput::Required), false);
    QCOMPARE(in.uuid("id", JsonInput::Required),
             QUuid::fromString(u"123e4567-e89b-42d3-a456-426614174000"_s));
    QCOMPARE(in.stringList("productCodes", 50, JsonInput::Required),
             QStringList({u"cvm"_s, u"cos"_s}));
    QVERIFY(in.ok());
    QVERIFY(in.fieldErrors().isEmpty());
    QVERIFY(in.has("name"));
    QVERIFY(!in.has("note"));
}

void TestJsonInput::absentOptionalFieldsAreNotErrors()
{
    JsonInput in(QJsonObject{});
    QCOMPARE(in.string("note"), std::nullopt);
    QCOMPARE(in.integer("minSpendMinor", 0, 100), std::nullopt);
    QCOMPARE(in.boolean("eligible"), std::nullopt);
    QVERIFY(in.uuid("id").isNull());
    QVERIFY(in.stringList("productCodes", 50).isEmpty());
    QVERIFY(in.ok());
}

void TestJsonInput::nullReadsLikeAbsent()
{
    JsonInput in(body(R"({"note": null, "id": null, "name": null})"));
    QCOMPARE(in.string("note"), std::nullopt);
    QVERIFY(in.uuid("id").isNull());
    QVERIFY(in.ok());
    QVERIFY(!in.has("note"));
    QCOMPARE(in.string("name", JsonInput::Required), std::nullopt);
    QCOMPARE(in.fieldErrors(), FieldErrors({{u"name"_s, u"name is required."_s}}));
}

void TestJsonInput::missingRequiredFields()
{
    JsonInput in(body(R"({"unrelated": 1})"));
    QCOMPARE(in.integer("faceValueMinor", 1, 100, JsonInput::Required), std::nullopt);
    QVERIFY(!in.ok());
    const CommandError error = in.error();
    QCOMPARE(error.kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.code(), u"InvalidParameter.FaceValueMinor"_s);
    QCOMPARE(error.message(), u"faceValueMinor is required."_s);
    QCOMPARE(error.fieldErrors().size(), 1);
    QCOMPARE(error.fieldErrors().first().field, u"faceValueMinor"_s);
}

void TestJsonInput::stringRejectsOtherTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("number") << QByteArray(R"({"name": 42})");
    QTest::newRow("boolean") << QByteArray(R"({"name": true})");
    QTest::newRow("array") << QByteArray(R"({"name": ["Trial"]})");
    QTest::newRow("object") << QByteArray(R"({"name": {"value": "Trial"}})");
}

void TestJsonInput::stringRejectsOtherTypes()
{
    QFETCH(QByteArray, json);
    JsonInput in(body(json));
    QCOMPARE(in.string("name", JsonInput::Required), std::nullopt);
    QCOMPARE(in.fieldErrors(), FieldErrors({{u"name"_s, u"name must be a string."_s}}));
    QCOMPARE(in.error().code(), u"InvalidParameter.Name"_s);
}

void TestJsonInput::sqlLookingStringsPassThrough_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("drop table") << u"Robert'); DROP TABLE customers;--"_s;
    QTest::newRow("always true") << u"' OR '1'='1"_s;
    QTest::newRow("comment") << u"name /* x */ -- y"_s;
    QTest::newRow("like wildcards") << u"100%_off\\"_s;
    QTest::newRow("quotes and nul") << u"\"quoted\" 'single' \u0000 end"_s;
    QTest::newRow("chinese") << u"测试客户；DELETE FROM vouchers"_s;
}

void TestJsonInput::sqlLookingStringsPassThrough()
{
    QFETCH(QString, text);
    const QByteArray json = QJsonDocument(QJsonObject{{u"name"_s, text}}).toJson();
    JsonInput in(body(json));
    QCOMPARE(in.string("name", JsonInput::Required), text);
    QVERIFY(in.ok());
}

void TestJsonInput::integers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("message");

    const QString notInteger = u"faceValueMinor must be an integer."_s;
    const QString outOfRange = u"faceValueMinor must be between -9007199254740992 and "
                               u"9007199254740992."_s;
    const QByteArray prefix = R"({"faceValueMinor": )";
    auto row = [&](const char *name, const char *value, bool valid, qint64 expected,
                   const QString &message) {
        QTest::newRow(name) << (prefix + value + "}") << valid << expected << message;
    };
    row("zero", "0", true, 0, {});
    row("negative zero", "-0", true, 0, {});
    row("exponent that is whole", "1e2", true, 100, {});
    row("fraction with zero part", "100.0", true, 100, {});
    row("2^53", "9007199254740992", true, qint64(1) << 53, {});
    row("-2^53", "-9007199254740992", true, -(qint64(1) << 53), {});
    row("2^53 + 1", "9007199254740993", false, 0, outOfRange);
    row("2^63", "9223372036854775808", false, 0, outOfRange);
    row("2^63 - 1", "9223372036854775807", false, 0, outOfRange);
    row("-2^63", "-9223372036854775808", false, 0, outOfRange);
    row("1e300", "1e300", false, 0, outOfRange);
    row("10^23 in digits", "99999999999999999999999", false, 0, outOfRange);
    row("-1e300", "-1e300", false, 0, outOfRange);
    row("fraction", "1.5", false, 0, notInteger);
    row("tiny fraction", "100.000001", false, 0, notInteger);
    row("1e-300", "1e-300", false, 0, notInteger);
    row("string of digits", "\"100\"", false, 0, notInteger);
    row("boolean", "true", false, 0, notInteger);
    row("array", "[100]", false, 0, notInteger);
    row("object", "{\"minor\": 100}", false, 0, notInteger);
}

void TestJsonInput::integers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);
    QFETCH(QString, message);

    JsonInput in(body(json));
    const auto value = in.integer("faceValueMinor", std::numeric_limits<qint64>::min(),
                                  std::numeric_limits<qint64>::max(), JsonInput::Required);
    QCOMPARE(in.ok(), valid);
    if (valid) {
        QCOMPARE(value, expected);
    } else {
        QCOMPARE(value, std::nullopt);
        QCOMPARE(in.fieldErrors(), FieldErrors({{u"faceValueMinor"_s, message}}));
        QCOMPARE(in.error().code(), u"InvalidParameter.FaceValueMinor"_s);
    }
}

void TestJsonInput::integerBoundsAreInclusive()
{
    JsonInput in(body(R"({"a": 1, "b": 365, "c": 0, "d": 366})"));
    QCOMPARE(in.integer("a", 1, 365), 1);
    QCOMPARE(in.integer("b", 1, 365), 365);
    QVERIFY(in.ok());
    QCOMPARE(in.integer("c", 1, 365), std::nullopt);
    QCOMPARE(in.integer("d", 1, 365), std::nullopt);
    QCOMPARE(in.fieldErrors(), FieldErrors({{u"c"_s, u"c must be between 1 and 365."_s},
                                            {u"d"_s, u"d must be between 1 and 365."_s}}));
}

void TestJsonInput::booleans_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("true") << QByteArray(R"({"eligible": true})") << true;
    QTest::newRow("false") << QByteArray(R"({"eligible": false})") << true;
    QTest::newRow("string") << QByteArray(R"({"eligible": "true"})") << false;
    QTest::newRow("one") << QByteArray(R"({"eligible": 1})") << false;
    QTest::newRow("zero") << QByteArray(R"({"eligible": 0})") << false;
    QTest::newRow("array") << QByteArray(R"({"eligible": [true]})") << false;
}

void TestJsonInput::booleans()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    JsonInput in(body(json));
    const auto value = in.boolean("eligible", JsonInput::Required);
    QCOMPARE(in.ok(), valid);
    QCOMPARE(value.has_value(), valid);
    if (!valid) {
        QCOMPARE(in.fieldErrors(),
                 FieldErrors({{u"eligible"_s, u"eligible must be true or false."_s}}));
    }
}

void TestJsonInput::uuids_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QByteArray(R"({"id": "123e4567-e89b-42d3-a456-426614174000"})")
                           << true;
    QTest::newRow("braces") << QByteArray(R"({"id": "{123e4567-e89b-42d3-a456-426614174000}"})")
                            << true;
    QTest::newRow("nil") << QByteArray(R"({"id": "00000000-0000-0000-0000-000000000000"})")
                         << false;
    QTest::newRow("short") << QByteArray(R"({"id": "123e4567"})") << false;
    QTest::newRow("not hex") << QByteArray(R"({"id": "zzze4567-e89b-42d3-a456-426614174000"})")
                             << false;
    QTest::newRow("empty") << QByteArray(R"({"id": ""})") << false;
    QTest::newRow("sql") << QByteArray(R"({"id": "' OR 1=1 --"})") << false;
    QTest::newRow("number") << QByteArray(R"({"id": 12345})") << false;
}

void TestJsonInput::uuids()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    JsonInput in(body(json));
    const QUuid id = in.uuid("id", JsonInput::Required);
    QCOMPARE(in.ok(), valid);
    QCOMPARE(id.isNull(), !valid);
    if (valid) {
        QCOMPARE(id, QUuid::fromString(u"123e4567-e89b-42d3-a456-426614174000"_s));
    } else {
        QCOMPARE(in.fieldErrors().size(), 1);
        QCOMPARE(in.fieldErrors().first().field, u"id"_s);
        QVERIFY2(in.fieldErrors().first().message.startsWith(u"id must be a UUID"_s),
                 qPrintable(in.fieldErrors().first().message));
        QCOMPARE(in.error().code(), u"InvalidParameter.Id"_s);
    }
}

void TestJsonInput::stringLists_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("message");

    const QString notList = u"productCodes must be a list of strings."_s;
    QTest::newRow("empty") << QByteArray(R"({"productCodes": []})") << QStringList() << QString();
    QTest::newRow("three, the most") << QByteArray(R"({"productCodes": ["a", "b", "c"]})")
                                     << QStringList({u"a"_s, u"b"_s, u"c"_s}) << QString();
    QTest::newRow("four") << QByteArray(R"({"productCodes": ["a", "b", "c", "d"]})")
                          << QStringList() << u"productCodes can have at most 3 item(s)."_s;
    QTest::newRow("string") << QByteArray(R"({"productCodes": "cvm"})") << QStringList() << notList;
    QTest::newRow("number item") << QByteArray(R"({"productCodes": ["cvm", 1]})") << QStringList()
                                 << notList;
    QTest::newRow("null item") << QByteArray(R"({"productCodes": ["cvm", null]})") << QStringList()
                               << notList;
    QTest::newRow("nested") << QByteArray(R"({"productCodes": [["cvm"]]})") << QStringList()
                            << notList;
    QTest::newRow("object") << QByteArray(R"({"productCodes": {"0": "cvm"}})") << QStringList()
                            << notList;
}

void TestJsonInput::stringLists()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QFETCH(QString, message);
    JsonInput in(body(json));
    QCOMPARE(in.stringList("productCodes", 3, JsonInput::Required), expected);
    if (message.isEmpty()) {
        QVERIFY(in.ok());
    } else {
        QCOMPARE(in.fieldErrors(), FieldErrors({{u"productCodes"_s, message}}));
    }
}

void TestJsonInput::severalErrorsAtOnce()
{
    JsonInput in(body(R"({"name": 7, "faceValueMinor": 1.5, "validityDays": 1e300,
                          "eligible": "yes", "id": "nope", "productCodes": "cvm",
                          "note": "fine"})"));
    in.string("name", JsonInput::Required);
    in.integer("faceValueMinor", 1, 100000000, JsonInput::Required);
    in.integer("validityDays", 1, 365, JsonInput::Required);
    in.boolean("eligible");
    in.uuid("id", JsonInput::Required);
    in.stringList("productCodes", 50);
    QCOMPARE(in.string("note"), u"fine"_s);
    in.string("currency", JsonInput::Required);

    QVERIFY(!in.ok());
    const FieldErrors errors = in.fieldErrors();
    QStringList fields;
    for (const FieldError &error : errors)
        fields.append(error.field);
    // Every bad field once, in reading order.
    QCOMPARE(fields, QStringList({u"name"_s, u"faceValueMinor"_s, u"validityDays"_s, u"eligible"_s,
                                  u"id"_s, u"productCodes"_s, u"currency"_s}));
    QCOMPARE(errors.at(2).message, u"validityDays must be between 1 and 365."_s);
    QCOMPARE(errors.at(6).message, u"currency is required."_s);
    // Like every multi-field refusal: the general code, the count and the first message.
    const CommandError error = in.error();
    QCOMPARE(error.code(), u"InvalidParameter"_s);
    QCOMPARE(error.fieldErrors(), errors);
    QVERIFY2(error.message().contains(u"7"_s), qPrintable(error.message()));
    QVERIFY2(error.message().contains(u"name must be a string."_s), qPrintable(error.message()));
}

void TestJsonInput::callerRulesJoinTheList()
{
    JsonInput in(body(R"({"currency": "EUR"})"));
    const auto currency = in.string("currency", JsonInput::Required);
    QVERIFY(in.ok());
    if (currency != u"CNY"_s)
        in.addError(u"currency"_s, u"currency must be CNY or USD."_s);
    QCOMPARE(in.error().code(), u"InvalidParameter.Currency"_s);
    QCOMPARE(in.error().message(), u"currency must be CNY or USD."_s);
}

void TestJsonInput::parseObject_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("messageStart");

    const QString notJson = u"The request body is not valid JSON"_s;
    const QString notObject = u"The request body must be a JSON object."_s;
    QTest::newRow("object") << QByteArray(R"({"a": 1})") << true << QString();
    QTest::newRow("empty body") << QByteArray() << true << QString();
    QTest::newRow("blank body") << QByteArray(" \r\n\t") << true << QString();
    QTest::newRow("truncated") << QByteArray(R"({"a": 1)") << false << notJson;
    QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << false << notJson;
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << false << notJson;
    QTest::newRow("form data") << QByteArray("name=Trial&face=1") << false << notObject;
    QTest::newRow("two objects") << QByteArray(R"({"a": 1}{"b": 2})") << false << notJson;
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"\xff\xfe\"}") << false << notJson;
    // Beyond what a double holds: Qt refuses the document, so the body is what is wrong.
    QTest::newRow("1e400") << QByteArray(R"({"faceValueMinor": 1e400})") << false << notJson;
    QTest::newRow("array") << QByteArray("[1, 2]") << false << notObject;
    QTest::newRow("string") << QByteArray(R"("text")") << false << notObject;
    QTest::newRow("number") << QByteArray("42") << false << notObject;
    QTest::newRow("null") << QByteArray("null") << false << notObject;
}

void TestJsonInput::parseObject()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(QString, messageStart);

    CommandError error;
    const auto object = JsonInput::parseObject(bytes, &error);
    QCOMPARE(object.has_value(), valid);
    if (valid) {
        QCOMPARE(object->isEmpty(), bytes.trimmed().isEmpty());
        return;
    }
    QCOMPARE(error.kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.code(), u"InvalidParameter.Body"_s);
    QVERIFY2(error.message().startsWith(messageStart), qPrintable(error.message()));
    QCOMPARE(error.fieldErrors().size(), 1);
    QCOMPARE(error.fieldErrors().first().field, u"body"_s);
    // A null out-parameter is allowed.
    QVERIFY(!JsonInput::parseObject(bytes, nullptr));
}

QTEST_GUILESS_MAIN(TestJsonInput)
#include "tst_jsoninput.moc"
