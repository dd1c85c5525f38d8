#pragma once

#include "core/store/database.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

// Direct looks into a store for the suites: counts, single values and whole-store snapshots,
// so that a test can prove that a refused or failed command changed nothing at all.
namespace StoreProbe {

// Runs one statement outside any command (DDL such as a test trigger, or a fixture tweak).
// Throws StoreError like every store access.
void exec(const Database &db, const QString &sql);
// The first column of the first row of a query, as a number (0 when there is no row).
qint64 scalar(const Database &db, const QString &sql);
qint64 rowCount(const Database &db, const QString &table);
// The change-feed counter: it moves with every committed state change.
qint64 changeRev(const Database &db);

// Every table's rows in rowid order (SQLite), without the columns that are not reproducible by
// design: salted password hashes and the moment the schema was migrated.
QMap<QString, QStringList> reproducibleDump(const Database &db);
// The first difference of each table that differs; empty when the dumps are equal.
QByteArray dumpDifferences(const QMap<QString, QStringList> &a,
                           const QMap<QString, QStringList> &b);

} // namespace StoreProbe

// Every row of every table of a store, as text.
class StoreSnapshot
{
public:
    explicit StoreSnapshot(const Database &db);

    // Empty when the store holds exactly the rows of this snapshot; otherwise a description of
    // the first difference of each table that changed.
    QByteArray differencesFrom(const Database &db) const;

private:
    QMap<QString, QStringList> m_tables;
};

// A reusable rendezvous of a fixed number of threads: wait() returns in every thread once all
// of them arrived, so that racing commands start together without sleeps.
class ThreadBarrier
{
public:
    explicit ThreadBarrier(int parties)
        : m_parties(parties)
    {}

    void wait();

private:
    QMutex m_mutex;
    QWaitCondition m_allArrived;
    const int m_parties;
    int m_arrived = 0;
    quint64 m_generation = 0;
};

// Fails the test unless the result is a refusal with exactly this error code.
#define VD_EXPECT_ERROR(result, expectedCode)                                                      \
    do {                                                                                           \
        const auto &vdResult_ = (result);                                                          \
        QVERIFY2(!vdResult_.ok(), "the command succeeded; expected a refusal");                    \
        QCOMPARE(vdResult_.error().code(), QString(expectedCode));                                 \
    } while (false)

// Fails the test unless the store holds exactly the rows of the snapshot.
#define VD_VERIFY_UNCHANGED(snapshot, db)                                                          \
    do {                                                                                           \
        const QByteArray vdChanges_ = (snapshot).differencesFrom(db);                              \
        QVERIFY2(vdChanges_.isEmpty(), vdChanges_.constData());                                    \
    } while (false)
