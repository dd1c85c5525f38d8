#include "tests/bench/exportbenchmark.h"

#include "core/queries/vouchercsvexporter.h"
#include "tests/bench/benchstats.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>

using namespace Qt::StringLiterals;

ExportBenchmark::ExportBenchmark(const Database &db, int runs)
    : m_db(db)
    , m_runs(runs)
{}

QJsonObject ExportBenchmark::run(const QUuid &partnerId)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.csv"_s);
    VoucherListFilter filter;
    filter.partnerId = partnerId;
    const VoucherCsvExporter exporter(m_db, filter, {}, QDateTime::currentDateTimeUtc());
    VoucherCsvExporter::Outcome outcome;
    const BenchStats stats =
        BenchStats::measure(m_runs, [&] { outcome = exporter.exportTo(path); });
    if (outcome.status != VoucherCsvExporter::Outcome::Status::Written)
        return {{u"error"_s, outcome.errorMessage}};
    QJsonObject figure = stats.toJson();
    figure[u"rows"_s] = double(outcome.rows);
    figure[u"bytes"_s] = double(QFileInfo(path).size());
    figure[u"rows_per_s"_s] =
        stats.median() > 0 ? std::round(double(outcome.rows) / stats.median() * 1000.0) : 0.0;
    return figure;
}
