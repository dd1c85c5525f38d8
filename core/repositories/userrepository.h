#pragma once

#include "core/domain/user.h"

#include <QList>

#include <optional>

class Database;

// Rows of `users`. Throws StoreError.
class UserRepository
{
public:
    explicit UserRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<User> find(const QUuid &id) const;
    std::optional<User> findByLogin(const QString &login) const; // case-insensitive
    QList<User> all() const;
    void insert(const User &user) const;
    void setPasswordHash(const QUuid &id, const QString &hash, qint64 rev) const;

private:
    const Database &m_db;
};
