#pragma once

#include "core/store/sqldialect.h"

class SqliteDialect final : public SqlDialect
{
public:
    // fullSync: synchronous=FULL instead of NORMAL (see Database::Durability).
    explicit SqliteDialect(bool fullSync = false)
        : m_fullSync(fullSync)
    {}

    QString name() const override;
    QString driverName() const override;
    QString beginWriteSql() const override;
    QString forUpdateSql() const override;
    QString autoIncrementPrimaryKey() const override;
    bool hasTextIndex() const override { return true; }
    QString migrationLockSql() const override;
    QStringList connectionSetupSql() const override;
    StoreError::Kind classify(const QSqlError &error) const override;

private:
    bool m_fullSync;
};
