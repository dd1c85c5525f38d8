#include "tests/bench/benchstats.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
double rounded(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}
} // namespace

double BenchStats::median() const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted.at(middle) : (sorted.at(middle - 1) + sorted.at(middle)) / 2;
}

double BenchStats::min() const
{
    return m_samples.isEmpty() ? 0 : *std::min_element(m_samples.begin(), m_samples.end());
}

double BenchStats::max() const
{
    return m_samples.isEmpty() ? 0 : *std::max_element(m_samples.begin(), m_samples.end());
}

QJsonObject BenchStats::toJson() const
{
    return {{u"median_ms"_s, rounded(median())},
            {u"min_ms"_s, rounded(min())},
            {u"max_ms"_s, rounded(max())},
            {u"runs"_s, int(m_samples.size())}};
}

BenchStats BenchStats::measure(int runs, const std::function<void()> &body,
                               const std::function<void()> &before)
{
    BenchStats stats;
    for (int run = 0; run < runs; ++run) {
        if (before)
            before();
        QElapsedTimer timer;
        timer.start();
        body();
        stats.add(double(timer.nsecsElapsed()) / 1e6);
    }
    return stats;
}
