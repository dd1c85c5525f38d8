#pragma once

#include "core/queries/voucherlistfilter.h"

#include <QDateTime>
#include <QString>

class Database;
class QSqlQuery;

// The voucher list's SQL run directly through QSqlQuery, bound with the values that
// VoucherListQuery binds (its binding is private, so it is repeated here): the yardstick for
// "within 2x of running the same SQL". Every row is stepped through and its columns read, as
// the store's own reads do.
class RawListSql
{
public:
    RawListSql(const Database &db, VoucherListFilter filter, QDateTime now);

    // Runs `sql` (pageSql() or countSql()) once; the number of rows it returned.
    qint64 run(const QString &sql, int limit = 0, int offset = 0) const;

private:
    void bindFilter(QSqlQuery &query, const QString &sql) const;

    const Database &m_db;
    VoucherListFilter m_filter;
    QDateTime m_now;
};
