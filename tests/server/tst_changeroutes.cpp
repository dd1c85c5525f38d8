// GET /changes over HTTP against the real binary: the sync feed's shape, paging with nextSince
// and hasMore, scoping by partner (deletions included), incremental pulls and bad parameters.

#include "core/commands/templatecommands.h"
#include "tests/support/serverfixture.h"
#include "tests/support/storeprobe.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString keyOf(const QJsonValue &change)
{
    return change[u"entity"_s].toString() + u'/' + change[u"id"_s].toString();
}

} // namespace

class TestChangeRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void staffPullEverything();
    void pagesFollowNextSince();
    void partnerManagersSeeOnlyTheirOwn();
    void deletionsAreTombstones();
    void incrementalPulls();
    void badParameters_data();
    void badParameters();
    void signInIsRequired();

private:
    // Every change after `since`, page by page; checks each page's shape on the way.
    QJsonArray pullAll(ApiClient &client, qint64 since, int limit, qint64 *nextSince = nullptr,
                       int *pages = nullptr);

    ServerFixture m_fixture;
    TestWorkspace &m_ws = m_fixture.workspace();
    std::unique_ptr<ApiClient> m_admin, m_managerA, m_managerB, m_reviewer;
    QUuid m_voucherA, m_voucherB, m_deletedTemplate;
};

void TestChangeRoutes::initTestCase()
{
    QVERIFY(m_ws.isValid());
    m_ws.setNow(QDateTime::currentDateTimeUtc().addSecs(-3600));
    m_voucherA = m_ws.approve(m_ws.submit(m_ws.createTemplate(u"A voucher"_s).id));
    const QUuid templateB =
        m_ws.createTemplate(u"B voucher"_s, VoucherKind::Specific, 100000, &m_ws.managerB).id;
    m_voucherB = m_ws.approve(m_ws.submit(templateB, &m_ws.managerB, &m_ws.customerB));
    m_deletedTemplate = m_ws.createTemplate(u"Deleted"_s).id;
    QVERIFY(TemplateCommands(*m_ws.context(m_ws.managerA)).deleteTemplate(m_deletedTemplate).ok());

    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorMessage()));
    m_admin = m_fixture.client(u"admin"_s);
    m_managerA = m_fixture.client(u"manager.a"_s);
    m_managerB = m_fixture.client(u"manager.b"_s);
    m_reviewer = m_fixture.client(u"reviewer"_s);
    QVERIFY(m_admin && m_managerA && m_managerB && m_reviewer);
}

QJsonArray TestChangeRoutes::pullAll(ApiClient &client, qint64 since, int limit, qint64 *nextSince,
                                     int *pages)
{
    QJsonArray all;
    int count = 0;
    for (; count < 10000; ++count) {
        const auto reply = client.get(u"/api/v1/changes?since=%1&limit=%2"_s.arg(since).arg(limit));
        if (reply.status != 200) {
            QTest::qFail(reply.body.constData(), __FILE__, __LINE__);
            break;
        }
        const QJsonObject page = reply.json();
        const QJsonArray changes = page[u"changes"_s].toArray();
        const qint64 next = page[u"nextSince"_s].toInteger();
        if (!changes.isEmpty() && next != changes.last()[u"rev"_s].toInteger())
            QTest::qFail("nextSince is not the last change's rev", __FILE__, __LINE__);
        if (next < since)
            QTest::qFail("nextSince went back", __FILE__, __LINE__);
        for (const QJsonValue &change : changes) {
            all.append(change);
            if (change[u"rev"_s].toInteger() <= since)
                QTest::qFail("a change at or before since", __FILE__, __LINE__);
        }
        since = next;
        if (!page[u"hasMore"_s].toBool()) {
            ++count;
            break;
        }
    }
    if (nextSince)
        *nextSince = since;
    if (pages)
        *pages = count;
    return all;
}

void TestChangeRoutes::staffPullEverything()
{
    for (ApiClient *client : {m_admin.get(), m_reviewer.get()}) {
        const auto reply = client->get(u"/api/v1/changes"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject page = reply.json();
        QCOMPARE(page[u"hasMore"_s].toBool(), false);
        QCOMPARE(page[u"nextSince"_s].toInteger(), StoreProbe::changeRev(m_ws.db()));
        const QJsonArray changes = page[u"changes"_s].toArray();
        QSet<QString> keys;
        qint64 previous = 0;
        for (const QJsonValue &change : changes) {
            const QJsonObject object = change.toObject();
            const QStringList fields = object.keys();
            QCOMPARE(QSet<QString>(fields.cbegin(), fields.cend()),
                     QSet<QString>({u"entity"_s, u"id"_s, u"rev"_s, u"deleted"_s, u"data"_s}));
            QVERIFY(object[u"rev"_s].toInteger() >= previous);
            previous = object[u"rev"_s].toInteger();
            keys.insert(keyOf(change));
            if (object[u"entity"_s] == u"user"_s) {
                QVERIFY(!object[u"data"_s].toObject().contains(u"passwordHash"_s));
                QVERIFY(!QJsonDocument(object).toJson().contains("argon2"));
            }
        }
        for (const QString &expected : QStringList{
                 u"partner/"_s + idText(m_ws.partnerA.id), u"partner/"_s + idText(m_ws.partnerB.id),
                 u"user/"_s + idText(m_ws.managerA.userId), u"voucher/"_s + idText(m_voucherA),
                 u"voucher/"_s + idText(m_voucherB), u"template/"_s + idText(m_deletedTemplate),
                 u"customer/"_s + idText(m_ws.customerB.id), u"product/cos"_s,
                 u"blocklistRevision/1"_s})
            QVERIFY2(keys.contains(expected), qPrintable(expected));
        // The voucher's data is its API representation, with its status now.
        for (const QJsonValue &change : changes) {
            if (change[u"id"_s] == idText(m_voucherA)) {
                QCOMPARE(change[u"data"_s][u"status"_s].toString(), u"unused"_s);
                QCOMPARE(change[u"data"_s].toObject(),
                         m_admin->get(u"/api/v1/vouchers/"_s + idText(m_voucherA)).json());
            }
        }
    }
}

void TestChangeRoutes::pagesFollowNextSince()
{
    const QJsonArray whole =
        m_admin->get(u"/api/v1/changes?limit=1000"_s).json()[u"changes"_s].toArray();
    QVERIFY(whole.size() > 20);
    qint64 nextSince = 0;
    int pages = 0;
    const QJsonArray paged = pullAll(*m_admin, 0, 7, &nextSince, &pages);
    QCOMPARE(paged, whole);
    QCOMPARE(nextSince, StoreProbe::changeRev(m_ws.db()));
    QVERIFY2(pages >= whole.size() / 7, qPrintable(QString::number(pages)));

    const QJsonObject first = m_admin->get(u"/api/v1/changes?limit=7"_s).json();
    QCOMPARE(first[u"changes"_s].toArray().size(), 7);
    QCOMPARE(first[u"hasMore"_s].toBool(), true);
    QCOMPARE(first[u"nextSince"_s].toInteger(), whole.at(6)[u"rev"_s].toInteger());
    // The default page is 500 changes; the fixture has fewer.
    const QJsonObject defaults = m_admin->get(u"/api/v1/changes"_s).json();
    QCOMPARE(defaults[u"changes"_s].toArray().size(), whole.size());
}

void TestChangeRoutes::partnerManagersSeeOnlyTheirOwn()
{
    const QList<std::pair<ApiClient *, QUuid>> managers = {{m_managerA.get(), m_ws.partnerA.id},
                                                           {m_managerB.get(), m_ws.partnerB.id}};
    for (const auto &[client, partner] : managers) {
        const QString own = idText(partner);
        const QJsonArray changes = pullAll(*client, 0, 5);
        QSet<QString> entities;
        QSet<QString> keys;
        for (const QJsonValue &change : changes) {
            const QString entity = change[u"entity"_s].toString();
            entities.insert(entity);
            keys.insert(keyOf(change));
            QVERIFY2(entity != u"user"_s, "users are the staff's business");
            if (entity == u"partner"_s)
                QCOMPARE(change[u"id"_s].toString(), own);
            else if (change[u"data"_s].toObject().contains(u"partnerId"_s))
                QCOMPARE(change[u"data"_s][u"partnerId"_s].toString(), own);
        }
        for (const QString &entity :
             {u"partner"_s, u"customer"_s, u"product"_s, u"blocklistRevision"_s, u"template"_s,
              u"application"_s, u"voucher"_s})
            QVERIFY2(entities.contains(entity), qPrintable(entity));
        const bool isA = partner == m_ws.partnerA.id;
        QCOMPARE(keys.contains(u"voucher/"_s + idText(m_voucherA)), isA);
        QCOMPARE(keys.contains(u"voucher/"_s + idText(m_voucherB)), !isA);
        QCOMPARE(keys.contains(u"template/"_s + idText(m_deletedTemplate)), isA);
        QCOMPARE(keys.contains(u"customer/"_s + idText(m_ws.customerA.id)), isA);
        QCOMPARE(keys.contains(u"partner/"_s + idText(m_ws.partnerA.id)), isA);
    }
}

void TestChangeRoutes::deletionsAreTombstones()
{
    const QJsonArray changes = pullAll(*m_managerA, 0, 1000);
    int seen = 0;
    for (const QJsonValue &change : changes) {
        if (change[u"id"_s] != idText(m_deletedTemplate))
            continue;
        ++seen;
        QCOMPARE(change[u"entity"_s].toString(), u"template"_s);
        QCOMPARE(change[u"deleted"_s].toBool(), true);
        QVERIFY(change[u"data"_s].isNull());
    }
    QCOMPARE(seen, 1);
}

void TestChangeRoutes::incrementalPulls()
{
    qint64 cursorA = 0, cursorB = 0;
    pullAll(*m_managerA, 0, 1000, &cursorA);
    pullAll(*m_managerB, 0, 1000, &cursorB);

    // Nothing new: no changes, the same cursor, nothing more.
    const QJsonObject empty = m_managerA->get(u"/api/v1/changes?since=%1"_s.arg(cursorA)).json();
    QCOMPARE(empty[u"changes"_s].toArray().size(), 0);
    QCOMPARE(empty[u"nextSince"_s].toInteger(), cursorA);
    QCOMPARE(empty[u"hasMore"_s].toBool(), false);

    // A payment through the API: partner A gets the deduction and the voucher's balance...
    const QString deduction = idText(QUuid::createUuid());
    const auto paid =
        m_managerA->post(u"/api/v1/vouchers/"_s + idText(m_voucherA) + u"/deductions"_s,
                         QJsonObject{{u"id"_s, deduction},
                                     {u"orderId"_s, u"ORD-42"_s},
                                     {u"productCode"_s, u"cvm"_s},
                                     {u"payMode"_s, u"prepaid"_s},
                                     {u"orderAmountMinor"_s, 4200}});
    QCOMPARE(paid.status, 201);
    const QJsonArray news = pullAll(*m_managerA, cursorA, 1000);
    QSet<QString> keys;
    for (const QJsonValue &change : news)
        keys.insert(keyOf(change));
    QCOMPARE(keys,
             QSet<QString>({u"deduction/"_s + deduction, u"voucher/"_s + idText(m_voucherA)}));
    for (const QJsonValue &change : news) {
        if (change[u"entity"_s] == u"voucher"_s)
            QCOMPARE(change[u"data"_s][u"balanceMinor"_s].toInteger(), 100000 - 4200);
        else
            QCOMPARE(change[u"data"_s].toObject(), paid.json());
    }
    // ...and partner B nothing.
    const QJsonObject forB = m_managerB->get(u"/api/v1/changes?since=%1"_s.arg(cursorB)).json();
    QCOMPARE(forB[u"changes"_s].toArray().size(), 0);
    QCOMPARE(forB[u"nextSince"_s].toInteger(), cursorB);
}

void TestChangeRoutes::badParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::newRow("since negative") << u"since=-1"_s << u"InvalidParameter.Since"_s;
    QTest::newRow("since text") << u"since=yesterday"_s << u"InvalidParameter.Since"_s;
    QTest::newRow("since fraction") << u"since=1.5"_s << u"InvalidParameter.Since"_s;
    QTest::newRow("since empty") << u"since="_s << u"InvalidParameter.Since"_s;
    QTest::newRow("limit zero") << u"limit=0"_s << u"InvalidParameter.Limit"_s;
    QTest::newRow("limit over 1000") << u"limit=1001"_s << u"InvalidParameter.Limit"_s;
    QTest::newRow("limit huge") << u"limit=99999999999999999999"_s << u"InvalidParameter.Limit"_s;
}

void TestChangeRoutes::badParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    const auto reply = m_managerA->get(u"/api/v1/changes?"_s + query);
    COMPARE_ERROR(reply, 400, code);
    QVERIFY(!reply.json()[u"error"_s][u"message"_s].toString().isEmpty());
    // The largest page is allowed.
    QCOMPARE(m_managerA->get(u"/api/v1/changes?limit=1000"_s).status, 200);
}

void TestChangeRoutes::signInIsRequired()
{
    ApiClient anonymous(m_fixture.server().url());
    const auto reply = anonymous.get(u"/api/v1/changes"_s);
    COMPARE_ERROR(reply, 401, u"AuthFailure.TokenMissing"_s);
}

QTEST_MAIN(TestChangeRoutes)
#include "tst_changeroutes.moc"
