#pragma once

#include <QJsonObject>
#include <QUuid>

class Database;

// CSV export of the Vendor Voucher List (VoucherCsvExporter) to a temporary file.
class ExportBenchmark
{
public:
    ExportBenchmark(const Database &db, int runs);

    // Every row of one partner (null: of every partner). {median_ms, ..., rows, rows_per_s}
    QJsonObject run(const QUuid &partnerId);

private:
    const Database &m_db;
    int m_runs;
};
