#pragma once

#include "core/base/result.h"

#include <QStringList>

#include <atomic>

class Database;

// voucher_list's secondary indexes and its free-text index (the FTS5 table voucher_list_text,
// kept by triggers), defined once: migration 6 creates them, and a replica's first pull suspends
// them while it fills the table and builds them again in one go when it ends (SyncEngine).
// Writing a row into the table and all of them costs about twice as much as into the table
// alone, and each transaction's commit writes out every index page it touched.
//
// A suspension is always undone by ensure(), which looks at what the schema holds rather than at
// a note of what was dropped: whatever stopped a pull (a crash, a sign-out, an error), the next
// ensure() finds what is missing. The triggers and the text index are rebuilt together in one
// transaction, so present triggers always mean a complete text index.
class VoucherListIndexes
{
public:
    // The statements, in the shared DDL of Migrations (the text index's are {SQLITE_ONLY}).
    static QStringList createIndexStatements();
    static QString createTextTableStatement();
    static QString rebuildTextStatement();
    static QStringList createTextTriggerStatements();

    // Whether every index, the text table and its triggers are there (always, on PostgreSQL,
    // whose stores are never suspended). Throws StoreError.
    static bool isComplete(const Database &db);
    // Whether the text index follows the table (its triggers are there): not while a first pull
    // has it suspended. Throws StoreError.
    static bool textIndexIsCurrent(const Database &db);
    // Drops the indexes and the text index's triggers, in the caller's write transaction; the
    // text index no longer follows the table until ensure(). SQLite only. Throws StoreError.
    static void suspend(const Database &db);
    // Creates what is missing, each index in a transaction of its own (a command waits for one
    // index at most); when a trigger or the text table was missing, the text table, a rebuild of
    // its index and the triggers in one more. Returns early, incomplete, once *stop is set.
    static Result<void> ensure(const Database &db, const std::atomic_bool *stop = nullptr);
};
