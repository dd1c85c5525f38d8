#include "core/commands/commandcontext.h"
#include "core/commands/partnercommands.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/store/database.h"
#include "core/store/migrations.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// The store itself: opening and migrating a workspace, its connections, the shipped catalogue,
// and the write() transaction boundary the commands rely on.
class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void migratesNewWorkspace_data();
    void migratesNewWorkspace();
    void reopenAppliesNothingAndKeepsData();
    void upgradesVersionOneWorkspace();
    void connectionPragmas();
    void foreignKeysAreEnforced();
    void notADatabaseIsRefused();
    void newerSchemaIsRefused();
    void folderPathIsRefused();
    void emptyLocationIsRefused();
    void shippedCatalogueIsInstalled();
    void settings();
    void nextRevCounts();
    void writeCommitsOnlyOkResults();
    void writeTurnsStoreFailureIntoInternalError();
    void writeRetriesUniqueViolation();
    void writeGivesUpAfterMaxAttempts();
    void uniqueViolationIsClassified();
};

namespace {

QStringList tableNames(const Database &db)
{
    SqlStatement query = db.prepare(
        u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        u"ORDER BY name"_s);
    query.exec();
    QStringList names;
    while (query.next())
        names.append(query.text(0));
    return names;
}

QString pragma(const Database &db, const QString &name)
{
    SqlStatement query = db.prepare(u"PRAGMA "_s + name);
    query.exec();
    return query.next() ? query.text(0) : QString();
}

struct PragmaValues
{
    QString journalMode;
    QString foreignKeys;
};

PragmaValues pragmasOnNewThread(const Database &db)
{
    PragmaValues values;
    QThread *thread = QThread::create([&] {
        values.journalMode = pragma(db, u"journal_mode"_s);
        values.foreignKeys = pragma(db, u"foreign_keys"_s);
    });
    thread->start();
    thread->wait();
    delete thread;
    return values;
}

} // namespace

void TestDatabase::migratesNewWorkspace_data()
{
    QTest::addColumn<bool>("createEmptyFile");
    QTest::newRow("missing file") << false;
    QTest::newRow("empty file") << true;
}

void TestDatabase::migratesNewWorkspace()
{
    QFETCH(bool, createEmptyFile);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sub/folder/new.vdw"_s);
    if (createEmptyFile) {
        QVERIFY(QDir().mkpath(dir.filePath(u"sub/folder"_s)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(db->location(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!db->isPostgres());

    QCOMPARE(StoreProbe::rowCount(*db, u"schema_migrations"_s), Migrations::all().size());
    QCOMPARE(StoreProbe::scalar(*db, u"SELECT MAX(version) FROM schema_migrations"_s),
             Migrations::latestVersion());
    QCOMPARE(Migrations::currentVersion(*db), Migrations::latestVersion());

    const QStringList tables = tableNames(*db);
    for (const QString &expected :
         {u"settings"_s, u"change_counter"_s, u"partners"_s, u"users"_s, u"customers"_s,
          u"products"_s, u"blocklist_revisions"_s, u"templates"_s, u"applications"_s, u"vouchers"_s,
          u"deductions"_s, u"audit_events"_s, u"tombstones"_s, u"voucher_list"_s,
          u"auth_sessions"_s, u"login_failures"_s, u"schema_migrations"_s}) {
        QVERIFY2(tables.contains(expected), qPrintable(expected));
    }
    QCOMPARE(StoreProbe::rowCount(*db, u"partners"_s), 0);
    QCOMPARE(StoreProbe::rowCount(*db, u"audit_events"_s), 0);
}

void TestDatabase::reopenAppliesNothingAndKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.vdw"_s);
    QString error;
    QUuid partnerId;
    std::unique_ptr<StoreSnapshot> before;
    qint64 revBefore = 0;
    {
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        CommandContext ctx(*db, Actor{QUuid::createUuid(), Role::Admin, {}});
        Partner draft;
        draft.name = u"Kept Partner"_s;
        draft.quotaMinor = 12345;
        draft.currency = u"USD"_s;
        const auto added = PartnerCommands(ctx).addPartner(draft);
        QVERIFY2(added.ok(), resultMessage(added));
        partnerId = added.value().id;
        revBefore = StoreProbe::changeRev(*db);
        before = std::make_unique<StoreSnapshot>(*db);
    }

    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    // Opening again wrote nothing: no migration, no second catalogue, no counter change.
    VD_VERIFY_UNCHANGED(*before, *db);
    QCOMPARE(StoreProbe::changeRev(*db), revBefore);
    QCOMPARE(Migrations::apply(*db), QList<int>());
    QCOMPARE(StoreProbe::rowCount(*db, u"schema_migrations"_s), Migrations::all().size());

    const auto partner = PartnerRepository(*db).find(partnerId);
    QVERIFY(partner);
    QCOMPARE(partner->name, u"Kept Partner"_s);
    QCOMPARE(partner->quotaMinor, 12345);
    QCOMPARE(partner->currency, u"USD"_s);
}

void TestDatabase::upgradesVersionOneWorkspace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.vdw"_s);
    QString error;
    QUuid partnerId;
    {
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        CommandContext ctx(*db, Actor{QUuid::createUuid(), Role::Admin, {}});
        Partner draft;
        draft.name = u"Before Sign-in Sessions"_s;
        draft.quotaMinor = 500;
        draft.currency = u"CNY"_s;
        const auto added = PartnerCommands(ctx).addPartner(draft);
        QVERIFY2(added.ok(), resultMessage(added));
        partnerId = added.value().id;
        // Back to what a workspace of schema 1 holds.
        StoreProbe::exec(*db, u"DROP TABLE auth_sessions"_s);
        StoreProbe::exec(*db, u"DROP TABLE login_failures"_s);
        StoreProbe::exec(*db, u"DELETE FROM schema_migrations WHERE version > 1"_s);
        QCOMPARE(Migrations::currentVersion(*db), 1);
    }

    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(Migrations::currentVersion(*db), Migrations::latestVersion());
    QCOMPARE(StoreProbe::scalar(*db, u"SELECT COUNT(*) FROM schema_migrations "
                                     u"WHERE version = 2 AND description = "
                                     u"'Sign-in sessions and throttling'"_s),
             1);
    const QStringList tables = tableNames(*db);
    QVERIFY(tables.contains(u"auth_sessions"_s));
    QVERIFY(tables.contains(u"login_failures"_s));
    for (const QString &index :
         {u"auth_sessions_user"_s, u"login_failures_login"_s, u"login_failures_address"_s}) {
        QCOMPARE(StoreProbe::scalar(*db, u"SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                         u"'index' AND name = '%1'"_s.arg(index)),
                 1);
    }
    QCOMPARE(PartnerRepository(*db).find(partnerId)->name, u"Before Sign-in Sessions"_s);
    // The new tables work: the autoincrement id counts up.
    StoreProbe::exec(*db, u"INSERT INTO login_failures (login, address, at) VALUES "
                          u"('someone', '127.0.0.1', 1), ('someone', '127.0.0.1', 2)"_s);
    QCOMPARE(StoreProbe::scalar(*db, u"SELECT MAX(id) - MIN(id) FROM login_failures"_s), 1);
}

void TestDatabase::connectionPragmas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.vdw"_s);
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));

    QCOMPARE(pragma(*db, u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragma(*db, u"foreign_keys"_s), u"1"_s);

    const PragmaValues other = pragmasOnNewThread(*db);
    QCOMPARE(other.journalMode, u"wal"_s);
    QCOMPARE(other.foreignKeys, u"1"_s);

    // A second store on the same file (another app instance) sets its connections up too.
    auto second = Database::open(path, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(pragma(*second, u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragma(*second, u"foreign_keys"_s), u"1"_s);
    const PragmaValues secondOther = pragmasOnNewThread(*second);
    QCOMPARE(secondOther.journalMode, u"wal"_s);
    QCOMPARE(secondOther.foreignKeys, u"1"_s);

    // Each thread has its own connection.
    QString otherName;
    QThread *thread = QThread::create([&] { otherName = db->connection().connectionName(); });
    thread->start();
    thread->wait();
    delete thread;
    QVERIFY(!otherName.isEmpty());
    QVERIFY(otherName != db->connection().connectionName());
}

void TestDatabase::foreignKeysAreEnforced()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));
    SqlStatement insert =
        db->prepare(u"INSERT INTO customers (id, partner_id, name, uin, eligible, created_at, rev) "
                    u"VALUES ('c1', 'no-such-partner', 'Orphan', '12345', 1, 0, 1)"_s);
    QVERIFY_THROWS_EXCEPTION(StoreError, insert.exec());
    QCOMPARE(StoreProbe::rowCount(*db, u"customers"_s), 0);
}

void TestDatabase::notADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.vdw"_s);
    QByteArray garbage;
    for (int i = 0; i < 200; ++i)
        garbage += "These are meeting notes, not a SQLite database. ";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }

    QString error;
    const auto db = Database::open(path, &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
             qPrintable(error));
    QVERIFY2(error.contains(u"not a VoucherDesk workspace"_s), qPrintable(error));

    // The file is left exactly as it was.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestDatabase::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace.vdw"_s);
    const int newer = Migrations::latestVersion() + 1;
    QString error;
    {
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        db->prepare(u"INSERT INTO schema_migrations (version, description, applied_at) "
                    u"VALUES (:version, 'from the future', 0)"_s)
            .bind(u":version"_s, newer)
            .exec();
    }

    error.clear();
    const auto db = Database::open(path, &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(u"newer version of VoucherDesk"_s), qPrintable(error));
    QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
}

void TestDatabase::folderPathIsRefused()
{
    QTemporaryDir dir;
    QString error;
    const auto db = Database::open(dir.path(), &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(u"it is a folder"_s), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(QFileInfo(dir.path()).absoluteFilePath())),
             qPrintable(error));
}

void TestDatabase::emptyLocationIsRefused()
{
    QString error;
    QVERIFY(!Database::open(u"  "_s, &error));
    QVERIFY2(!error.isEmpty(), "no message for an empty location");
    // A null message pointer is allowed.
    QVERIFY(!Database::open(QString(), nullptr));
}

void TestDatabase::shippedCatalogueIsInstalled()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    const ProductRepository products(*db);
    QCOMPARE(products.all().size(), 46);
    QCOMPARE(products.activeCodes().size(), 46);
    QVERIFY(products.activeCodes().contains(u"cvm"_s));
    QVERIFY(products.activeCodes().contains(u"cos"_s));

    QCOMPARE(StoreProbe::rowCount(*db, u"blocklist_revisions"_s), 1);
    const auto current = products.blocklistAt(QDateTime::currentDateTimeUtc());
    QVERIFY(current);
    QCOMPARE(current->revision, 1);
    QStringList codes = current->productCodes;
    codes.sort();
    QCOMPARE(codes,
             QStringList({u"antiddos"_s, u"domain"_s, u"marketplace"_s, u"sms"_s, u"ssl"_s}));
    const auto first = products.blocklistRevision(1);
    QVERIFY(first);
    QCOMPARE(first->productCodes, current->productCodes);
    QVERIFY(!products.blocklistRevision(2));
    // Every blocked product is in the catalogue.
    for (const QString &code : std::as_const(codes))
        QVERIFY2(products.activeCodes().contains(code), qPrintable(code));
}

void TestDatabase::settings()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    QCOMPARE(db->setting(u"face_value_cap_minor"_s, u"fallback"_s), u"fallback"_s);
    const Result<int> written = db->write([&]() -> Result<int> {
        db->setSetting(u"face_value_cap_minor"_s, u"5000"_s);
        db->setSetting(u"face_value_cap_minor"_s, u"6000"_s); // replaces
        return 1;
    });
    QVERIFY2(written.ok(), resultMessage(written));
    QCOMPARE(db->setting(u"face_value_cap_minor"_s), u"6000"_s);
    QCOMPARE(StoreProbe::rowCount(*db, u"settings"_s), 1);

    CommandContext ctx(*db, Actor{QUuid::createUuid(), Role::Admin, {}});
    QCOMPARE(ctx.faceValueCapMinor(), 6000);
}

void TestDatabase::nextRevCounts()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    const qint64 start = StoreProbe::changeRev(*db);
    QVERIFY(start > 0); // the catalogue took revisions
    const Result<qint64> revs = db->write([&]() -> Result<qint64> {
        const qint64 a = db->nextRev();
        const qint64 b = db->nextRev();
        if (a != start + 1 || b != start + 2)
            return CommandError::internal(u"unexpected revisions"_s);
        return b;
    });
    QVERIFY2(revs.ok(), resultMessage(revs));
    QCOMPARE(StoreProbe::changeRev(*db), start + 2);
}

void TestDatabase::writeCommitsOnlyOkResults()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    const StoreSnapshot before(*db);
    const Result<int> refused = db->write([&]() -> Result<int> {
        db->setSetting(u"refused"_s, u"1"_s);
        db->nextRev();
        return CommandError::conflict(u"Nope"_s, u"refused on purpose"_s);
    });
    VD_EXPECT_ERROR(refused, u"FailedOperation.Nope"_s);
    VD_VERIFY_UNCHANGED(before, *db);

    const Result<int> committed = db->write([&]() -> Result<int> {
        db->setSetting(u"committed"_s, u"1"_s);
        return 7;
    });
    QVERIFY2(committed.ok(), resultMessage(committed));
    QCOMPARE(committed.value(), 7);
    QCOMPARE(db->setting(u"committed"_s), u"1"_s);
    QCOMPARE(db->setting(u"refused"_s, u"absent"_s), u"absent"_s);
}

void TestDatabase::writeTurnsStoreFailureIntoInternalError()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    const StoreSnapshot before(*db);
    int attempts = 0;
    const Result<int> failed = db->write([&]() -> Result<int> {
        ++attempts;
        db->setSetting(u"half-done"_s, u"1"_s);
        db->prepare(u"SELECT no_such_column FROM settings"_s).exec();
        return 1;
    });
    VD_EXPECT_ERROR(failed, u"InternalError"_s);
    QCOMPARE(failed.error().kind(), CommandError::Kind::Internal);
    QCOMPARE(failed.error().httpStatus(), 500);
    const QString message = failed.error().message();
    QVERIFY2(!message.contains(u"no_such_column"_s), qPrintable(message));
    QCOMPARE(attempts, 1); // a plain failure is not retried
    VD_VERIFY_UNCHANGED(before, *db);
}

void TestDatabase::writeRetriesUniqueViolation()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    int attempts = 0;
    const Result<int> result = db->write([&]() -> Result<int> {
        ++attempts;
        db->setSetting(u"attempt"_s, QString::number(attempts));
        if (attempts == 1)
            throw StoreError(StoreError::Kind::UniqueViolation, u"raced"_s);
        return attempts;
    });
    QVERIFY2(result.ok(), resultMessage(result));
    QCOMPARE(attempts, 2);
    QCOMPARE(db->setting(u"attempt"_s), u"2"_s);
}

void TestDatabase::writeGivesUpAfterMaxAttempts()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    const StoreSnapshot before(*db);
    int attempts = 0;
    const Result<int> result = db->write([&]() -> Result<int> {
        ++attempts;
        db->setSetting(u"attempt"_s, QString::number(attempts));
        throw StoreError(StoreError::Kind::Retryable, u"always busy"_s);
    });
    VD_EXPECT_ERROR(result, u"InternalError"_s);
    QCOMPARE(attempts, Database::MaxWriteAttempts);
    VD_VERIFY_UNCHANGED(before, *db);
}

void TestDatabase::uniqueViolationIsClassified()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"workspace.vdw"_s), &error);
    QVERIFY2(db, qPrintable(error));

    StoreProbe::exec(*db, u"INSERT INTO settings (key, value) VALUES ('k', 'v')"_s);
    StoreError::Kind kind = StoreError::Kind::Failed;
    bool thrown = false;
    try {
        StoreProbe::exec(*db, u"INSERT INTO settings (key, value) VALUES ('k', 'w')"_s);
    } catch (const StoreError &e) {
        thrown = true;
        kind = e.kind();
    }
    QVERIFY(thrown);
    QCOMPARE(kind, StoreError::Kind::UniqueViolation);

    // Other constraint failures are plain failures, not retried.
    thrown = false;
    try {
        StoreProbe::exec(*db, u"UPDATE partners SET quota_minor = -1"_s); // no rows: no error
        StoreProbe::exec(*db, u"INSERT INTO change_counter (id, rev) VALUES (2, 0)"_s);
    } catch (const StoreError &e) {
        thrown = true;
        kind = e.kind();
    }
    QVERIFY(thrown);
    QCOMPARE(kind, StoreError::Kind::Failed);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
