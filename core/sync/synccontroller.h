#pragma once

#include "core/sync/syncengine.h"
#include "core/sync/syncproblem.h"
#include "core/sync/syncstatus.h"

#include <QObject>
#include <QThread>

class Session;

// A server workspace's sync as the UI thread sees it: runs the SyncEngine on its own thread,
// routes the session's commands into the replica and its outbox (ReplicaCommandGateway), keeps
// the latest SyncStatus, and tells the session what each round changed so the pages reload.
class SyncController : public QObject
{
    Q_OBJECT

public:
    SyncController(Session &session, SyncEngine::Settings settings, QObject *parent = nullptr);
    ~SyncController() override; // stops the engine and waits for its thread

    SyncStatus status() const { return m_status; }
    QUrl server() const { return m_server; }

    // The refused commands not dismissed yet, newest first.
    QList<SyncProblem> problems() const;
    void dismissProblem(qint64 id);
    void dismissAllProblems();

public slots:
    void syncNow();

signals:
    void statusChanged(const SyncStatus &status);

private:
    void commandQueued();
    void engineStatus(const SyncStatus &status);
    void refreshCounts();

    Session &m_session;
    QUrl m_server;
    QThread m_thread;
    SyncEngine *m_engine; // lives on m_thread, deleted when it finishes
    SyncStatus m_status;
};
