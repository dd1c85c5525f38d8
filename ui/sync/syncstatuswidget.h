#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class SyncController;
class SyncProblemsPanel;
struct SyncStatus;

// Where a server workspace stands, for a status bar: the connection, how many changes wait to be
// sent, when the last sync ended, a pull under way, the problems (a button that opens them) and
// Sync Now.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(SyncController &sync, QWidget *parent = nullptr);

    // Shows the Sync Problems panel, or raises the one already open.
    SyncProblemsPanel *openProblems();

private:
    void showStatus(const SyncStatus &status);
    void showConnection(const SyncStatus &status);
    void showLastSync(const SyncStatus &status);

    SyncController &m_sync;
    QLabel *m_dot;
    QLabel *m_connection;
    QLabel *m_pending;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QLabel *m_receiving;
    QToolButton *m_problems;
    QToolButton *m_syncNow;
    QPointer<SyncProblemsPanel> m_panel;
};
