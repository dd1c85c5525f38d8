#pragma once

#include "actor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

class Database;

// One row of the change feed: the current state of an entity that changed after a revision, or
// the tombstone of one that was deleted (then `data` is empty).
struct ChangeFeedEntry
{
    QString entity; // "partner", "user", "customer", "product", "blocklistRevision",
                    // "template", "application", "voucher", "deduction"
    QString id;     // the UUID text; a product's code; a blocklist revision's number
    qint64 rev = 0;
    bool deleted = false;
    QJsonObject data; // ApiJson of the entity as it is now
};

struct ChangeFeedPage
{
    QList<ChangeFeedEntry> changes; // in rev order
    qint64 nextSince = 0;           // the `since` of the next pull
    bool hasMore = false;           // another pull right away would return more
};

// The sync feed of replicas (GET /changes): every row whose `rev` (Database::nextRev) is above a
// cursor, in rev order, scoped to what the actor may see. A partner manager gets its own partner
// row and its customers, templates (deletions included), applications, vouchers and
// deductions; reviewers and administrators get every row, users included (never a password
// hash). Products and blocklist revisions are everyone's. Throws StoreError.
//
// Revisions commit in order (the counter row is written by every write transaction, so writers
// are serialised on it), so a cursor never skips a row committed later with a lower rev.
class ChangeFeed
{
public:
    static constexpr int DefaultLimit = 500;
    static constexpr int MaxLimit = 1000;

    ChangeFeed(const Database &db, Actor actor);

    // Up to `limit` changes after `since`. A page never splits the rows of one revision, so
    // that nextSince never skips one; a revision of more rows than the limit comes whole.
    // `now` decides the vouchers' status.
    ChangeFeedPage after(qint64 since, int limit, const QDateTime &now) const;

private:
    struct Key
    {
        QString entity;
        QString id;
        qint64 rev = 0;
        bool deleted = false;
    };

    QList<Key> keys(const QString &revCondition, qint64 bound, int limit) const;
    QJsonObject data(const Key &key, const QDateTime &now) const;

    const Database &m_db;
    Actor m_actor;
};
