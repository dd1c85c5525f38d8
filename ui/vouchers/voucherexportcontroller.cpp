#include "ui/vouchers/voucherexportcontroller.h"

#include "ui/vouchers/voucherlistlog.h"

#include <QSemaphore>
#include <QtConcurrent>

#include <atomic>

struct VoucherExportController::Job
{
    std::atomic_bool cancelled = false;
    QSemaphore shown; // released by the UI thread once it has shown a step
};

namespace {
// How often a waiting worker looks at the cancel flag, e.g. when the controller is destroyed.
constexpr int kCancelPollMs = 50;
} // namespace

VoucherExportController::VoucherExportController(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_job.reset();
        emit finished(m_watcher.result());
    });
}

VoucherExportController::~VoucherExportController()
{
    if (m_job) {
        m_job->cancelled = true;
        m_watcher.waitForFinished();
    }
}

void VoucherExportController::start(const Database &db, const VoucherListFilter &filter,
                                    const VoucherListSort &sort, const QDateTime &now,
                                    const QString &path)
{
    if (m_job)
        return;
    auto job = std::make_shared<Job>();
    m_job = job;
    m_path = path;
    const VoucherCsvExporter exporter(db, filter, sort, now);
    // Runs on the worker: hands the step to the UI thread and waits until it was shown.
    auto progress = [this, job](qint64 done, qint64 total) {
        if (job->cancelled)
            return false;
        QMetaObject::invokeMethod(
            this,
            [this, job, done, total] {
                if (!job->cancelled)
                    emit progressChanged(done, total);
                job->shown.release();
            },
            Qt::QueuedConnection);
        while (!job->shown.tryAcquire(1, kCancelPollMs)) {
            if (job->cancelled)
                return false;
        }
        return !job->cancelled;
    };
    m_watcher.setFuture(QtConcurrent::run([exporter, path, progress] {
        // Whatever escapes the exporter would be rethrown by result() in the UI thread: it is
        // a failed export like any other (QSaveFile leaves no file behind).
        try {
            return exporter.exportTo(path, progress);
        } catch (const std::exception &error) {
            qCWarning(lcVoucherList) << "export failed unexpectedly:" << error.what();
        } catch (...) {
            qCWarning(lcVoucherList) << "export failed unexpectedly";
        }
        VoucherCsvExporter::Outcome failed;
        failed.errorMessage = tr("An unexpected error stopped the export.");
        return failed;
    }));
}

void VoucherExportController::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}
