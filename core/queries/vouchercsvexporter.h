#pragma once

#include "core/queries/voucherlistfilter.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

class Database;
struct VoucherListRow;

// Writes the rows of the Vendor Voucher List that match a filter to a CSV file, in the list's
// order, for spreadsheet programs:
// - UTF-8 with a byte order mark (without it Excel reads Chinese names as mojibake), a header
//   row, CRLF line ends and RFC 4180 quoting;
// - money as plain decimal strings ("1000.50") beside the currency code, so that a spreadsheet
//   sums them without knowing about currency symbols;
// - times as ISO 8601 in UTC ("2026-11-27T02:00:00Z"): one unambiguous value wherever the file
//   is opened, the form the REST API uses; the header says so;
// - text that a spreadsheet would run as a formula (starting with = + - @) gets a leading
//   apostrophe, so a customer name can never become a formula.
// One query streams every row (no paging), written through QSaveFile: a failed or cancelled
// export leaves no file behind, and an existing file is only replaced by a complete one.
// Meant to run off the UI thread; the store gives that thread its own connection.
class VoucherCsvExporter
{
public:
    // Called every ProgressInterval rows and at the end; return false to cancel. `total` is the
    // count taken before the rows are read, raised if rows were added meanwhile.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Outcome
    {
        enum class Status { Written, Cancelled, Failed };
        Status status = Status::Failed;
        qint64 rows = 0;
        QString errorMessage; // translated, when Failed
    };

    VoucherCsvExporter(const Database &db, VoucherListFilter filter, VoucherListSort sort,
                       QDateTime now);

    Outcome exportTo(const QString &path, const Progress &progress = {}) const;

    static QStringList header();
    static QStringList fields(const VoucherListRow &row, const QDateTime &now);
    // One CSV record of the fields, quoted where RFC 4180 needs it, without the line end.
    static QString record(const QStringList &fields);

    static constexpr int ProgressInterval = 1000;

private:
    const Database &m_db;
    VoucherListFilter m_filter;
    VoucherListSort m_sort;
    QDateTime m_now;
};
