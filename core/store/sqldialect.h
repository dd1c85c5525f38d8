#pragma once

#include "core/store/storeerror.h"

#include <QSqlError>
#include <QString>
#include <QStringList>

// What differs between the SQL databases the store runs on (SQLite for workspaces and small
// servers, PostgreSQL for servers at scale). Everything else is shared SQL.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString name() const = 0;
    virtual QString driverName() const = 0;
    // Starts a write transaction that takes the write lock at once, so two writers never
    // deadlock upgrading a read lock.
    virtual QString beginWriteSql() const = 0;
    // Appended to a SELECT that reads a row the transaction will update.
    virtual QString forUpdateSql() const = 0;
    // Column definition of a 64-bit auto-increment primary key.
    virtual QString autoIncrementPrimaryKey() const = 0;
    // Serialises concurrent migrations of one database inside the migration transaction.
    virtual QString migrationLockSql() const = 0;
    // Statements run on every new connection.
    virtual QStringList connectionSetupSql() const = 0;
    virtual StoreError::Kind classify(const QSqlError &error) const = 0;

    // Whether the store has SQLite's FTS5 full-text index (voucher_list_text).
    virtual bool hasTextIndex() const = 0;

    // Replaces the dialect tokens of shared DDL ({AUTOINCREMENT_PK}). A statement that starts
    // with {SQLITE_ONLY} becomes empty (nothing to run) on another store.
    QString translateDdl(QString ddl) const;
};
