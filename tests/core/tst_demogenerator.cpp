#include "core/commands/commandcontext.h"
#include "core/commands/usercommands.h"
#include "core/demo/demogenerator.h"
#include "core/domain/vouchercode.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/database.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeinvariants.h"
#include "tests/support/storeprobe.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The demo story: generated once on an empty store through the real commands, then checked
// for its promises (accounts, every status, locked and editable templates, quota accounting,
// two blocklist revisions, audit trail) and for determinism.
class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void accountsAuthenticate_data();
    void accountsAuthenticate();
    void wrongPasswordIsRefused();
    void twoPartnersWithQuotaPools();
    void customersOfEachPartner();
    void everyListStatusAppears_data();
    void everyListStatusAppears();
    void templatesOfEachPartner_data();
    void templatesOfEachPartner();
    void storeIsConsistent();
    void issuedMatchesVouchers();
    void blocklistRevisionsInUniversalVouchers();
    void historyEndsBeforeNow();
    void auditTrail();
    void nonEmptyStoreIsRefused();
    void sameSeedGivesSameData();
    void differentSeedGivesDifferentData();

private:
    std::unique_ptr<Database> generateInto(const QString &path, quint32 seed);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);

DemoOptions demoOptions(quint32 seed = 2026)
{
    DemoOptions options;
    options.seed = seed;
    options.now = kNow;
    options.passwordCost = PasswordHasher::Cost::Minimal;
    return options;
}

qint64 count(const Database &db, const QString &sql)
{
    return StoreProbe::scalar(db, sql);
}

} // namespace

std::unique_ptr<Database> TestDemoGenerator::generateInto(const QString &path, quint32 seed)
{
    QString error;
    std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db) {
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error));
        return {};
    }
    const Result<void> generated = DemoGenerator(*db, demoOptions(seed)).generate();
    if (!generated) {
        qWarning("generation failed: %s", resultMessage(generated).constData());
        return {};
    }
    return db;
}

void TestDemoGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = generateInto(m_dir.filePath(u"demo.db"_s), 2026);
    QVERIFY(m_db);
}

void TestDemoGenerator::cleanupTestCase()
{
    m_db.reset();
}

void TestDemoGenerator::accountsAuthenticate_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("partnerName");

    const QList<DemoAccount> accounts = DemoGenerator::accounts();
    QCOMPARE(accounts.size(), 4);
    for (const DemoAccount &account : accounts) {
        QTest::newRow(qPrintable(account.login))
            << account.login << account.role << account.partnerName;
    }
}

void TestDemoGenerator::accountsAuthenticate()
{
    QFETCH(QString, login);
    QFETCH(Role, role);
    QFETCH(QString, partnerName);

    const CommandContext context(*m_db, Actor{});
    const UserCommands users(context, PasswordHasher(PasswordHasher::Cost::Minimal));
    const auto user = users.authenticate(login, QString::fromLatin1(DemoGenerator::Password));
    QVERIFY2(user.ok(), resultMessage(user));
    QCOMPARE(user.value().login, login);
    QCOMPARE(user.value().role, role);
    QVERIFY(user.value().active);
    if (partnerName.isEmpty()) {
        QVERIFY(user.value().partnerId.isNull());
    } else {
        const auto partner = PartnerRepository(*m_db).findByName(partnerName);
        QVERIFY(partner);
        QCOMPARE(user.value().partnerId, partner->id);
    }
}

void TestDemoGenerator::wrongPasswordIsRefused()
{
    const CommandContext context(*m_db, Actor{});
    const UserCommands users(context, PasswordHasher(PasswordHasher::Cost::Minimal));
    VD_EXPECT_ERROR(users.authenticate(u"manager.a"_s, u"not-the-password"_s),
                    u"AuthFailure.InvalidCredentials"_s);
    QCOMPARE(StoreProbe::rowCount(*m_db, u"users"_s), DemoGenerator::accounts().size());
}

void TestDemoGenerator::twoPartnersWithQuotaPools()
{
    const QList<Partner> partners = PartnerRepository(*m_db).all();
    QCOMPARE(partners.size(), 2);
    const auto a = PartnerRepository(*m_db).findByName(u"Demo Partner A"_s);
    const auto b = PartnerRepository(*m_db).findByName(u"Demo Partner B"_s);
    QVERIFY(a);
    QVERIFY(b);
    QCOMPARE(a->quotaMinor, 100'000'000);
    QCOMPARE(b->quotaMinor, 50'000'000);
    QCOMPARE(a->currency, u"CNY"_s);
    QVERIFY(a->issuedMinor > 0);
    QVERIFY(b->issuedMinor > 0);
    QVERIFY(a->issuedMinor <= a->quotaMinor);
    QVERIFY(b->issuedMinor <= b->quotaMinor);
}

void TestDemoGenerator::customersOfEachPartner()
{
    // README: 22 customers; each partner also has one ineligible customer.
    QCOMPARE(StoreProbe::rowCount(*m_db, u"customers"_s), 22);
    QCOMPARE(count(*m_db, u"SELECT COUNT(DISTINCT partner_id) FROM customers WHERE eligible = 0"_s),
             2);
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM applications a JOIN customers c "
                          u"ON c.id = a.customer_id WHERE c.eligible = 0"_s),
             0);
}

void TestDemoGenerator::everyListStatusAppears_data()
{
    QTest::addColumn<VoucherListStatus>("status");
    for (int s = int(VoucherListStatus::PendingReview); s <= int(VoucherListStatus::Invalidated);
         ++s) {
        const auto status = VoucherListStatus(s);
        QTest::newRow(qPrintable(voucherListStatusToString(status))) << status;
    }
}

void TestDemoGenerator::everyListStatusAppears()
{
    QFETCH(VoucherListStatus, status);
    VoucherListFilter filter;
    filter.status = status;
    QVERIFY2(VoucherListQuery(*m_db, filter).count(kNow) > 0,
             qPrintable(voucherListStatusToString(status)));
}

void TestDemoGenerator::templatesOfEachPartner_data()
{
    QTest::addColumn<QString>("partnerName");
    QTest::newRow("A") << u"Demo Partner A"_s;
    QTest::newRow("B") << u"Demo Partner B"_s;
}

void TestDemoGenerator::templatesOfEachPartner()
{
    QFETCH(QString, partnerName);
    const auto partner = PartnerRepository(*m_db).findByName(partnerName);
    QVERIFY(partner);
    auto ofPartner = [&](const QString &condition) {
        SqlStatement query = m_db->prepare(
            u"SELECT COUNT(*) FROM templates WHERE partner_id = :p AND "_s + condition);
        query.bind(u":p"_s, partner->id).exec();
        return query.next() ? query.int64(0) : -1;
    };
    QVERIFY(ofPartner(u"locked = 1"_s) >= 1);
    QVERIFY(ofPartner(u"locked = 0"_s) >= 1);
    QVERIFY(ofPartner(u"kind = 'universal'"_s) >= 1);
    QVERIFY(ofPartner(u"kind = 'specific'"_s) >= 1);
    // Locked exactly when applied for: the editable ones have no application.
    QCOMPARE(ofPartner(u"locked = 1 AND id NOT IN (SELECT template_id FROM applications)"_s), 0);
    QCOMPARE(ofPartner(u"locked = 0 AND id IN (SELECT template_id FROM applications)"_s), 0);
    QCOMPARE(ofPartner(u"version <> 1"_s), 0);
}

void TestDemoGenerator::storeIsConsistent()
{
    QVERIFY(StoreProbe::scalar(*m_db, u"SELECT COUNT(*) FROM vouchers"_s) > 0);
    StoreInvariants::verify(*m_db);
}

void TestDemoGenerator::issuedMatchesVouchers()
{
    const QList<Partner> partners = PartnerRepository(*m_db).all();
    for (const Partner &partner : partners) {
        SqlStatement sums = m_db->prepare(
            u"SELECT COALESCE(SUM(face_value_minor), 0), COALESCE(SUM(CASE WHEN invalidated_at "
            u"IS NOT NULL THEN balance_minor ELSE 0 END), 0) FROM vouchers WHERE partner_id = :p"_s);
        sums.bind(u":p"_s, partner.id).exec();
        QVERIFY(sums.next());
        QVERIFY2(partner.issuedMinor == sums.int64(0) - sums.int64(1), qPrintable(partner.name));
    }
    QVERIFY(count(*m_db, u"SELECT COUNT(*) FROM vouchers WHERE invalidated_at IS NOT NULL AND "
                         u"balance_minor > 0"_s) > 0);
}

void TestDemoGenerator::blocklistRevisionsInUniversalVouchers()
{
    QCOMPARE(StoreProbe::rowCount(*m_db, u"blocklist_revisions"_s), 2);
    SqlStatement revision2 =
        m_db->prepare(u"SELECT effective_at FROM blocklist_revisions WHERE revision = 2"_s);
    revision2.exec();
    QVERIFY(revision2.next());
    QCOMPARE(revision2.time(0), kNow.addDays(-30));

    QVERIFY(count(*m_db, u"SELECT COUNT(*) FROM vouchers WHERE kind = 'universal' AND "
                         u"blocklist_revision = 1"_s) >= 1);
    QVERIFY(count(*m_db, u"SELECT COUNT(*) FROM vouchers WHERE kind = 'universal' AND "
                         u"blocklist_revision = 2"_s) >= 1);
    // Each snapshot is its revision's list, taken at approval.
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM vouchers v JOIN blocklist_revisions b ON "
                          u"b.revision = v.blocklist_revision WHERE v.kind = 'universal' AND "
                          u"(v.blocked_product_codes <> b.product_codes OR "
                          u"b.effective_at > v.effective_at)"_s),
             0);
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM vouchers v WHERE kind = 'universal' AND "
                          u"v.effective_at >= (SELECT effective_at FROM blocklist_revisions "
                          u"WHERE revision = 2) AND v.blocklist_revision <> 2"_s),
             0);
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM vouchers WHERE kind = 'specific' AND "
                          u"blocklist_revision <> 0"_s),
             0);
}

void TestDemoGenerator::historyEndsBeforeNow()
{
    const qint64 now = kNow.toMSecsSinceEpoch();
    const QString checks[] = {
        u"SELECT MAX(submitted_at) FROM applications"_s,
        u"SELECT MAX(reviewed_at) FROM applications"_s,
        u"SELECT MAX(cancelled_at) FROM applications"_s,
        u"SELECT MAX(at) FROM deductions"_s,
        u"SELECT MAX(invalidated_at) FROM vouchers"_s,
        u"SELECT MAX(at) FROM audit_events"_s,
    };
    for (const QString &sql : checks)
        QVERIFY2(count(*m_db, sql) <= now, qPrintable(sql));
    QVERIFY(count(*m_db, u"SELECT MIN(at) FROM audit_events"_s) >=
            kNow.addDays(-120).toMSecsSinceEpoch());
    // Every deduction happened while its voucher was usable.
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM deductions d JOIN vouchers v ON "
                          u"v.id = d.voucher_id WHERE d.at < v.effective_at OR d.at >= "
                          u"v.expires_at OR (v.invalidated_at IS NOT NULL AND d.at >= "
                          u"v.invalidated_at)"_s),
             0);
}

void TestDemoGenerator::auditTrail()
{
    const qint64 events = AuditLog(*m_db).count();
    QVERIFY(events > StoreProbe::rowCount(*m_db, u"applications"_s));
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM "
                          u"audit_events e WHERE e.entity = 'Application' AND "
                          u"e.entity_id = a.id)"_s),
             0);
    QCOMPARE(count(*m_db, u"SELECT COUNT(*) FROM vouchers v WHERE NOT EXISTS (SELECT 1 FROM "
                          u"audit_events e WHERE e.entity = 'Voucher' AND e.entity_id = v.id AND "
                          u"e.action = 'IssueVoucher')"_s),
             0);
}

void TestDemoGenerator::nonEmptyStoreIsRefused()
{
    const StoreSnapshot before(*m_db);
    VD_EXPECT_ERROR(DemoGenerator(*m_db, demoOptions()).generate(),
                    u"FailedOperation.WorkspaceNotEmpty"_s);
    VD_VERIFY_UNCHANGED(before, *m_db);
}

void TestDemoGenerator::sameSeedGivesSameData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Database> again = generateInto(dir.filePath(u"again.db"_s), 2026);
    QVERIFY(again);
    const QByteArray diff = StoreProbe::dumpDifferences(StoreProbe::reproducibleDump(*m_db),
                                                        StoreProbe::reproducibleDump(*again));
    QVERIFY2(diff.isEmpty(), diff.constData());
}

void TestDemoGenerator::differentSeedGivesDifferentData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Database> other = generateInto(dir.filePath(u"other.db"_s), 7);
    QVERIFY(other);
    const auto first = StoreProbe::reproducibleDump(*m_db);
    const auto second = StoreProbe::reproducibleDump(*other);
    QVERIFY(first.value(u"customers"_s) != second.value(u"customers"_s));
    QVERIFY(first.value(u"applications"_s) != second.value(u"applications"_s));
    QVERIFY(first.value(u"vouchers"_s) != second.value(u"vouchers"_s));
    // The fixed part of the story stays: the same people and partners.
    QCOMPARE(StoreProbe::rowCount(*other, u"partners"_s), 2);
    QCOMPARE(StoreProbe::rowCount(*other, u"users"_s), 4);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
