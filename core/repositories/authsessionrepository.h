#pragma once

#include "core/domain/authsession.h"

#include <optional>

class Database;

// Rows of `auth_sessions`. Throws StoreError.
class AuthSessionRepository
{
public:
    explicit AuthSessionRepository(const Database &db)
        : m_db(db)
    {}

    void insert(const AuthSession &session) const;
    std::optional<AuthSession> find(const QString &tokenHash) const;
    // The user of the session when it is neither revoked nor expired at `now`.
    std::optional<QUuid> findValid(const QString &tokenHash, const QDateTime &now) const;
    // Signs the session out at `now`; false when it was already revoked or expired.
    bool revoke(const QString &tokenHash, const QDateTime &now) const;
    // Deletes the sessions that expired or were revoked before `before`; returns how many.
    int purgeExpired(const QDateTime &before) const;

private:
    const Database &m_db;
};
