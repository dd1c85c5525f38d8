#pragma once

#include <QDateTime>
#include <QString>

// A command the server refused: what it was, and the server's answer. The replica row it changed
// is back at the server's state by the time the user sees this.
struct SyncProblem
{
    qint64 id = 0;
    QDateTime at;    // when the server refused it
    QString command; // as in OutboxEntry::command
    QString label;   // what it acted on
    QString entity;  // the row it was about
    QString entityId;
    QString code;      // the server's error code, e.g. FailedOperation.ApplicationNotPending
    QString message;   // the server's message, shown as it is
    QString requestId; // for the server's log
    bool dismissed = false;
};
