#pragma once

#include "core/base/commanderror.h"
#include "core/store/sqlstatement.h"
#include "core/store/sqltransaction.h"
#include "core/store/storeerror.h"

#include <QHash>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

class QThread;
class SqlDialect;

// One store: a SQLite file (WAL, foreign keys on) or a PostgreSQL database, reached through a
// connection per thread. Opening migrates the schema and installs the shipped catalogue.
// Commands write through write(): one transaction per command, retried when a racing writer
// or a busy database forces it, rolled back on any refusal or failure.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // When a SQLite commit counts as safe. PostgreSQL decides this itself (synchronous_commit,
    // on by default: a commit returns once its WAL record is flushed).
    enum class Durability {
        // WAL with synchronous=NORMAL: a commit survives the process being killed, but a power
        // loss or OS crash may lose the last ones. Enough for a desktop workspace, and faster.
        ProcessCrash,
        // synchronous=FULL: the WAL is flushed to disk at every commit, so a commit survives a
        // power loss too. For the server, which answers 2xx right after the commit.
        PowerLoss,
    };

    // location: a SQLite file path (created if missing) or
    // postgresql://user[:password]@host[:port]/dbname. Null with a message on failure.
    static std::unique_ptr<Database> open(const QString &location, QString *errorMessage,
                                          Durability durability = Durability::ProcessCrash);

    static bool isPostgresLocation(const QString &location);

    QString location() const { return m_location; }
    const SqlDialect &dialect() const { return *m_dialect; }
    bool isPostgres() const;

    // This thread's connection, opened on first use.
    QSqlDatabase connection() const;
    SqlStatement prepare(const QString &sql) const;
    // Runs a statement without preparing it: transaction control, DDL and PRAGMAs, which
    // PostgreSQL cannot PREPARE. Throws StoreError.
    void execute(const QString &sql) const;

    // The next change-feed revision; call inside a write transaction.
    qint64 nextRev() const;
    // Reserves `count` consecutive revisions for a bulk write; returns the first.
    qint64 reserveRevs(qint64 count) const;

    QString setting(const QString &key, const QString &fallback = {}) const;
    void setSetting(const QString &key, const QString &value) const; // inside a transaction

    // Runs body, which returns a Result<T>, in one write transaction: committed when the result
    // is ok, rolled back otherwise. A unique-key race or a busy/serialization failure reruns
    // body in a new transaction (a racing idempotent create then finds the first one). Inside
    // another write() on this thread, body joins that transaction: the outer one commits,
    // rolls back or reruns the whole.
    template<typename F>
    auto write(F &&body) const -> decltype(body());

    // Runs a read that may throw StoreError and turns a failure into a Result error.
    template<typename F>
    auto read(F &&body) const -> decltype(body());

    static constexpr int MaxWriteAttempts = 8;
    static constexpr int WriterTurnTimeoutMs = 5000;

    // Whether this thread has a write transaction open on this store.
    bool inWriteTransaction() const;

private:
    Database(QString location, std::unique_ptr<SqlDialect> dialect, QSqlDatabase prototype);
    void initialise();
    static void backOff(int attempt);
    // This process's writers to a SQLite store take turns here: SQLite's own lock makes a
    // waiting writer poll with sleeps of up to 100 ms, a mutex wakes it at once. Null for
    // PostgreSQL, whose writers run side by side.
    QMutex *writerTurn() const;

    QString m_location;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionPrefix;
    mutable QMutex m_connectionsMutex;
    // Connection name -> the thread that opened it (null for the prototype).
    mutable QHash<QString, QThread *> m_connections;
    mutable QMutex m_writerMutex;
};

template<typename F>
auto Database::write(F &&body) const -> decltype(body())
{
    using R = decltype(body());
    if (inWriteTransaction())
        return body();
    // Bounded (half the busy timeout), so that a turn held too long delays a writer but never
    // blocks it for good: it then waits in SQLite as before.
    QMutex *turn = writerTurn();
    const bool ownTurn = turn && turn->tryLock(WriterTurnTimeoutMs);
    const auto endTurn = qScopeGuard([&] {
        if (ownTurn)
            turn->unlock();
    });
    for (int attempt = 1;; ++attempt) {
        try {
            SqlTransaction transaction(*this);
            R result = body();
            if (result.ok())
                transaction.commit();
            return result;
        } catch (const StoreError &error) {
            if (error.kind() != StoreError::Kind::Failed && attempt < MaxWriteAttempts) {
                backOff(attempt);
                continue;
            }
            return R(CommandError::internal(QString::fromUtf8(error.what())));
        }
    }
}

template<typename F>
auto Database::read(F &&body) const -> decltype(body())
{
    using R = decltype(body());
    try {
        return body();
    } catch (const StoreError &error) {
        return R(CommandError::internal(QString::fromUtf8(error.what())));
    }
}
