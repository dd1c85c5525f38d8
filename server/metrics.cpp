#include "server/metrics.h"

#include "core/domain/applicationstatus.h"
#include "core/repositories/applicationrepository.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {
const QList<double> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}
} // namespace

void Metrics::record(const QByteArray &method, const QString &route, int status, double seconds)
{
    const QMutexLocker lock(&m_mutex);
    ++m_requests[QString::fromLatin1(method) + u'|' + route + u'|' + QString::number(status)];
    if (m_latency.buckets.isEmpty())
        m_latency.buckets.resize(kBounds.size());
    for (qsizetype i = 0; i < kBounds.size(); ++i) {
        if (seconds <= kBounds.at(i))
            ++m_latency.buckets[i];
    }
    ++m_latency.count;
    m_latency.sum += seconds;
}

QByteArray Metrics::render(const Database &db) const
{
    QByteArray out;
    {
        const QMutexLocker lock(&m_mutex);
        out += "# HELP voucherdesk_http_requests_total HTTP requests answered, by route and "
               "status.\n# TYPE voucherdesk_http_requests_total counter\n";
        QStringList keys = m_requests.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            const QStringList parts = key.split(u'|');
            out += "voucherdesk_http_requests_total{method=\"" + parts.at(0).toUtf8() +
                   "\",route=\"" + parts.at(1).toUtf8() + "\",status=\"" + parts.at(2).toUtf8() +
                   "\"} " + QByteArray::number(m_requests.value(key)) + '\n';
        }
        out += "# HELP voucherdesk_http_request_duration_seconds Time to answer a request.\n"
               "# TYPE voucherdesk_http_request_duration_seconds histogram\n";
        for (qsizetype i = 0; i < kBounds.size(); ++i) {
            out += "voucherdesk_http_request_duration_seconds_bucket{le=\"" +
                   number(kBounds.at(i)) + "\"} " + QByteArray::number(m_latency.buckets.value(i)) +
                   '\n';
        }
        out += "voucherdesk_http_request_duration_seconds_bucket{le=\"+Inf\"} " +
               QByteArray::number(m_latency.count) + '\n';
        out += "voucherdesk_http_request_duration_seconds_sum " + number(m_latency.sum) + '\n';
        out += "voucherdesk_http_request_duration_seconds_count " +
               QByteArray::number(m_latency.count) + '\n';
    }
    out += "# HELP voucherdesk_applications Applications in the database, by status.\n"
           "# TYPE voucherdesk_applications gauge\n";
    const ApplicationRepository applications(db);
    for (ApplicationStatus status : {ApplicationStatus::PendingReview, ApplicationStatus::Approved,
                                     ApplicationStatus::Rejected, ApplicationStatus::Cancelled}) {
        out += "voucherdesk_applications{status=\"" + applicationStatusToString(status).toUtf8() +
               "\"} " + QByteArray::number(applications.countByStatus(status)) + '\n';
    }
    return out;
}
