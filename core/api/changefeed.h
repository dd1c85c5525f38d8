#pragma once

#include "core/domain/actor.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
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
    // A page read in ChangeFeed::Form::Json: changes[i]'s data already written as compact JSON
    // (empty for a tombstone), and changes[i].data left empty. ChangeFeedJson copies these as
    // they are; when the two lists differ in length, it writes each `data` instead.
    QList<QByteArray> dataJson;

    // changes[i]'s data in either form (the Json form's parsed).
    QJsonObject data(qsizetype i) const;
};

// The sync feed of replicas (GET /changes): every row whose `rev` (Database::nextRev) is above a
// cursor, in rev order, scoped to what the actor may see. A partner manager gets its own partner
// row and its customers, templates (deletions included), applications, vouchers and
// deductions; reviewers and administrators get every row, users included (never a password
// hash). Products and blocklist revisions are everyone's. Throws StoreError.
//
// Revisions commit in order (the counter row is written by every write transaction, so writers
// are serialised on it), so a cursor never skips a row committed later with a lower rev. A page
// is every row whose rev is in (since, nextSince]: it finds nextSince from the rows' keys, then
// reads each table's rows in that range with one query (its (partner_id, rev) index).
class ChangeFeed
{
public:
    static constexpr int DefaultLimit = 500;
    static constexpr int MaxLimit = 1000;

    // How a page carries its rows' data: as QJsonObjects in each entry's `data` (what a replica
    // reads), or written as JSON in the page's dataJson, for GET /changes to copy into its body
    // (ApiJson::write: a page of 1,000 vouchers and the body take ~8 ms of CPU, not ~18).
    enum class Form { Objects, Json };

    ChangeFeed(const Database &db, Actor actor);

    // Up to `limit` changes after `since`. A page never splits the rows of one revision, so
    // that nextSince never skips one; a revision of more rows than the limit comes whole.
    // `now` decides the vouchers' status.
    ChangeFeedPage after(qint64 since, int limit, const QDateTime &now,
                         Form form = Form::Objects) const;

private:
    struct Key
    {
        QString entity;
        QString id;
        qint64 rev = 0;
        bool deleted = false;
    };

    // The API representation of a page's rows, by entity and id.
    struct Rows;
    QList<Key> keys(const QString &revCondition, qint64 bound, int limit) const;
    Rows load(const QSet<QString> &entities, qint64 after, qint64 upTo, const QDateTime &now,
              Form form) const;

    const Database &m_db;
    Actor m_actor;
};
