#include "core/commands/applicationcommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/demo/demogenerator.h"
#include "core/queries/voucherlistquery.h"
#include "core/queries/workspacesummary.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/migrations.h"
#include "tests/support/postgrestestdatabase.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// The store and the commands on a real PostgreSQL (QPSQL), through the same dialect seam the
// server will use: migrations, the whole demo story, and the races that transactions and
// conditional updates must settle with READ COMMITTED isolation.
class TestPostgresStore : public QObject
{
    Q_OBJECT

private slots:
    void migrationsInstallTheSchemaAndCatalogue();
    void reopeningAppliesNothing();
    void demoStoryMatchesSqlite();
    void refusedCommandsOnPostgres();
    void racingApprovalsIssueOneVoucher();
    void racingIdempotentSubmitsCreateOneApplication();
    void racingApprovalsRespectTheQuota();
    void failingCommandLeavesNothingBehind();
};

namespace {

QStringList voucherCodes(const Database &db)
{
    QStringList codes;
    SqlStatement query = db.prepare(u"SELECT code FROM vouchers ORDER BY code"_s);
    query.exec();
    while (query.next())
        codes.append(query.text(0));
    return codes;
}

// Runs body(side) on two threads that start together; false if one did not finish.
template<typename Body>
bool runTwice(Body body)
{
    std::unique_ptr<QThread> threads[2] = {
        std::unique_ptr<QThread>(QThread::create(body, 0)),
        std::unique_ptr<QThread>(QThread::create(body, 1)),
    };
    threads[0]->start();
    threads[1]->start();
    return threads[0]->wait(QDeadlineTimer(60000)) && threads[1]->wait(QDeadlineTimer(60000));
}

} // namespace

void TestPostgresStore::migrationsInstallTheSchemaAndCatalogue()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    QString error;
    const auto db = Database::open(pg.url(), &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->isPostgres());
    QCOMPARE(Migrations::currentVersion(*db), Migrations::latestVersion());
    QCOMPARE(StoreProbe::rowCount(*db, u"products"_s), 46);
    const auto blocklist = ProductRepository(*db).blocklistAt(QDateTime::currentDateTimeUtc());
    QVERIFY(blocklist);
    QCOMPARE(blocklist->revision, 1);
    QCOMPARE(blocklist->productCodes.size(), 5);
}

void TestPostgresStore::reopeningAppliesNothing()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    {
        TestWorkspace ws(pg.url());
        QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
        ws.createTemplate(u"Kept"_s);
    }
    QString error;
    const auto db = Database::open(pg.url(), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(StoreProbe::scalar(*db, u"SELECT COUNT(*) FROM schema_migrations"_s),
             Migrations::latestVersion());
    QCOMPARE(StoreProbe::rowCount(*db, u"templates"_s), 1);
    QCOMPARE(StoreProbe::rowCount(*db, u"products"_s), 46);
}

void TestPostgresStore::demoStoryMatchesSqlite()
{
    DemoOptions options;
    options.now = QDateTime(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);
    options.passwordCost = PasswordHasher::Cost::Minimal;

    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    QString error;
    const auto onPostgres = Database::open(pg.url(), &error);
    QVERIFY2(onPostgres, qPrintable(error));
    const Result<void> pgStory = DemoGenerator(*onPostgres, options).generate();
    QVERIFY2(pgStory.ok(), resultMessage(pgStory));

    QTemporaryDir dir;
    const auto onSqlite = Database::open(dir.filePath(u"demo.db"_s), &error);
    QVERIFY2(onSqlite, qPrintable(error));
    const Result<void> sqliteStory = DemoGenerator(*onSqlite, options).generate();
    QVERIFY2(sqliteStory.ok(), resultMessage(sqliteStory));

    const auto pgSummary = WorkspaceSummary::load(*onPostgres, options.now);
    const auto sqliteSummary = WorkspaceSummary::load(*onSqlite, options.now);
    QVERIFY2(pgSummary.ok(), resultMessage(pgSummary));
    QVERIFY2(sqliteSummary.ok(), resultMessage(sqliteSummary));
    QCOMPARE(pgSummary.value().listRows, sqliteSummary.value().listRows);
    QCOMPARE(pgSummary.value().customers, sqliteSummary.value().customers);
    QCOMPARE(pgSummary.value().lockedTemplates, sqliteSummary.value().lockedTemplates);
    QCOMPARE(pgSummary.value().deductions, sqliteSummary.value().deductions);
    QCOMPARE(pgSummary.value().partners.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(pgSummary.value().partners.at(i).issuedMinor,
                 sqliteSummary.value().partners.at(i).issuedMinor);
    }
    QCOMPARE(voucherCodes(*onPostgres), voucherCodes(*onSqlite));
}

void TestPostgresStore::refusedCommandsOnPostgres()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));

    const VoucherTemplate tmpl = ws.createTemplate(u"Trial CVM 1000"_s);
    auto manager = ws.context(ws.managerA);
    VoucherTemplate same = tmpl;
    same.id = QUuid();
    same.name = u"TRIAL cvm 1000"_s;
    VD_EXPECT_ERROR(TemplateCommands(*manager).createTemplate(same),
                    u"FailedOperation.DuplicateName"_s);

    const QUuid applicationId = ws.submit(tmpl.id);
    VD_EXPECT_ERROR(TemplateCommands(*manager).updateTemplate(tmpl, tmpl.version),
                    u"FailedOperation.TemplateLocked"_s);
    VD_EXPECT_ERROR(ReviewCommands(*manager).approve(applicationId), u"UnauthorizedOperation"_s);
    auto otherPartner = ws.context(ws.managerB);
    VD_EXPECT_ERROR(ApplicationCommands(*otherPartner).cancelApplication(applicationId),
                    u"ResourceNotFound.Application"_s);

    const QUuid voucherId = ws.approve(applicationId);
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = ws.customerA.id;
    bill.orderId = u"ORD-1"_s;
    bill.productCode = u"cdn"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 5000;
    VD_EXPECT_ERROR(VoucherCommands(*manager).recordDeduction(bill),
                    u"FailedOperation.ProductNotCovered"_s);
    bill.productCode = u"cvm"_s;
    const auto paid = VoucherCommands(*manager).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    const auto again = VoucherCommands(*manager).recordDeduction(paid.value());
    QVERIFY2(again.ok(), resultMessage(again));
    QCOMPARE(again.value().id, paid.value().id);
    QCOMPARE(VoucherRepository(ws.db()).find(voucherId)->balanceMinor, 100000 - 5000);
}

void TestPostgresStore::racingApprovalsIssueOneVoucher()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    const auto otherDb = Database::open(pg.url(), &error); // another server process's store
    QVERIFY2(otherDb, qPrintable(error));

    constexpr int Rounds = 10;
    const VoucherTemplate tmpl = ws.createTemplate(u"Raced"_s, VoucherKind::Universal);
    QList<QUuid> applications;
    for (int i = 0; i < Rounds; ++i)
        applications.append(ws.submit(tmpl.id));

    QList<bool> won[2] = {QList<bool>(Rounds), QList<bool>(Rounds)};
    QStringList codes[2] = {QStringList(Rounds), QStringList(Rounds)};
    ThreadBarrier barrier(2);
    Database *stores[2] = {&ws.db(), otherDb.get()};
    const QDateTime now = ws.now();
    QVERIFY(runTwice([&](int side) {
        CommandContext context(*stores[side], ws.reviewer);
        context.setClock([now] { return now; });
        for (int i = 0; i < Rounds; ++i) {
            barrier.wait();
            const auto result = ReviewCommands(context).approve(applications.at(i));
            won[side][i] = result.ok();
            codes[side][i] = result.ok() ? QString() : result.error().code();
        }
    }));

    for (int i = 0; i < Rounds; ++i) {
        QVERIFY2(won[0][i] != won[1][i],
                 qPrintable(u"round %1: %2 / %3"_s.arg(i).arg(codes[0][i], codes[1][i])));
        QCOMPARE(won[0][i] ? codes[1][i] : codes[0][i], u"FailedOperation.ApplicationNotPending"_s);
    }
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), Rounds);
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor, Rounds * 100000);
}

void TestPostgresStore::racingIdempotentSubmitsCreateOneApplication()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    const auto otherDb = Database::open(pg.url(), &error);
    QVERIFY2(otherDb, qPrintable(error));
    const VoucherTemplate tmpl = ws.createTemplate(u"Retried"_s);

    constexpr int Rounds = 10;
    QList<QUuid> ids;
    for (int i = 0; i < Rounds; ++i)
        ids.append(QUuid::createUuid());
    QList<QUuid> returned[2] = {QList<QUuid>(Rounds), QList<QUuid>(Rounds)};
    QStringList failures[2];
    ThreadBarrier barrier(2);
    Database *stores[2] = {&ws.db(), otherDb.get()};
    const QDateTime now = ws.now();
    QVERIFY(runTwice([&](int side) {
        CommandContext context(*stores[side], ws.managerA);
        context.setClock([now] { return now; });
        for (int i = 0; i < Rounds; ++i) {
            SubmitApplicationRequest request;
            request.id = ids.at(i);
            request.templateId = tmpl.id;
            request.customerId = ws.customerA.id;
            request.scenario = u"The same request, sent twice by a retrying client."_s;
            barrier.wait();
            const auto result = ApplicationCommands(context).submitApplication(request);
            if (result.ok())
                returned[side][i] = result.value().id;
            else
                failures[side].append(result.error().code() + u": "_s + result.error().message());
        }
    }));

    QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0].join(u"; "_s)));
    QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1].join(u"; "_s)));
    QCOMPARE(returned[0], ids);
    QCOMPARE(returned[1], ids);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"applications"_s), Rounds);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"voucher_list"_s), Rounds);
}

void TestPostgresStore::racingApprovalsRespectTheQuota()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    const auto otherDb = Database::open(pg.url(), &error);
    QVERIFY2(otherDb, qPrintable(error));

    // Room for exactly one of each pair of applications.
    constexpr int Rounds = 8;
    const qint64 face = 100000;
    const VoucherTemplate tmpl = ws.createTemplate(u"Scarce"_s, VoucherKind::Specific, face);
    auto admin = ws.context(ws.admin);
    QList<QUuid> pairs[2];
    for (int i = 0; i < Rounds; ++i) {
        pairs[0].append(ws.submit(tmpl.id));
        pairs[1].append(ws.submit(tmpl.id));
    }
    ThreadBarrier barrier(2);
    QList<bool> won[2] = {QList<bool>(Rounds), QList<bool>(Rounds)};
    QStringList codes[2] = {QStringList(Rounds), QStringList(Rounds)};
    Database *stores[2] = {&ws.db(), otherDb.get()};
    const QDateTime now = ws.now();
    for (int i = 0; i < Rounds; ++i) {
        const qint64 issued = PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor;
        const auto quota = PartnerCommands(*admin).setQuota(ws.partnerA.id, issued + face);
        QVERIFY2(quota.ok(), resultMessage(quota));
        QVERIFY(runTwice([&](int side) {
            CommandContext context(*stores[side], ws.reviewer);
            context.setClock([now] { return now; });
            barrier.wait();
            const auto result = ReviewCommands(context).approve(pairs[side].at(i));
            won[side][i] = result.ok();
            codes[side][i] = result.ok() ? QString() : result.error().code();
        }));
        QVERIFY2(won[0][i] != won[1][i],
                 qPrintable(u"round %1: %2 / %3"_s.arg(i).arg(codes[0][i], codes[1][i])));
        QCOMPARE(won[0][i] ? codes[1][i] : codes[0][i], u"FailedOperation.InsufficientQuota"_s);
    }
    const Partner partner = *PartnerRepository(ws.db()).find(ws.partnerA.id);
    QCOMPARE(partner.issuedMinor, Rounds * face);
    QCOMPARE(partner.quotaMinor, partner.issuedMinor);
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"vouchers"_s), Rounds);
}

void TestPostgresStore::failingCommandLeavesNothingBehind()
{
    PostgresTestDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.errorMessage()));
    TestWorkspace ws(pg.url());
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate tmpl = ws.createTemplate(u"Doomed"_s);
    const QUuid applicationId = ws.submit(tmpl.id);
    ws.db().execute(uR"(CREATE FUNCTION refuse_voucher() RETURNS trigger AS $$
                        BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql)"_s);
    ws.db().execute(u"CREATE TRIGGER refuse_voucher BEFORE INSERT ON vouchers "
                    u"FOR EACH ROW EXECUTE FUNCTION refuse_voucher()"_s);
    const qint64 audit = AuditLog(ws.db()).count();
    const qint64 rev = StoreProbe::changeRev(ws.db());

    auto reviewer = ws.context(ws.reviewer);
    const auto approved = ReviewCommands(*reviewer).approve(applicationId);
    QVERIFY(!approved.ok());
    QCOMPARE(approved.error().kind(), CommandError::Kind::Internal);
    QVERIFY(!approved.error().message().contains(u"boom"_s));

    QCOMPARE(ApplicationRepository(ws.db()).find(applicationId)->status,
             ApplicationStatus::PendingReview);
    QCOMPARE(PartnerRepository(ws.db()).find(ws.partnerA.id)->issuedMinor, 0);
    QCOMPARE(AuditLog(ws.db()).count(), audit);
    QCOMPARE(StoreProbe::changeRev(ws.db()), rev);
    QCOMPARE(VoucherListQuery(ws.db(), {}).row(applicationId)->phase,
             VoucherListRow::Phase::PendingReview);
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
