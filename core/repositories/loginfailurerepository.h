#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class Database;

// Rows of `login_failures`: failed (or still unverified) sign-in attempts, for throttling.
// A failure counts in a window when it happened after `since`. Throws StoreError.
class LoginFailureRepository
{
public:
    explicit LoginFailureRepository(const Database &db)
        : m_db(db)
    {}

    // Returns the new row's id.
    qint64 record(const QString &login, const QString &address, const QDateTime &at) const;
    void remove(qint64 id) const;

    int countForLogin(const QString &login, const QDateTime &since) const;
    int countForAddress(const QString &address, const QDateTime &since) const;
    // The time of the oldest failure after `since`, passing over `skip` older ones first: with
    // n failures in the window and a limit of k, skip = n - k names the failure whose leaving
    // the window brings the count under the limit.
    std::optional<QDateTime> oldestForLogin(const QString &login, const QDateTime &since,
                                            int skip = 0) const;
    std::optional<QDateTime> oldestForAddress(const QString &address, const QDateTime &since,
                                              int skip = 0) const;

    // Makes concurrent attempts on one login take turns until the transaction ends, so that
    // each counts the failures of those before it. PostgreSQL locks the user row of that login
    // (an unknown login has nothing to guess); SQLite's write transaction is already exclusive.
    void lockLogin(const QString &login) const;

    // Deletes the failures up to `before`; returns how many.
    int purgeBefore(const QDateTime &before) const;

private:
    int count(const QString &column, const QString &value, const QDateTime &since) const;
    std::optional<QDateTime> oldest(const QString &column, const QString &value,
                                    const QDateTime &since, int skip) const;

    const Database &m_db;
};
