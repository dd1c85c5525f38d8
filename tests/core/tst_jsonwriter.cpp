#include "core/api/apijson.h"
#include "core/api/changefeed.h"
#include "core/api/changefeedjson.h"
#include "core/commands/templatecommands.h"
#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/product.h"
#include "core/domain/user.h"
#include "core/domain/voucher.h"
#include "core/json/jsonfields.h"
#include "core/json/jsonwriter.h"
#include "core/queries/voucherlistquery.h"
#include "core/queries/voucherlistrow.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

// JsonWriter writes what QJsonDocument::toJson(Compact) writes for the same values, so that a
// list page written directly is byte for byte the page built as QJsonObjects: every string,
// number and row below is compared with Qt's own output.
class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void stringsAreEscapedAsQtDoes_data();
    void stringsAreEscapedAsQtDoes();
    void escapesAreTheJsonOnes();
    void randomStringsAreEscapedAsQtDoes();
    void latin1IsEscapedAsItsUnicode();
    void integersAsQtPrintsThem();
    void doublesAsQtPrintsThem();
    void nestingAndSeparators();
    void uuidsAndTimesAsJsonFieldsSpellThem();
    void voucherListRowsAreByteEqual();
    void workspaceRowsAreByteEqual();
    void jsonValuesAsQtPrintsThem();
    void changeFeedPagesAreByteEqual();
    void feedEntitiesAreByteEqual();
    void writtenChangeFeedPagesAreByteEqual();
};

namespace {

QByteArray qtCompact(const QJsonValue &value)
{
    // A value on its own is written as an array of one.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

QByteArray writtenString(const QString &text)
{
    JsonWriter json;
    json.beginArray();
    json.string(text);
    json.endArray();
    return json.take();
}

QByteArray writtenKey(const QString &text)
{
    JsonWriter json;
    json.beginObject();
    json.key(text);
    json.integer(1);
    json.endObject();
    return json.take();
}

QString randomText(QRandomGenerator &random, int maxLength)
{
    // Biased towards what needs care: control characters, quotes and backslashes, the
    // boundaries of the UTF-8 lengths, and surrogates alone, paired and reversed.
    static const char16_t special[] = {0x00,   0x1f,   0x20,   0x22,   0x2f,   0x5c,   0x7f,
                                       0x80,   0xff,   0x7ff,  0x800,  0xd7ff, 0xd800, 0xdbff,
                                       0xdc00, 0xdfff, 0xe000, 0xfffe, 0xffff};
    QString text;
    const int length = random.bounded(maxLength + 1);
    for (int i = 0; i < length; ++i) {
        switch (random.bounded(6)) {
        case 0:
            text += QChar(special[random.bounded(int(std::size(special)))]);
            break;
        case 1:
            text += QChar(char16_t(random.bounded(0x20)));
            break;
        case 2:
            text += QChar(char16_t(0x4e00 + random.bounded(0x5000))); // CJK
            break;
        case 3: {
            const char32_t emoji = 0x1f300 + random.bounded(0x300);
            text += QString::fromUcs4(&emoji, 1);
            break;
        }
        case 4:
            text += QChar(char16_t(random.bounded(0x10000)));
            break;
        default:
            text += QChar(char16_t(0x20 + random.bounded(0x60)));
        }
    }
    return text;
}

QUuid randomUuid(QRandomGenerator &random)
{
    if (random.bounded(5) == 0)
        return {};
    quint8 bytes[16];
    for (quint8 &byte : bytes)
        byte = quint8(random.bounded(256));
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16));
}

QDateTime randomTime(QRandomGenerator &random, const QDateTime &now)
{
    switch (random.bounded(8)) {
    case 0:
        return {};
    case 1: // outside years 1 to 9999: Qt's own form
        return QDateTime(QDate(10000 + random.bounded(100), 1, 1), QTime(0, 0), Qt::UTC);
    case 2: // another zone: written as UTC
        return now.addMSecs(random.bounded(1000000000) - 500000000)
            .toTimeZone(QTimeZone("Asia/Shanghai"));
    default:
        return now.addMSecs(qint64(random.bounded(2000000000)) * 50 - 50000000000);
    }
}

qint64 randomMoney(QRandomGenerator &random)
{
    switch (random.bounded(6)) {
    case 0:
        return std::numeric_limits<qint64>::max();
    case 1:
        return std::numeric_limits<qint64>::min();
    case 2:
        return -qint64(random.bounded(1000000));
    case 3:
        return (qint64(1) << 53) + random.bounded(100); // past a double's exact integers
    default:
        return random.bounded(10000000);
    }
}

VoucherListRow randomRow(QRandomGenerator &random, const QDateTime &now)
{
    static const QString names[] = {u"Acme Cloud Ltd"_s,
                                    u"\"Quoted\" & Co"_s,
                                    u"back\\slash"_s,
                                    u"深圳市腾讯计算机系统有限公司"_s,
                                    u"tab\there"_s,
                                    u"line\nbreak\r\n"_s,
                                    u""_s,
                                    QString(),
                                    u"emoji 🚀✨"_s,
                                    u"</script><b>x</b>"_s,
                                    u"\u007f\u0001"_s};
    auto text = [&] {
        return random.bounded(3) == 0 ? randomText(random, 12)
                                      : names[random.bounded(int(std::size(names)))];
    };
    VoucherListRow row;
    row.applicationId = randomUuid(random);
    row.partnerId = randomUuid(random);
    row.customerId = randomUuid(random);
    row.customerName = text();
    row.customerUin = random.bounded(4) == 0 ? text() : QString::number(random.generate64());
    row.templateName = text();
    row.kind = random.bounded(2) ? VoucherKind::Universal : VoucherKind::Specific;
    row.currency = random.bounded(4) == 0 ? text() : u"CNY"_s;
    row.faceValueMinor = randomMoney(random);
    row.balanceMinor = randomMoney(random);
    row.phase = VoucherListRow::Phase(random.bounded(5));
    row.appliedAt = randomTime(random, now);
    row.expiresAt = randomTime(random, now);
    row.voucherId = randomUuid(random);
    row.voucherCode = random.bounded(4) == 0 ? text() : u"VV%1"_s.arg(random.bounded(1000000));
    return row;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 0 ? 9 : 7)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return randomMoney(random);
    case 3: {
        // Doubles, integral ones and those past qint64 among them.
        const double doubles[] = {0.5, -3.0, 1e20, 9.3e18, 1e300, -1e-300, 0.1 + 0.2};
        return doubles[random.bounded(int(std::size(doubles)))];
    }
    case 4:
    case 5:
    case 6:
        return randomText(random, 10);
    case 7: {
        QJsonArray array;
        for (int i = random.bounded(4); i > 0; --i)
            array.append(randomValue(random, depth - 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(6); i > 0; --i)
            object.insert(randomText(random, 6), randomValue(random, depth - 1));
        return object;
    }
    }
}

// A random string: often one of the awkward names, sometimes random text.
QString someText(QRandomGenerator &random)
{
    static const QString names[] = {u"Acme Cloud Ltd"_s,
                                    u"\"Quoted\" & Co"_s,
                                    u"back\\slash"_s,
                                    u"深圳市腾讯计算机系统有限公司"_s,
                                    u"tab\there"_s,
                                    u"line\nbreak\r\n"_s,
                                    u""_s,
                                    QString(),
                                    u"emoji 🚀✨"_s,
                                    u"</script><b>x</b>"_s,
                                    u"\u007f\u0001"_s};
    return random.bounded(3) == 0 ? randomText(random, 12)
                                  : names[random.bounded(int(std::size(names)))];
}

QStringList someTexts(QRandomGenerator &random)
{
    QStringList list;
    for (int i = random.bounded(5); i > 0; --i)
        list.append(random.bounded(2) ? u"cvm"_s : someText(random));
    return list;
}

template<typename Enum>
Enum someOf(QRandomGenerator &random, int count)
{
    return Enum(random.bounded(count));
}

VoucherTemplate randomTemplate(QRandomGenerator &random, const QDateTime &now)
{
    VoucherTemplate t;
    t.id = randomUuid(random);
    t.partnerId = randomUuid(random);
    t.name = someText(random);
    t.kind = someOf<VoucherKind>(random, 2);
    t.faceValueMinor = randomMoney(random);
    t.currency = someText(random);
    t.validityDays = int(randomMoney(random));
    t.minSpendMinor = randomMoney(random);
    t.payMode = someOf<PayMode>(random, 3);
    t.productCodes = someTexts(random);
    t.note = someText(random);
    t.version = random.bounded(2) ? std::numeric_limits<int>::max() : random.bounded(100);
    t.locked = random.bounded(2);
    t.createdAt = randomTime(random, now);
    t.updatedAt = randomTime(random, now);
    return t;
}

// What differs between an entity written and its QJsonObject printed: nothing when equal.
QString difference(const QByteArray &written, const QJsonObject &object, const char *kind)
{
    const QByteArray expected = QJsonDocument(object).toJson(QJsonDocument::Compact);
    if (written == expected)
        return {};
    return u"%1:\n%2\n%3"_s.arg(QLatin1StringView(kind), QString::fromUtf8(written),
                                QString::fromUtf8(expected));
}

template<typename Entity, typename... Now>
QByteArray written(const Entity &entity, const Now &...now)
{
    JsonWriter json;
    ApiJson::write(json, entity, now...);
    return json.take();
}

// The page as QJsonDocument prints it: what GET /changes answered before ChangeFeedJson.
QByteArray qtChangePage(const ChangeFeedPage &page)
{
    QJsonArray changes;
    for (const ChangeFeedEntry &change : page.changes) {
        changes.append(QJsonObject{
            {u"entity"_s, change.entity},
            {u"id"_s, change.id},
            {u"rev"_s, change.rev},
            {u"deleted"_s, change.deleted},
            {u"data"_s, change.deleted ? QJsonValue(QJsonValue::Null) : QJsonValue(change.data)},
        });
    }
    return QJsonDocument(QJsonObject{{u"changes"_s, changes},
                                     {u"hasMore"_s, page.hasMore},
                                     {u"nextSince"_s, page.nextSince}})
        .toJson(QJsonDocument::Compact);
}

// A page of rows as the list route writes it, and as it was built before.
QByteArray writtenPage(const QList<VoucherListRow> &rows, qint64 total, const QDateTime &now)
{
    JsonWriter json;
    json.beginObject();
    json.key("items"_L1);
    json.beginArray();
    for (const VoucherListRow &row : rows)
        ApiJson::write(json, row, now);
    json.endArray();
    json.key("totalCount"_L1);
    json.integer(total);
    json.endObject();
    return json.take();
}

QByteArray qtPage(const QList<VoucherListRow> &rows, qint64 total, const QDateTime &now)
{
    QJsonArray items;
    for (const VoucherListRow &row : rows)
        items.append(ApiJson::toJson(row, now));
    return QJsonDocument(ApiJson::list(items, total)).toJson(QJsonDocument::Compact);
}

} // namespace

void TestJsonWriter::stringsAreEscapedAsQtDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"VV000000000042"_s;
    QTest::newRow("quotes") << u"say \"hi\""_s;
    QTest::newRow("backslash") << u"C:\\temp\\"_s;
    QTest::newRow("slash") << u"a/b</script>"_s;
    for (char16_t c = 0; c < 0x20; ++c)
        QTest::addRow("control %02x", unsigned(c)) << (u"a"_s + QChar(c) + u"b"_s);
    QTest::newRow("delete 7f") << u"\u007f"_s;
    QTest::newRow("latin-1") << u"café ÿ"_s;
    QTest::newRow("two-byte boundaries") << u"\u0080\u07ff\u0800"_s;
    QTest::newRow("Chinese") << u"深圳市腾讯计算机系统有限公司"_s;
    QTest::newRow("emoji") << u"🚀 and 👍🏽"_s;
    QTest::newRow("last plane") << QString::fromUcs4(U"\U0010ffff", 1);
    QTest::newRow("non-characters") << u"\ufffe\uffff"_s;
    QTest::newRow("lone high surrogate at end") << (u"x"_s + QChar(0xd83d));
    QTest::newRow("lone high surrogate then text") << (QChar(0xd83d) + u"x"_s);
    QTest::newRow("lone low surrogate") << (u"x"_s + QChar(0xde80) + u"y"_s);
    QTest::newRow("reversed pair") << (QString(QChar(0xde80)) + QChar(0xd83d));
    QTest::newRow("two highs then low") << (QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde80));
    QString everyControl;
    for (char16_t c = 0; c < 0x20; ++c)
        everyControl += QChar(c);
    QTest::newRow("every control") << everyControl;
    QTest::newRow("long") << u"\"\\\n"_s.repeated(1000);
}

void TestJsonWriter::stringsAreEscapedAsQtDoes()
{
    QFETCH(QString, text);
    QCOMPARE(writtenString(text), qtCompact(text));
    QCOMPARE(writtenKey(text),
             QJsonDocument(QJsonObject{{text, 1}}).toJson(QJsonDocument::Compact));
}

void TestJsonWriter::escapesAreTheJsonOnes()
{
    // Spelled out, so that the comparisons with Qt do not rest on Qt alone.
    QCOMPARE(writtenString(u"\"\\/"_s), R"(["\"\\/"])");
    QCOMPARE(writtenString(u"\b\f\n\r\t"_s), R"(["\b\f\n\r\t"])");
    QCOMPARE(writtenString(QString(QChar(0)) + QChar(0x1f) + QChar(0x0b) + QChar(0x7f)),
             QByteArray(R"(["\u0000\u001f\u000b)") + "\x7f\"]");
    QCOMPARE(writtenString(u"中🚀"_s), QByteArray("[\"\xe4\xb8\xad\xf0\x9f\x9a\x80\"]"));
    QCOMPARE(writtenString(QString(QChar(0xdabc))), R"(["\udabc"])");
}

void TestJsonWriter::randomStringsAreEscapedAsQtDoes()
{
    QRandomGenerator random(20261127);
    for (int i = 0; i < 3000; ++i) {
        const QString text = randomText(random, 40);
        QCOMPARE(writtenString(text), qtCompact(text));
    }
}

void TestJsonWriter::latin1IsEscapedAsItsUnicode()
{
    QByteArray every;
    for (int c = 0; c < 256; ++c)
        every += char(c);
    for (const QByteArray &text : {QByteArray(), QByteArray("items"), every}) {
        JsonWriter json;
        json.beginObject();
        json.key(QLatin1StringView(text));
        json.string(QLatin1StringView(text));
        json.endObject();
        const QString unicode = QString::fromLatin1(text);
        QCOMPARE(json.take(),
                 QJsonDocument(QJsonObject{{unicode, unicode}}).toJson(QJsonDocument::Compact));
    }
}

void TestJsonWriter::integersAsQtPrintsThem()
{
    const qint64 values[] = {0,
                             1,
                             -1,
                             9,
                             10,
                             -10,
                             123456789,
                             (qint64(1) << 53) + 1,
                             -(qint64(1) << 53) - 1,
                             std::numeric_limits<qint64>::max(),
                             std::numeric_limits<qint64>::min(),
                             std::numeric_limits<qint64>::min() + 1};
    for (qint64 value : values) {
        JsonWriter json;
        json.beginArray();
        json.integer(value);
        json.endArray();
        QCOMPARE(json.take(), qtCompact(QJsonValue(value)));
    }
}

void TestJsonWriter::doublesAsQtPrintsThem()
{
    const double values[] = {0.0,
                             -0.0,
                             0.1,
                             3.0,
                             -2.5,
                             1e21,
                             1e-7,
                             1.0 / 3,
                             9007199254740993.0,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()};
    for (double value : values) {
        JsonWriter json;
        json.beginArray();
        json.number(value);
        json.endArray();
        QCOMPARE(json.take(), qtCompact(QJsonValue(value)));
    }
}

void TestJsonWriter::nestingAndSeparators()
{
    JsonWriter json;
    json.beginObject();
    json.key("a"_L1);
    json.beginArray();
    json.endArray();
    json.key("b"_L1);
    json.beginObject();
    json.endObject();
    json.key("c"_L1);
    json.beginArray();
    json.boolean(true);
    json.boolean(false);
    json.null();
    json.beginObject();
    json.key("x"_L1);
    json.beginArray();
    json.beginArray();
    json.integer(1);
    json.endArray();
    json.beginArray();
    json.endArray();
    json.endArray();
    json.key("y"_L1);
    json.raw(R"({"z":[1,2]})");
    json.endObject();
    json.string(u"s"_s);
    json.endArray();
    json.key("d"_L1);
    json.null();
    json.endObject();

    const QJsonObject same{
        {u"a"_s, QJsonArray()},
        {u"b"_s, QJsonObject()},
        {u"c"_s, QJsonArray{true, false, QJsonValue::Null,
                            QJsonObject{{u"x"_s, QJsonArray{QJsonArray{1}, QJsonArray()}},
                                        {u"y"_s, QJsonObject{{u"z"_s, QJsonArray{1, 2}}}}},
                            u"s"_s}},
        {u"d"_s, QJsonValue::Null},
    };
    const QByteArray body = json.take();
    QCOMPARE(body, QJsonDocument(same).toJson(QJsonDocument::Compact));
    QCOMPARE(body, R"({"a":[],"b":{},"c":[true,false,null,{"x":[[1],[]],"y":{"z":[1,2]}},"s"],)"
                   R"("d":null})");

    // take() leaves a writer ready for a new document.
    json.beginArray();
    json.integer(7);
    json.endArray();
    QCOMPARE(json.take(), "[7]");
}

void TestJsonWriter::uuidsAndTimesAsJsonFieldsSpellThem()
{
    QRandomGenerator random(42);
    const QDateTime now = TestWorkspace::defaultNow();
    for (int i = 0; i < 500; ++i) {
        const QUuid id = randomUuid(random);
        const QDateTime time = randomTime(random, now);
        JsonWriter json;
        json.beginArray();
        json.uuid(id);
        json.dateTime(time);
        json.endArray();
        QCOMPARE(json.take(),
                 QJsonDocument(QJsonArray{JsonFields::fromUuid(id), JsonFields::fromDateTime(time)})
                     .toJson(QJsonDocument::Compact));
    }
    JsonWriter json;
    json.beginArray();
    json.uuid(QUuid::fromString(u"0123abcd-ef01-4567-89ab-cdef01234567"_s));
    json.dateTime(QDateTime(QDate(2026, 11, 27), QTime(2, 0, 0, 5), Qt::UTC));
    json.uuid({});
    json.dateTime({});
    json.endArray();
    QCOMPARE(json.take(),
             R"(["0123abcd-ef01-4567-89ab-cdef01234567","2026-11-27T02:00:00.005Z",null,null])");
}

void TestJsonWriter::voucherListRowsAreByteEqual()
{
    QRandomGenerator random(5);
    const QDateTime now = TestWorkspace::defaultNow();
    QList<VoucherListRow> rows;
    int issued = 0;
    for (int i = 0; i < 2000; ++i) {
        const VoucherListRow row = randomRow(random, now);
        issued += row.isIssued() ? 1 : 0;
        JsonWriter json;
        ApiJson::write(json, row, now);
        const QByteArray written = json.take();
        const QByteArray expected =
            QJsonDocument(ApiJson::toJson(row, now)).toJson(QJsonDocument::Compact);
        QVERIFY2(written == expected,
                 qPrintable(u"row %1:\n%2\n%3"_s.arg(i).arg(QString::fromUtf8(written),
                                                            QString::fromUtf8(expected))));
        rows.append(row);
    }
    QVERIFY(issued > 500 && issued < 1500); // both kinds were compared

    for (qsizetype size : {0, 1, 50, 200}) {
        const QList<VoucherListRow> page = rows.mid(0, size);
        for (qint64 total : {qint64(0), qint64(1000000), std::numeric_limits<qint64>::max()})
            QCOMPARE(writtenPage(page, total, now), qtPage(page, total, now));
    }
}

void TestJsonWriter::workspaceRowsAreByteEqual()
{
    // Rows as the store gives them: pending, issued, and issued then expired.
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Listed \"Q4\" 年终"_s, VoucherKind::Universal);
    ws.submit(t.id);
    ws.approve(ws.submit(t.id));
    ws.approve(ws.submit(t.id));
    const QList<VoucherListRow> rows = VoucherListQuery(ws.db(), {}).page(0, 50, ws.now());
    QCOMPARE(rows.size(), 3);
    for (const QDateTime &now : {ws.now(), ws.now().addYears(5)})
        QCOMPARE(writtenPage(rows, rows.size(), now), qtPage(rows, rows.size(), now));
}

void TestJsonWriter::jsonValuesAsQtPrintsThem()
{
    QRandomGenerator random(77);
    for (int i = 0; i < 1000; ++i) {
        const QJsonValue value = randomValue(random, 3);
        JsonWriter json;
        json.beginArray();
        json.value(value);
        json.endArray();
        QCOMPARE(json.take(), qtCompact(value));
    }
    // An integer stays whole past 2^53, where a double would round it.
    JsonWriter json;
    json.beginArray();
    json.value(QJsonValue((qint64(1) << 53) + 1));
    json.value(QJsonValue(1e20));
    json.value(QJsonValue(QJsonValue::Undefined));
    json.endArray();
    QCOMPARE(json.take(), "[9007199254740993,1e+20,null]");
}

void TestJsonWriter::changeFeedPagesAreByteEqual()
{
    // Every entity kind of the feed, a deletion among them.
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = ws.approve(ws.submit(ws.createTemplate(u"年终 \"Q4\"\n"_s).id));
    ws.submit(ws.createTemplate(u"Universal"_s, VoucherKind::Universal).id);
    const QUuid deleted = ws.createTemplate(u"Deleted"_s).id;
    QVERIFY(TemplateCommands(*ws.context(ws.managerA)).deleteTemplate(deleted).ok());
    const auto paid = ws.pay(voucherId, 2500, u"ORDER-1"_s);
    QVERIFY2(paid.ok(), resultMessage(paid));

    QSet<QString> entities;
    int deletions = 0;
    for (const Actor &actor : {ws.admin, ws.managerA}) {
        const ChangeFeed feed(ws.db(), actor);
        for (int limit : {1000, 3}) {
            const ChangeFeedPage page = feed.after(0, limit, ws.now());
            QVERIFY(!page.changes.isEmpty());
            QCOMPARE(ChangeFeedJson::page(page), qtChangePage(page));
            for (const ChangeFeedEntry &change : page.changes) {
                entities.insert(change.entity);
                deletions += change.deleted ? 1 : 0;
            }
        }
        QCOMPARE(ChangeFeedJson::page(feed.after(1000000, 10, ws.now())),
                 qtChangePage(feed.after(1000000, 10, ws.now())));
    }
    QCOMPARE(entities.size(), 9);
    QVERIFY(deletions > 0);

    // Made-up data of every JSON type, and the extremes of the envelope.
    QRandomGenerator random(9);
    ChangeFeedPage page;
    page.hasMore = true;
    page.nextSince = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 300; ++i) {
        const bool gone = random.bounded(5) == 0;
        QJsonObject data;
        for (int k = random.bounded(8); k > 0; --k)
            data.insert(randomText(random, 8), randomValue(random, 2));
        page.changes.append({randomText(random, 8), randomText(random, 8), randomMoney(random),
                             gone, gone ? QJsonObject() : data});
    }
    QCOMPARE(ChangeFeedJson::page(page), qtChangePage(page));
}

void TestJsonWriter::feedEntitiesAreByteEqual()
{
    QRandomGenerator random(2026);
    const QDateTime now = TestWorkspace::defaultNow();
    for (int i = 0; i < 1000; ++i) {
        Customer customer;
        customer.id = randomUuid(random);
        customer.partnerId = randomUuid(random);
        customer.name = someText(random);
        customer.uin = someText(random);
        customer.eligible = random.bounded(2);
        customer.createdAt = randomTime(random, now);
        QVERIFY2(difference(written(customer), ApiJson::toJson(customer), "customer").isEmpty(),
                 qPrintable(difference(written(customer), ApiJson::toJson(customer), "customer")));

        const VoucherTemplate voucherTemplate = randomTemplate(random, now);
        QVERIFY2(difference(written(voucherTemplate), ApiJson::toJson(voucherTemplate), "template")
                     .isEmpty(),
                 qPrintable(difference(written(voucherTemplate), ApiJson::toJson(voucherTemplate),
                                       "template")));

        Application application;
        application.id = randomUuid(random);
        application.partnerId = randomUuid(random);
        application.templateId = randomUuid(random);
        application.templateSnapshot = randomTemplate(random, now);
        application.customerId = randomUuid(random);
        application.scenario = someText(random);
        application.status = someOf<ApplicationStatus>(random, 4);
        application.submittedAt = randomTime(random, now);
        application.reviewDueAt = randomTime(random, now);
        application.submittedBy = randomUuid(random);
        application.reviewerId = randomUuid(random);
        application.reviewedAt = randomTime(random, now);
        application.reviewComment = someText(random);
        application.rejectReason = someText(random);
        application.cancelledAt = randomTime(random, now);
        application.voucherId = randomUuid(random);
        application.version = random.bounded(1000);
        QVERIFY2(
            difference(written(application), ApiJson::toJson(application), "application").isEmpty(),
            qPrintable(
                difference(written(application), ApiJson::toJson(application), "application")));

        Voucher voucher;
        voucher.id = randomUuid(random);
        voucher.code = someText(random);
        voucher.applicationId = randomUuid(random);
        voucher.partnerId = randomUuid(random);
        voucher.customerId = randomUuid(random);
        voucher.kind = someOf<VoucherKind>(random, 2);
        voucher.payMode = someOf<PayMode>(random, 3);
        voucher.currency = someText(random);
        voucher.faceValueMinor = randomMoney(random);
        voucher.balanceMinor = random.bounded(3) == 0 ? 0 : randomMoney(random);
        voucher.minSpendMinor = randomMoney(random);
        voucher.effectiveAt = randomTime(random, now);
        voucher.expiresAt = randomTime(random, now);
        voucher.productCodes = someTexts(random);
        voucher.blockedProductCodes = someTexts(random);
        voucher.blocklistRevision = int(randomMoney(random));
        voucher.invalidatedAt = random.bounded(2) ? QDateTime() : randomTime(random, now);
        QVERIFY2(
            difference(written(voucher, now), ApiJson::toJson(voucher, now), "voucher").isEmpty(),
            qPrintable(
                difference(written(voucher, now), ApiJson::toJson(voucher, now), "voucher")));

        Deduction deduction;
        deduction.id = randomUuid(random);
        deduction.voucherId = randomUuid(random);
        deduction.customerId = randomUuid(random);
        deduction.orderId = someText(random);
        deduction.productCode = someText(random);
        deduction.payMode = someOf<PayMode>(random, 3);
        deduction.orderAmountMinor = randomMoney(random);
        deduction.deductedMinor = randomMoney(random);
        deduction.at = randomTime(random, now);
        deduction.actorId = randomUuid(random);
        QVERIFY2(
            difference(written(deduction), ApiJson::toJson(deduction), "deduction").isEmpty(),
            qPrintable(difference(written(deduction), ApiJson::toJson(deduction), "deduction")));

        Partner partner;
        partner.id = randomUuid(random);
        partner.name = someText(random);
        partner.quotaMinor = random.bounded(10000000);
        partner.issuedMinor = random.bounded(10000000);
        partner.currency = someText(random);
        partner.createdAt = randomTime(random, now);
        QVERIFY2(difference(written(partner), ApiJson::toJson(partner), "partner").isEmpty(),
                 qPrintable(difference(written(partner), ApiJson::toJson(partner), "partner")));

        User user;
        user.id = randomUuid(random);
        user.login = someText(random);
        user.displayName = someText(random);
        user.role = someOf<Role>(random, 3);
        user.partnerId = randomUuid(random);
        user.passwordHash = someText(random);
        user.active = random.bounded(2);
        user.createdAt = randomTime(random, now);
        QVERIFY2(difference(written(user), ApiJson::toJson(user), "user").isEmpty(),
                 qPrintable(difference(written(user), ApiJson::toJson(user), "user")));

        Product product;
        product.code = someText(random);
        product.name = someText(random);
        product.nameZh = someText(random);
        product.category = someText(random);
        product.active = random.bounded(2);
        QVERIFY2(difference(written(product), ApiJson::toJson(product), "product").isEmpty(),
                 qPrintable(difference(written(product), ApiJson::toJson(product), "product")));

        BlocklistRevision revision;
        revision.revision = int(randomMoney(random));
        revision.effectiveAt = randomTime(random, now);
        revision.productCodes = someTexts(random);
        QVERIFY2(
            difference(written(revision), ApiJson::toJson(revision), "blocklistRevision").isEmpty(),
            qPrintable(
                difference(written(revision), ApiJson::toJson(revision), "blocklistRevision")));
    }

    // Spelled out once, so that the comparisons do not rest on Qt alone.
    Product product{u"cvm"_s, u"Cloud \"VM\""_s, u"云服务器"_s, u"compute"_s, false};
    QCOMPARE(written(product), QByteArray(R"({"active":false,"category":"compute","code":"cvm",)"
                                          R"("name":"Cloud \"VM\"","nameZh":")") +
                                   u"云服务器"_s.toUtf8() + "\"}");
}

void TestJsonWriter::writtenChangeFeedPagesAreByteEqual()
{
    // The feed's rows written straight into the page are the body the objects gave.
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QUuid voucherId = ws.approve(ws.submit(ws.createTemplate(u"年终 \"Q4\" 🚀\n"_s).id));
    ws.submit(ws.createTemplate(u"Universal\\"_s, VoucherKind::Universal).id);
    ws.approve(ws.submit(ws.createTemplate(u"Everything"_s, VoucherKind::Universal).id));
    const QUuid deleted = ws.createTemplate(u"Deleted"_s).id;
    QVERIFY(TemplateCommands(*ws.context(ws.managerA)).deleteTemplate(deleted).ok());
    const auto paid = ws.pay(voucherId, 2500, u"ORDER-\"1\"-订单"_s);
    QVERIFY2(paid.ok(), resultMessage(paid));

    QSet<QString> entities;
    for (const Actor &actor : {ws.admin, ws.reviewer, ws.managerA, ws.managerB}) {
        const ChangeFeed feed(ws.db(), actor);
        for (int limit : {1000, 5, 1}) {
            qint64 since = 0;
            for (bool more = true; more;) {
                for (const QDateTime &now : {ws.now(), ws.now().addYears(5)}) {
                    const ChangeFeedPage objects = feed.after(since, limit, now);
                    const ChangeFeedPage json =
                        feed.after(since, limit, now, ChangeFeed::Form::Json);
                    QCOMPARE(json.dataJson.size(), json.changes.size());
                    QCOMPARE(json.nextSince, objects.nextSince);
                    QCOMPARE(json.hasMore, objects.hasMore);
                    QCOMPARE(ChangeFeedJson::page(json), qtChangePage(objects));
                    QCOMPARE(ChangeFeedJson::page(objects), qtChangePage(objects));
                    QCOMPARE(json.changes.size(), objects.changes.size());
                    for (qsizetype i = 0; i < json.changes.size(); ++i) {
                        const ChangeFeedEntry &change = json.changes.at(i);
                        entities.insert(change.entity);
                        QVERIFY(change.data.isEmpty());
                        QCOMPARE(json.dataJson.at(i).isEmpty(), change.deleted);
                        // The written form still reads back as the objects.
                        QCOMPARE(json.data(i), objects.changes.at(i).data);
                        QCOMPARE(objects.data(i), objects.changes.at(i).data);
                    }
                }
                const ChangeFeedPage page = feed.after(since, limit, ws.now());
                more = page.hasMore;
                since = page.nextSince;
            }
        }
    }
    QCOMPARE(entities.size(), 9);
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
