#pragma once

#include "core/store/sqldialect.h"

class PostgresDialect final : public SqlDialect
{
public:
    QString name() const override;
    QString driverName() const override;
    QString beginWriteSql() const override;
    QString forUpdateSql() const override;
    QString autoIncrementPrimaryKey() const override;
    bool hasTextIndex() const override { return false; }
    QString migrationLockSql() const override;
    QStringList connectionSetupSql() const override;
    StoreError::Kind classify(const QSqlError &error) const override;
};
