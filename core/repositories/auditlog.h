#pragma once

#include "core/domain/auditevent.h"

#include <QList>

class Database;

// The audit trail: one event per state change, written in the change's own transaction.
// Throws StoreError.
class AuditLog
{
public:
    explicit AuditLog(const Database &db)
        : m_db(db)
    {}

    void record(const AuditEvent &event) const;
    QList<AuditEvent> eventsFor(const QString &entity, const QString &entityId) const;
    qint64 count() const;

private:
    const Database &m_db;
};
