#pragma once

#include "voucherlistfilter.h"
#include "voucherlistrow.h"

#include <QList>

class Database;

// Reads of the Vendor Voucher List: pages and counts for a filter, as one indexed query on the
// voucher_list read model. Throws StoreError.
class VoucherListQuery
{
public:
    VoucherListQuery(const Database &db, VoucherListFilter filter, VoucherListSort sort = {});

    // `now` decides the time-dependent statuses (expired) of the filter.
    QList<VoucherListRow> page(int offset, int limit, const QDateTime &now) const;
    qint64 count(const QDateTime &now) const;
    std::optional<VoucherListRow> row(const QUuid &applicationId) const;

    // The SQL that page() and count() run, for benchmarks and the sqlite3 shell.
    QString pageSql() const;
    QString countSql() const;

private:
    QString whereClause() const;
    QString orderClause() const;
    void bindFilter(class SqlStatement &query, const QDateTime &now) const;

    const Database &m_db;
    VoucherListFilter m_filter;
    VoucherListSort m_sort;
};
