#pragma once

#include "core/queries/voucherlistfilter.h"
#include "core/queries/voucherlistrow.h"

#include <QList>

#include <functional>
#include <optional>

class Database;
class SqlStatement;

// Reads of the Vendor Voucher List: pages and counts for a filter, as one indexed query on the
// voucher_list read model. Throws StoreError.
//
// `positiveBalance` ("Balance > 0" in the list) keeps the vouchers with money still spendable at
// `now`: issued, not invalidated, not expired, balance above zero. An expired or reclaimed
// voucher's leftover balance can never be spent, so a user asking for "balance left" never
// wants it. `minBalanceMinor` narrows the same spendable vouchers to those with at least that
// much left (the vouchers that can pay a bill of that size in full).
class VoucherListQuery
{
public:
    VoucherListQuery(const Database &db, VoucherListFilter filter, VoucherListSort sort = {});

    // `now` decides the time-dependent statuses (expired) of the filter.
    QList<VoucherListRow> page(int offset, int limit, const QDateTime &now) const;
    // The page that follows `last` (a row of the previous page) in the sort order: a seek on the
    // sort column instead of an OFFSET, so the millionth row costs what the first does, and a
    // row inserted meanwhile neither repeats nor hides a row of the next page. A page that
    // crosses from the rows with a sort value to those without (no voucher yet) takes two
    // queries, each an index range.
    QList<VoucherListRow> pageAfter(const VoucherListRow &last, int limit,
                                    const QDateTime &now) const;
    // Every matching row in sort order, from one query read as it goes (a million rows never sit
    // in memory). `visit` returns false to stop; forEachRow() then returns false.
    bool forEachRow(const QDateTime &now,
                    const std::function<bool(const VoucherListRow &)> &visit) const;
    qint64 count(const QDateTime &now) const;
    // The last row of every whole page of `pageSize` rows, in sort order, and (in `count`) the
    // number of matching rows, read from one snapshot: page k + 1 is pageAfter(the k-th end), so
    // a list can open any page with a seek instead of an OFFSET. One pass over the sort index
    // (1,000,000 rows: ~0.4 s): run it off the UI thread. The rows hold only what a seek needs.
    QList<VoucherListRow> pageEnds(int pageSize, const QDateTime &now, qint64 *count) const;
    std::optional<VoucherListRow> row(const QUuid &applicationId) const;

    // The SQL that page() and count() run, for benchmarks and the sqlite3 shell.
    QString pageSql() const;
    QString countSql() const;
    QString pageEndsSql() const;
    // What decides count(): the filter, never the sort (for caches of counts).
    QString countKey() const;

    // A text fragment in FTS5's query syntax (:textPhrase): one phrase, quotes doubled.
    static QString textIndexPhrase(const QString &text);

    // A page of a text filter reads the text index when it finds at most this many rows.
    static constexpr qint64 TextIndexPageLimit = 2000;

private:
    enum class Purpose { Page, Count };

    bool textIndexable() const;
    bool pageUsesTextIndex() const;
    bool usesTextIndex(Purpose purpose) const;
    QStringList conditions(Purpose purpose) const;
    QString whereClause(const QStringList &extra = {}, Purpose purpose = Purpose::Page) const;
    QString sortColumn() const;
    bool sortColumnNullable() const;
    bool nullsSortLast() const;
    QString orderClause() const;
    bool hasSortValue(const VoucherListRow &row) const;
    QString seekCondition(const VoucherListRow &last) const;
    VoucherListRow seekRow(const SqlStatement &query) const;
    std::optional<QString> nextGroupCondition(const VoucherListRow &last) const;
    void bindSeek(SqlStatement &query, const VoucherListRow &last) const;
    void bindFilter(SqlStatement &query, const QDateTime &now,
                    Purpose purpose = Purpose::Page) const;

    const Database &m_db;
    VoucherListFilter m_filter;
    VoucherListSort m_sort;
    mutable std::optional<bool> m_textIndexForPages; // decided once, on first use
    mutable std::optional<bool> m_textIndexCurrent;
};
