#pragma once

#include "core/api/changefeed.h"
#include "core/domain/actor.h"
#include "core/repositories/outbox.h"
#include "core/sync/changefetcher.h"
#include "core/sync/serverconnection.h"
#include "core/sync/syncproblem.h"
#include "core/sync/syncstatus.h"

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <atomic>
#include <memory>

class Database;

// Keeps a server workspace's replica in step with the server, on a thread of its own (network
// and JSON never run on the UI thread). A round sends the outbox in order — each command with
// its client id, so that a resend after a lost answer is the same command — then pulls
// GET /changes from the stored cursor, a page per transaction. A command the server refuses
// becomes a SyncProblem and its rows go back to the server's state. Rounds run at start, when
// a command is queued, on demand and on a timer; unreachable, it retries with growing pauses.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl server;
        QString token;
        QSslCertificate trustedCertificate; // a self-signed one the user chose to trust
        Actor actor;                        // the signed-in user
        int intervalMs = 30000;             // between pulls while online
        int maxRetryMs = 30000;             // the longest pause between retries offline
    };

    SyncEngine(Database &db, Settings settings);
    ~SyncEngine() override;

    // Thread-safe: ends the exchange under way at once, and every later one.
    void stop();

public slots:
    void start();
    void syncNow();

signals:
    void statusChanged(const SyncStatus &status);
    // Session::Changes of what the round changed in the replica.
    void replicaChanged(int changes);

private:
    void round();
    bool push(int *changes);
    bool pull(int *changes);
    bool isPage(const ChangeFetcher::Item &item);
    ChangeFetcher::Connection fetchConnection() const;
    bool alreadyDone(const OutboxEntry &entry, const ServerConnection::Reply &reply);
    bool complete(const OutboxEntry &entry, int *changes);
    std::optional<QList<ChangeFeedEntry>> serverStates(const QList<OutboxEntry> &commands,
                                                       bool refused, int *changes);
    bool settle(const QList<OutboxEntry> &commands, const QList<ChangeFeedEntry> &rows,
                const QList<SyncProblem> &problems);
    bool refuse(const OutboxEntry &entry, const ServerConnection::Reply &reply, int *changes);
    std::optional<ChangeFeedEntry> serverState(const RowRef &row, bool refused, bool *answered);
    // False when the reply ends the round (no answer, server error, signed out).
    bool usable(const ServerConnection::Reply &reply);
    void restoreListIndexes();
    void publish();
    void scheduleNext();

    Database &m_db;
    Settings m_settings;
    std::unique_ptr<ServerConnection> m_connection; // made on the engine's thread
    std::atomic<ServerConnection *> m_abortable = nullptr;
    // The engine's connection's abort flag, which the pull's ChangeFetcher watches too.
    std::shared_ptr<std::atomic_bool> m_aborted = std::make_shared<std::atomic_bool>(false);
    QTimer *m_timer = nullptr;
    SyncStatus m_status;
    int m_retryMs = 0;
    int m_serverPauseMs = 0; // a 429's Retry-After
    bool m_running = false;
    bool m_again = false;
    std::atomic_bool m_stopping = false;
};
