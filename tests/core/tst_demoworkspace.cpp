#include "core/demo/demoworkspace.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/database.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// Creating a demo workspace file: built in "<path>.partial" and moved into place only when
// complete, so that a refused, failed or cancelled creation leaves nothing half-made behind.
class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void createsWorkspace();
    void existingFileIsRefused_data();
    void existingFileIsRefused();
    void replaceOverwritesFileAndStaleLeftovers();
    void addsBulkData();
    void cancelledBulkLeavesNothing();
    void unwritableLocationFails();
    void replacingAFolderFailsCleanly();
};

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);

DemoOptions demoOptions()
{
    DemoOptions options;
    options.now = kNow;
    options.passwordCost = PasswordHasher::Cost::Minimal;
    return options;
}

// The files a SQLite workspace at `path` may consist of, and those of its partial build.
QStringList leftovers(const QString &path)
{
    QStringList found;
    for (const QString &base : {path, QString(path + u".partial"_s)}) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
            if (QFileInfo::exists(base + suffix))
                found.append(QFileInfo(base + suffix).fileName());
        }
    }
    return found;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Opens the workspace and checks that it holds the demo story.
void verifyHoldsDemo(const QString &path)
{
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(StoreProbe::rowCount(*db, u"users"_s), 4);
    QVERIFY(PartnerRepository(*db).findByName(u"Demo Partner A"_s));
    QVERIFY(PartnerRepository(*db).findByName(u"Demo Partner B"_s));
    QVERIFY(StoreProbe::rowCount(*db, u"vouchers"_s) > 0);
    QCOMPARE(StoreProbe::rowCount(*db, u"voucher_list"_s),
             StoreProbe::rowCount(*db, u"applications"_s));
}

} // namespace

void TestDemoWorkspace::createsWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"demo.db"_s);

    const Result<void> created = DemoWorkspace::create(path, demoOptions());
    QVERIFY2(created.ok(), resultMessage(created));
    // Only the finished file, checkpointed: no partial build, no WAL beside it.
    QCOMPARE(leftovers(path), QStringList{u"demo.db"_s});
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"demo.db"_s});
    verifyHoldsDemo(path);
}

void TestDemoWorkspace::existingFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("some file") << QByteArray("precious, not a workspace");
}

void TestDemoWorkspace::existingFileIsRefused()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"taken.db"_s);
    QVERIFY(writeFile(path, content));

    VD_EXPECT_ERROR(DemoWorkspace::create(path, demoOptions()),
                    u"FailedOperation.WorkspaceExists"_s);
    QCOMPARE(readFile(path), content);
    QCOMPARE(leftovers(path), QStringList{u"taken.db"_s});
}

void TestDemoWorkspace::replaceOverwritesFileAndStaleLeftovers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"old.db"_s);
    // An old file with a stale WAL beside it, and the partial build of an interrupted run.
    QVERIFY(writeFile(path, "old content"));
    QVERIFY(writeFile(path + u"-wal"_s, "stale wal"));
    QVERIFY(writeFile(path + u".partial"_s, "interrupted build"));

    const Result<void> created = DemoWorkspace::create(path, demoOptions(), {}, true);
    QVERIFY2(created.ok(), resultMessage(created));
    QCOMPARE(leftovers(path), QStringList{u"old.db"_s});
    verifyHoldsDemo(path);
}

void TestDemoWorkspace::addsBulkData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bench.db"_s);
    BulkOptions bulk;
    bulk.vouchers = 200;
    bulk.partners = 3;
    bulk.customers = 40;
    // bulk.now is left unset: the bulk history ends where the demo's does.
    QList<QPair<qint64, qint64>> calls;
    const Result<void> created =
        DemoWorkspace::create(path, demoOptions(), bulk, false, [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        });
    QVERIFY2(created.ok(), resultMessage(created));
    QCOMPARE(calls, (QList<QPair<qint64, qint64>>{{200, 200}}));
    QCOMPARE(leftovers(path), QStringList{u"bench.db"_s});

    verifyHoldsDemo(path);
    if (QTest::currentTestFailed())
        return;
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(StoreProbe::rowCount(*db, u"partners"_s), 3);
    QCOMPARE(StoreProbe::rowCount(*db, u"customers"_s), 40);
    QCOMPARE(
        StoreProbe::scalar(*db, u"SELECT COUNT(*) FROM applications WHERE request_hash = 'bulk'"_s),
        200);
    QVERIFY(StoreProbe::scalar(*db, u"SELECT MAX(submitted_at) FROM applications"_s) <=
            kNow.toMSecsSinceEpoch());
    QCOMPARE(StoreProbe::scalar(*db, u"SELECT at FROM audit_events WHERE "
                                     u"action = 'GenerateBenchmarkData'"_s),
             kNow.toMSecsSinceEpoch());
}

void TestDemoWorkspace::cancelledBulkLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"cancelled.db"_s);
    // More than one batch, so that there is a progress call before the end to cancel at; large
    // enough to take the quicker path without indexes.
    BulkOptions bulk;
    bulk.vouchers = std::max<qint64>(BulkVoucherGenerator::BatchSize + 1,
                                     BulkVoucherGenerator::SuspendIndexesFrom);
    bulk.partners = 3;
    bulk.customers = 40;
    int calls = 0;
    const Result<void> created =
        DemoWorkspace::create(path, demoOptions(), bulk, false, [&](qint64, qint64) {
            ++calls;
            return false;
        });
    VD_EXPECT_ERROR(created, u"FailedOperation.Cancelled"_s);
    QCOMPARE(calls, 1);
    QCOMPARE(leftovers(path), QStringList());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestDemoWorkspace::unwritableLocationFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The workspace would go into a folder that is a plain file.
    const QString notAFolder = dir.filePath(u"plain"_s);
    QVERIFY(writeFile(notAFolder, "x"));
    const QString path = notAFolder + u"/demo.db"_s;

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"internal error: .*demo\\.db\\.partial"_s));
    VD_EXPECT_ERROR(DemoWorkspace::create(path, demoOptions()), u"InternalError"_s);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"plain"_s});
    QCOMPARE(readFile(notAFolder), QByteArray("x"));
}

void TestDemoWorkspace::replacingAFolderFailsCleanly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"folder.db"_s);
    QVERIFY(QDir(dir.path()).mkdir(u"folder.db"_s));
    QVERIFY(writeFile(path + u"/inside"_s, "kept"));

    VD_EXPECT_ERROR(DemoWorkspace::create(path, demoOptions()),
                    u"FailedOperation.WorkspaceExists"_s);
    // Replacing it builds the workspace, cannot move it over a folder, and cleans up.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"internal error: .*cannot move the new workspace"_s));
    VD_EXPECT_ERROR(DemoWorkspace::create(path, demoOptions(), {}, true), u"InternalError"_s);
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(readFile(path + u"/inside"_s), QByteArray("kept"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
