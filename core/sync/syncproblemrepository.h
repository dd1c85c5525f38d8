#pragma once

#include "core/sync/syncproblem.h"

#include <QList>

class Database;

// The refused commands of a server workspace (table sync_problems). Throws StoreError.
class SyncProblemRepository
{
public:
    explicit SyncProblemRepository(const Database &db)
        : m_db(db)
    {}

    qint64 add(const SyncProblem &problem) const; // inside a write transaction
    // Newest first; the dismissed ones only when asked.
    QList<SyncProblem> list(bool includeDismissed = false) const;
    int openCount() const;
    void dismiss(qint64 id) const; // inside a write transaction
    void dismissAll() const;       // inside a write transaction

private:
    const Database &m_db;
};
