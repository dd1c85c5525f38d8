#include "core/demo/demoworkspace.h"

#include "core/base/coretr.h"
#include "core/store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {
void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}
} // namespace

Result<void> DemoWorkspace::fillDatabase(const QString &location, const DemoOptions &demo,
                                         const BulkOptions &bulk,
                                         const BulkVoucherGenerator::Progress &progress)
{
    QString error;
    const std::unique_ptr<Database> db = Database::open(location, &error);
    if (!db)
        return CommandError::internal(error);
    if (Result<void> story = DemoGenerator(*db, demo).generate(); !story)
        return story;
    if (bulk.vouchers <= 0)
        return {};
    BulkOptions options = bulk;
    if (!options.now.isValid())
        options.now = demo.now;
    const Result<qint64> written = BulkVoucherGenerator(*db, options).generate(progress);
    if (!written)
        return written.error();
    return {};
}

Result<void> DemoWorkspace::create(const QString &path, const DemoOptions &demo,
                                   const BulkOptions &bulk, bool replace,
                                   const BulkVoucherGenerator::Progress &progress)
{
    if (Database::isPostgresLocation(path))
        return fillDatabase(path, demo, bulk, progress);

    const QString target = QFileInfo(path).absoluteFilePath();
    if (QFileInfo::exists(target) && !replace) {
        return CommandError::conflict(
            u"WorkspaceExists"_s,
            CoreTr::tr("%1 already exists; choose another file or replace it.")
                .arg(QDir::toNativeSeparators(target)));
    }
    const QString partial = target + u".partial"_s;
    removeDatabaseFiles(partial);

    {
        QString error;
        std::unique_ptr<Database> db = Database::open(partial, &error);
        if (!db)
            return CommandError::internal(error);
        // A file nobody else uses yet and that is thrown away on any failure: no need to sync
        // every transaction to disk while it is filled.
        db->execute(u"PRAGMA synchronous=OFF"_s);
        // Pages go straight into the file instead of through the WAL and a checkpoint (half
        // the writes); rollback still works from the journal in memory. Every later open turns
        // WAL mode on again.
        db->execute(u"PRAGMA journal_mode=MEMORY"_s);
        // Bulk data outgrows SQLite's small default page cache many times over.
        db->execute(u"PRAGMA cache_size=-524288"_s); // 512 MiB
        db->execute(u"PRAGMA temp_store=MEMORY"_s);
        db->execute(u"PRAGMA threads=2"_s);            // sort index builds in parallel
        db->execute(u"PRAGMA mmap_size=4294967296"_s); // read pages without copies

        if (Result<void> story = DemoGenerator(*db, demo).generate(); !story) {
            db.reset();
            removeDatabaseFiles(partial);
            return story;
        }
        if (bulk.vouchers > 0) {
            BulkOptions options = bulk;
            if (!options.now.isValid())
                options.now = demo.now;
            const Result<qint64> written = BulkVoucherGenerator(*db, options).generate(progress);
            if (!written || written.value() < options.vouchers) {
                db.reset();
                removeDatabaseFiles(partial);
                if (!written)
                    return written.error();
                return CommandError::conflict(u"Cancelled"_s,
                                              CoreTr::tr("Creating the workspace was cancelled."));
            }
        }
    } // closing the last connection checkpoints the WAL into the file

    removeDatabaseFiles(target);
    if (!QFile::rename(partial, target)) {
        removeDatabaseFiles(partial);
        return CommandError::internal(u"cannot move the new workspace into place"_s);
    }
    return {};
}
