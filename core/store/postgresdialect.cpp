#include "core/store/postgresdialect.h"

using namespace Qt::StringLiterals;

QString PostgresDialect::name() const
{
    return u"postgresql"_s;
}

QString PostgresDialect::driverName() const
{
    return u"QPSQL"_s;
}

QString PostgresDialect::beginWriteSql() const
{
    // READ COMMITTED with conditional updates and row locks (FOR UPDATE) on the rows a command
    // reads before it changes them.
    return u"BEGIN"_s;
}

QString PostgresDialect::forUpdateSql() const
{
    return u" FOR UPDATE"_s;
}

QString PostgresDialect::autoIncrementPrimaryKey() const
{
    return u"BIGSERIAL PRIMARY KEY"_s;
}

QString PostgresDialect::migrationLockSql() const
{
    return u"SELECT pg_advisory_xact_lock(4242001)"_s;
}

QStringList PostgresDialect::connectionSetupSql() const
{
    return {u"SET client_min_messages TO WARNING"_s, u"SET TIME ZONE 'UTC'"_s};
}

StoreError::Kind PostgresDialect::classify(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    if (state == u"23505"_s)
        return StoreError::Kind::UniqueViolation;
    if (state == u"40001"_s || state == u"40P01"_s || state == u"55P03"_s)
        return StoreError::Kind::Retryable;
    return StoreError::Kind::Failed;
}
