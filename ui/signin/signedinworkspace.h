#pragma once

#include "core/commands/session.h"
#include "core/sync/synccontroller.h"

#include <QCoreApplication>

#include <memory>

class Database;
class QLockFile;
class SignInDialog;

// What an accepted sign-in opens: the store (a local workspace, or a server's replica), the
// user's session on it and, for a server, the sync that keeps the replica in step. Members
// go in reverse: the sync stops before the session and the store it uses.
class SignedInWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(SignedInWorkspace)

public:
    // From a dialog that accepted; the sync starts at once.
    explicit SignedInWorkspace(SignInDialog &dialog);
    ~SignedInWorkspace();

    Session &session() const { return *m_session; }
    SyncController *sync() const { return m_sync.get(); } // null for a local workspace
    // "Local workspace <path>" or "Server <url>", for the status bar.
    QString description() const { return m_description; }

private:
    std::shared_ptr<QLockFile> m_lock; // a server replica is open in one window at a time
    std::shared_ptr<Database> m_db;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncController> m_sync;
    QString m_description;
};
