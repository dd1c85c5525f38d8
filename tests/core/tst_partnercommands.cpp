#include "core/commands/partnercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// AddPartner and SetQuota through the store.
class TestPartnerCommands : public QObject
{
    Q_OBJECT

private slots:
    void addPartner();
    void addPartnerValidation_data();
    void addPartnerValidation();
    void addPartnerDuplicateName();
    void addPartnerByOtherRoles_data();
    void addPartnerByOtherRoles();

    void setQuota();
    void setQuotaBelowIssuedIsRefused();
    void setQuotaNegative();
    void setQuotaUnknownPartner();
    void setQuotaByOtherRoles_data();
    void setQuotaByOtherRoles();
};

namespace {

Partner draft(const QString &name, qint64 quota, const QString &currency)
{
    Partner p;
    p.name = name;
    p.quotaMinor = quota;
    p.currency = currency;
    return p;
}

Actor actorNamed(const TestWorkspace &ws, const QString &who)
{
    if (who == u"managerA"_s)
        return ws.managerA;
    if (who == u"reviewer"_s)
        return ws.reviewer;
    return ws.admin;
}

} // namespace

void TestPartnerCommands::addPartner()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.admin);
    Partner request = draft(u"  Gamma Channel  "_s, 7500000, u"USD"_s);
    request.issuedMinor = 999; // not the client's to say

    const auto added = PartnerCommands(*ctx).addPartner(request);
    QVERIFY2(added.ok(), resultMessage(added));
    QVERIFY(!added.value().id.isNull());
    QCOMPARE(added.value().name, u"Gamma Channel"_s);
    QCOMPARE(added.value().issuedMinor, 0);
    QCOMPARE(added.value().createdAt, ws.now());

    const auto stored = PartnerRepository(ws.db()).find(added.value().id);
    QVERIFY(stored);
    QCOMPARE(stored->name, u"Gamma Channel"_s);
    QCOMPARE(stored->quotaMinor, 7500000);
    QCOMPARE(stored->issuedMinor, 0);
    QCOMPARE(stored->currency, u"USD"_s);

    const auto events =
        AuditLog(ws.db()).eventsFor(u"Partner"_s, added.value().id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().action, u"AddPartner"_s);
    QCOMPARE(events.first().actorId, ws.admin.userId);
    QCOMPARE(events.first().details.value(u"quotaMinor"_s).toInteger(), 7500000);
}

void TestPartnerCommands::addPartnerValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("quota");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("empty name") << u" "_s << qint64(0) << u"CNY"_s << QStringList{u"name"_s};
    QTest::newRow("101-char name")
        << QString(101, u'p') << qint64(0) << u"CNY"_s << QStringList{u"name"_s};
    QTest::newRow("negative quota")
        << u"P"_s << qint64(-1) << u"CNY"_s << QStringList{u"quotaMinor"_s};
    QTest::newRow("unsupported currency")
        << u"P"_s << qint64(1) << u"EUR"_s << QStringList{u"currency"_s};
    QTest::newRow("lower-case currency")
        << u"P"_s << qint64(1) << u"cny"_s << QStringList{u"currency"_s};
    QTest::newRow("everything") << u""_s << qint64(-5) << u""_s
                                << QStringList{u"name"_s, u"quotaMinor"_s, u"currency"_s};
}

void TestPartnerCommands::addPartnerValidation()
{
    QFETCH(QString, name);
    QFETCH(qint64, quota);
    QFETCH(QString, currency);
    QFETCH(QStringList, fields);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());

    const auto refused =
        PartnerCommands(*ws.context(ws.admin)).addPartner(draft(name, quota, currency));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), CommandError::Kind::InvalidParameter);
    QStringList actual;
    for (const FieldError &e : refused.error().fieldErrors())
        actual.append(e.field);
    QCOMPARE(actual, fields);
    if (fields.size() == 1) {
        QString expected = fields.first();
        expected[0] = expected.at(0).toUpper();
        QCOMPARE(refused.error().code(), u"InvalidParameter."_s + expected);
    } else {
        QCOMPARE(refused.error().code(), u"InvalidParameter"_s);
    }
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestPartnerCommands::addPartnerDuplicateName()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    const auto duplicate =
        PartnerCommands(*ws.context(ws.admin)).addPartner(draft(u"demo partner a"_s, 1, u"CNY"_s));
    VD_EXPECT_ERROR(duplicate, u"FailedOperation.DuplicateName"_s);
    QCOMPARE(duplicate.error().fieldErrors().size(), 1);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestPartnerCommands::addPartnerByOtherRoles_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("partner manager") << u"managerA"_s;
    QTest::newRow("reviewer") << u"reviewer"_s;
}

void TestPartnerCommands::addPartnerByOtherRoles()
{
    QFETCH(QString, who);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(PartnerCommands(*ws.context(actorNamed(ws, who)))
                        .addPartner(draft(u"Sneaky"_s, 1, u"CNY"_s)),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestPartnerCommands::setQuota()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.admin);

    const auto raised = PartnerCommands(*ctx).setQuota(ws.partnerB.id, 80000000);
    QVERIFY2(raised.ok(), resultMessage(raised));
    QCOMPARE(raised.value().quotaMinor, 80000000);
    QCOMPARE(raised.value().id, ws.partnerB.id);
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerB.id)->quotaMinor, 80000000);
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerA.id)->quotaMinor, 100000000);
    const auto events =
        AuditLog(ws.db()).eventsFor(u"Partner"_s, ws.partnerB.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.last().action, u"SetQuota"_s);
    QCOMPARE(events.last().details.value(u"previousQuotaMinor"_s).toInteger(), 50000000);
    QCOMPARE(events.last().details.value(u"quotaMinor"_s).toInteger(), 80000000);

    const auto zero = PartnerCommands(*ctx).setQuota(ws.partnerB.id, 0);
    QVERIFY2(zero.ok(), resultMessage(zero));
    QCOMPARE(zero.value().quotaMinor, 0);
}

void TestPartnerCommands::setQuotaBelowIssuedIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Issued"_s, VoucherKind::Specific, 400000);
    ws.approve(ws.submit(t.id));
    auto ctx = ws.context(ws.admin);

    const StoreSnapshot before(ws.db());
    const auto refused = PartnerCommands(*ctx).setQuota(ws.partnerA.id, 399999);
    VD_EXPECT_ERROR(refused, u"FailedOperation.QuotaBelowIssued"_s);
    QCOMPARE(refused.error().httpStatus(), 409);
    VD_VERIFY_UNCHANGED(before, ws.db());

    const auto exact = PartnerCommands(*ctx).setQuota(ws.partnerA.id, 400000);
    QVERIFY2(exact.ok(), resultMessage(exact));
    QCOMPARE(exact.value().issuedMinor, 400000);
    QCOMPARE(exact.value().quotaMinor, 400000);
}

void TestPartnerCommands::setQuotaNegative()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(PartnerCommands(*ws.context(ws.admin)).setQuota(ws.partnerB.id, -1),
                    u"InvalidParameter.QuotaMinor"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestPartnerCommands::setQuotaUnknownPartner()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(PartnerCommands(*ws.context(ws.admin)).setQuota(QUuid::createUuid(), 10),
                    u"ResourceNotFound.Partner"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestPartnerCommands::setQuotaByOtherRoles_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("own partner's manager") << u"managerA"_s;
    QTest::newRow("reviewer") << u"reviewer"_s;
}

void TestPartnerCommands::setQuotaByOtherRoles()
{
    QFETCH(QString, who);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(
        PartnerCommands(*ws.context(actorNamed(ws, who))).setQuota(ws.partnerA.id, 999999999),
        u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

QTEST_GUILESS_MAIN(TestPartnerCommands)
#include "tst_partnercommands.moc"
