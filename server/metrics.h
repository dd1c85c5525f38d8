#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

class Database;

// Prometheus text-format metrics of one server process: requests by route and status, a latency
// histogram, and (read from the database at scrape time) applications by status.
class Metrics
{
public:
    void record(const QByteArray &method, const QString &route, int status, double seconds);
    QByteArray render(const Database &db) const;

private:
    struct Histogram
    {
        QList<quint64> buckets; // cumulative counts, one per bound
        quint64 count = 0;
        double sum = 0;
    };

    mutable QMutex m_mutex;
    QHash<QString, quint64> m_requests; // "method|route|status" -> count
    Histogram m_latency;
};
