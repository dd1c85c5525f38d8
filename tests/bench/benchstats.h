#pragma once

#include <QJsonObject>
#include <QList>

#include <functional>

// Timings of one figure over repeated runs, in milliseconds; the median is the figure.
class BenchStats
{
public:
    void add(double ms) { m_samples.append(ms); }
    bool isEmpty() const { return m_samples.isEmpty(); }
    double median() const;
    double min() const;
    double max() const;
    // {median_ms, min_ms, max_ms, runs}
    QJsonObject toJson() const;

    // Times `body` `runs` times; `before` runs untimed ahead of each run (e.g. a reset).
    static BenchStats measure(int runs, const std::function<void()> &body,
                              const std::function<void()> &before = {});

private:
    QList<double> m_samples;
};
