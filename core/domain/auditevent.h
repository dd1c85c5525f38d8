#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

// One state change, written in the same transaction as the change itself.
struct AuditEvent
{
    qint64 id = 0;
    QDateTime at;
    QUuid actorId;
    QString action; // the command's name, e.g. "Approve"
    QString entity; // "Application", "Voucher", ...
    QString entityId;
    QJsonObject details;
};
