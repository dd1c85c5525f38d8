#include "core/commands/commandcontext.h"
#include "core/commands/partnercommands.h"
#include "core/demo/demogenerator.h"
#include "core/domain/money.h"
#include "core/queries/workspacesummary.h"
#include "core/store/database.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The figures of a workspace, checked against direct counts of the demo store (the list's
// statuses from the vouchers and applications themselves, not from the list's read model), and
// the report made of them.
class TestWorkspaceSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void figuresEqualDirectCounts();
    void listRowsByStatus_data();
    void listRowsByStatus();
    void listRowsCoverEveryApplication();
    void laterMomentMovesRowsToExpired();
    void textMentionsPartnersAndLogins_data();
    void textMentionsPartnersAndLogins();
    void textShowsQuotaPools();
    void emptyWorkspace();
    void textListsFivePartnersAtMost();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);
const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);

qint64 count(const Database &db, const QString &sql)
{
    return StoreProbe::scalar(db, sql);
}

WorkspaceSummary loadSummary(const Database &db, const QDateTime &now)
{
    Result<WorkspaceSummary> summary = WorkspaceSummary::load(db, now);
    if (!summary)
        qFatal("WorkspaceSummary::load failed: %s", resultMessage(summary).constData());
    return std::move(summary).value();
}

std::unique_ptr<Database> openEmpty(const QTemporaryDir &dir, const QString &name)
{
    QString error;
    std::unique_ptr<Database> db = Database::open(dir.filePath(name), &error);
    if (!db)
        qWarning("cannot open: %s", qPrintable(error));
    return db;
}

} // namespace

void TestWorkspaceSummary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = openEmpty(m_dir, u"demo.db"_s);
    QVERIFY(m_db);
    DemoOptions options;
    options.now = kNow;
    options.passwordCost = PasswordHasher::Cost::Minimal;
    const Result<void> generated = DemoGenerator(*m_db, options).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));
}

void TestWorkspaceSummary::cleanupTestCase()
{
    m_db.reset();
}

void TestWorkspaceSummary::figuresEqualDirectCounts()
{
    const WorkspaceSummary summary = loadSummary(*m_db, kNow);
    QCOMPARE(summary.location, m_db->location());

    QCOMPARE(summary.partners.size(), StoreProbe::rowCount(*m_db, u"partners"_s));
    QCOMPARE(summary.partners.size(), 2);
    for (const Partner &partner : summary.partners) {
        SqlStatement row =
            m_db->prepare(u"SELECT name, quota_minor, issued_minor FROM partners WHERE id = :id"_s);
        row.bind(u":id"_s, partner.id).exec();
        QVERIFY(row.next());
        QCOMPARE(partner.name, row.text(0));
        QCOMPARE(partner.quotaMinor, row.int64(1));
        QCOMPARE(partner.issuedMinor, row.int64(2));
    }

    QCOMPARE(summary.users.size(), StoreProbe::rowCount(*m_db, u"users"_s));
    QStringList logins;
    for (const User &user : summary.users)
        logins.append(user.login);
    QStringList expectedLogins;
    for (const DemoAccount &account : DemoGenerator::accounts())
        expectedLogins.append(account.login);
    logins.sort();
    expectedLogins.sort();
    QCOMPARE(logins, expectedLogins);

    QCOMPARE(summary.customers, StoreProbe::rowCount(*m_db, u"customers"_s));
    QCOMPARE(summary.customers, 22);
    QCOMPARE(summary.lockedTemplates,
             count(*m_db, u"SELECT COUNT(*) FROM templates WHERE locked = 1"_s));
    QCOMPARE(summary.editableTemplates,
             count(*m_db, u"SELECT COUNT(*) FROM templates WHERE locked = 0"_s));
    QVERIFY(summary.lockedTemplates > 0);
    QVERIFY(summary.editableTemplates > 0);
    QCOMPARE(summary.deductions, StoreProbe::rowCount(*m_db, u"deductions"_s));
    QVERIFY(summary.deductions > 0);
}

void TestWorkspaceSummary::listRowsByStatus_data()
{
    QTest::addColumn<VoucherListStatus>("status");
    QTest::addColumn<QString>("directCount"); // %1 is the moment, in UTC milliseconds

    const QString live = u"SELECT COUNT(*) FROM vouchers WHERE invalidated_at IS NULL AND "_s;
    QTest::newRow("pending_review")
        << VoucherListStatus::PendingReview
        << u"SELECT COUNT(*) FROM applications WHERE status = 'pending_review'"_s;
    QTest::newRow("unused") << VoucherListStatus::Unused
                            << live + u"expires_at > %1 AND balance_minor = face_value_minor"_s;
    QTest::newRow("partially_used")
        << VoucherListStatus::PartiallyUsed
        << live + u"expires_at > %1 AND balance_minor > 0 AND balance_minor < face_value_minor"_s;
    QTest::newRow("used_up") << VoucherListStatus::UsedUp << live + u"balance_minor = 0"_s;
    QTest::newRow("expired") << VoucherListStatus::Expired
                             << live + u"balance_minor > 0 AND expires_at <= %1"_s;
    QTest::newRow("rejected") << VoucherListStatus::Rejected
                              << u"SELECT COUNT(*) FROM applications WHERE status = 'rejected'"_s;
    QTest::newRow("cancelled") << VoucherListStatus::Cancelled
                               << u"SELECT COUNT(*) FROM applications WHERE status = 'cancelled'"_s;
    QTest::newRow("invalidated")
        << VoucherListStatus::Invalidated
        << u"SELECT COUNT(*) FROM vouchers WHERE invalidated_at IS NOT NULL"_s;
}

void TestWorkspaceSummary::listRowsByStatus()
{
    QFETCH(VoucherListStatus, status);
    QFETCH(QString, directCount);

    for (const QDateTime &now : {kNow, kNow.addDays(-40), kNow.addDays(400)}) {
        const WorkspaceSummary summary = loadSummary(*m_db, now);
        QVERIFY(summary.listRows.contains(status));
        const QString sql =
            directCount.contains(u"%1"_s) ? directCount.arg(now.toMSecsSinceEpoch()) : directCount;
        QCOMPARE(summary.listRows.value(status), count(*m_db, sql));
    }
}

void TestWorkspaceSummary::listRowsCoverEveryApplication()
{
    const WorkspaceSummary summary = loadSummary(*m_db, kNow);
    QCOMPARE(summary.listRows.size(), int(VoucherListStatus::Invalidated) + 1);
    qint64 total = 0;
    for (auto it = summary.listRows.cbegin(); it != summary.listRows.cend(); ++it) {
        QVERIFY2(it.value() > 0, qPrintable(voucherListStatusToString(it.key())));
        total += it.value();
    }
    QCOMPARE(total, StoreProbe::rowCount(*m_db, u"applications"_s));
}

void TestWorkspaceSummary::laterMomentMovesRowsToExpired()
{
    const WorkspaceSummary atNow = loadSummary(*m_db, kNow);
    // A year on every voucher has run out (the longest template lasts 180 days).
    const WorkspaceSummary later = loadSummary(*m_db, kNow.addDays(365));
    QCOMPARE(later.listRows.value(VoucherListStatus::Unused), 0);
    QCOMPARE(later.listRows.value(VoucherListStatus::PartiallyUsed), 0);
    QCOMPARE(later.listRows.value(VoucherListStatus::Expired),
             atNow.listRows.value(VoucherListStatus::Expired) +
                 atNow.listRows.value(VoucherListStatus::Unused) +
                 atNow.listRows.value(VoucherListStatus::PartiallyUsed));
    for (VoucherListStatus unchanged :
         {VoucherListStatus::PendingReview, VoucherListStatus::UsedUp, VoucherListStatus::Rejected,
          VoucherListStatus::Cancelled, VoucherListStatus::Invalidated}) {
        QCOMPARE(later.listRows.value(unchanged), atNow.listRows.value(unchanged));
    }
}

void TestWorkspaceSummary::textMentionsPartnersAndLogins_data()
{
    // Each partner and each account starts a line of its own.
    QTest::addColumn<QString>("lineStart");
    QTest::newRow("Demo Partner A") << u"\n  Demo Partner A "_s;
    QTest::newRow("Demo Partner B") << u"\n  Demo Partner B "_s;
    for (const DemoAccount &account : DemoGenerator::accounts())
        QTest::newRow(qPrintable(account.login)) << u"\n  "_s + account.login + u" ("_s;
}

void TestWorkspaceSummary::textMentionsPartnersAndLogins()
{
    QFETCH(QString, lineStart);
    const QString text = loadSummary(*m_db, kNow).toText(kEnglish);
    QVERIFY2(text.contains(lineStart), qPrintable(text));
}

void TestWorkspaceSummary::textShowsQuotaPools()
{
    const WorkspaceSummary summary = loadSummary(*m_db, kNow);
    const QString text = summary.toText(kEnglish);
    QVERIFY2(text.contains(m_db->location()), qPrintable(text));
    for (const Partner &partner : summary.partners) {
        for (qint64 amount :
             {partner.quotaMinor, partner.issuedMinor, partner.quotaMinor - partner.issuedMinor}) {
            const QString money = Money(amount, partner.currency).format(kEnglish);
            QVERIFY2(text.contains(money), qPrintable(money + u" in "_s + text));
        }
    }
    QVERIFY2(text.contains(kEnglish.toString(summary.customers)), qPrintable(text));
}

void TestWorkspaceSummary::emptyWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Database> db = openEmpty(dir, u"empty.db"_s);
    QVERIFY(db);
    const WorkspaceSummary summary = loadSummary(*db, kNow);
    QVERIFY(summary.partners.isEmpty());
    QVERIFY(summary.users.isEmpty());
    QCOMPARE(summary.customers, 0);
    QCOMPARE(summary.lockedTemplates, 0);
    QCOMPARE(summary.editableTemplates, 0);
    QCOMPARE(summary.deductions, 0);
    QCOMPARE(summary.listRows.size(), int(VoucherListStatus::Invalidated) + 1);
    for (qint64 rows : summary.listRows)
        QCOMPARE(rows, 0);
    const QString text = summary.toText(kEnglish);
    QVERIFY2(text.contains(db->location()), qPrintable(text));
}

void TestWorkspaceSummary::textListsFivePartnersAtMost()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Database> db = openEmpty(dir, u"many.db"_s);
    QVERIFY(db);
    CommandContext context(*db, Actor{QUuid(), Role::Admin, QUuid()});
    context.setClock([] { return kNow; });
    for (int i = 1; i <= 7; ++i) {
        const auto added = PartnerCommands(context).addPartner(
            {QUuid(), u"Partner %1"_s.arg(i), 1'000'000, 0, u"CNY"_s, {}, 0});
        QVERIFY2(added.ok(), resultMessage(added));
    }
    const WorkspaceSummary summary = loadSummary(*db, kNow);
    QCOMPARE(summary.partners.size(), 7);
    const QString text = summary.toText(kEnglish);
    for (int i = 1; i <= 5; ++i)
        QVERIFY2(text.contains(u"Partner %1 "_s.arg(i)), qPrintable(text));
    for (int i = 6; i <= 7; ++i)
        QVERIFY2(!text.contains(u"Partner %1 "_s.arg(i)), qPrintable(text));
    QVERIFY2(text.contains(u"2 more"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestWorkspaceSummary)
#include "tst_workspacesummary.moc"
