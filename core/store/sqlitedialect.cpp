#include "core/store/sqlitedialect.h"

using namespace Qt::StringLiterals;

namespace {
// SQLite primary result codes, as Qt's driver reports them in nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteConstraint = 19;
} // namespace

QString SqliteDialect::name() const
{
    return u"sqlite"_s;
}

QString SqliteDialect::driverName() const
{
    return u"QSQLITE"_s;
}

QString SqliteDialect::beginWriteSql() const
{
    return u"BEGIN IMMEDIATE"_s;
}

QString SqliteDialect::forUpdateSql() const
{
    return {}; // BEGIN IMMEDIATE already holds the database's single write lock
}

QString SqliteDialect::autoIncrementPrimaryKey() const
{
    return u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
}

QString SqliteDialect::migrationLockSql() const
{
    return {}; // BEGIN IMMEDIATE serialises migrations too
}

QStringList SqliteDialect::connectionSetupSql() const
{
    // WAL lets readers work while one writer commits; synchronous=NORMAL in WAL mode keeps every
    // committed transaction across a process crash (only an OS crash or power loss can lose the
    // last ones); FULL flushes the WAL at each commit, so that cannot happen either.
    return {u"PRAGMA journal_mode=WAL"_s,
            m_fullSync ? u"PRAGMA synchronous=FULL"_s : u"PRAGMA synchronous=NORMAL"_s,
            u"PRAGMA foreign_keys=ON"_s};
}

StoreError::Kind SqliteDialect::classify(const QSqlError &error) const
{
    // Qt's driver reports extended result codes (2067 SQLITE_CONSTRAINT_UNIQUE, 1555
    // SQLITE_CONSTRAINT_PRIMARYKEY, 517 SQLITE_BUSY_SNAPSHOT, ...); the low byte is the primary.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    if (code == kSqliteBusy || code == kSqliteLocked)
        return StoreError::Kind::Retryable;
    if (code == kSqliteConstraint && error.databaseText().contains(u"UNIQUE"_s))
        return StoreError::Kind::UniqueViolation;
    return StoreError::Kind::Failed;
}
