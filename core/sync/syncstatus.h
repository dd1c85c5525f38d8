#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// Where a server workspace's replica stands, for the status bar.
struct SyncStatus
{
    enum class Connection {
        Connecting, // no answer from the server yet
        Online,     // the last exchange got an answer
        Offline,    // the server could not be reached; commands wait in the outbox
        SignedOut,  // the server no longer accepts the sign-in (expired or revoked)
    };

    Connection connection = Connection::Connecting;
    int pending = 0;      // commands waiting in the outbox
    int problems = 0;     // refused commands not dismissed yet
    QDateTime lastSyncAt; // the end of the last complete pull (UTC)
    bool pulling = false; // a pull is under way
    qint64 received = 0;  // changes received by the pull under way
    QString lastError;    // why the server is unreachable (Offline, SignedOut)
};

Q_DECLARE_METATYPE(SyncStatus)
