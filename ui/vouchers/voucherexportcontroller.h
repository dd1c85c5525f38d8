#pragma once

#include "core/queries/vouchercsvexporter.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

class Database;

// Runs one VoucherCsvExporter on a worker thread and reports its progress to the UI thread.
// Progress moves in lock step with the UI: after each step the worker waits until the UI thread
// has shown it, so progress events never pile up in the event queue and a Cancel pressed while
// a step shows is seen before another row is written. Destroying the controller cancels the
// export and waits for the worker.
class VoucherExportController : public QObject
{
    Q_OBJECT

public:
    explicit VoucherExportController(QObject *parent = nullptr);
    ~VoucherExportController() override;

    bool isRunning() const { return m_job != nullptr; }
    QString path() const { return m_path; }
    // Does nothing while an export runs.
    void start(const Database &db, const VoucherListFilter &filter, const VoucherListSort &sort,
               const QDateTime &now, const QString &path);
    void cancel();

signals:
    void progressChanged(qint64 done, qint64 total);
    void finished(const VoucherCsvExporter::Outcome &outcome);

private:
    struct Job;
    std::shared_ptr<Job> m_job;
    QFutureWatcher<VoucherCsvExporter::Outcome> m_watcher;
    QString m_path;
};
