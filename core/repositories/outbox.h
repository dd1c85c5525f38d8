#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

class Database;

// A row of the replica that a command changed: "template", "application", "voucher",
// "deduction", "customer" or "partner", and its id.
struct RowRef
{
    QString entity;
    QString id;

    friend bool operator==(const RowRef &, const RowRef &) = default;
};

// A command waiting to be sent to the server: the request to send, what it was (for the user)
// and the replica rows it changed.
struct OutboxEntry
{
    qint64 seq = 0;     // the order commands were made in, and are sent in
    QString command;    // "createTemplate", "approve", ... (OutboxCommand)
    QString label;      // what it acted on, for the user: a template's name, a voucher's code
    QByteArray method;  // "POST", "PUT", "DELETE"
    QString path;       // "/api/v1/templates/<id>"
    QByteArray body;    // JSON; empty for none
    QByteArray ifMatch; // the expected version of a replace, or empty
    QList<RowRef> rows; // the first one is the row the command is about
    QDateTime createdAt;
};

// The persistent outbox of a server workspace (table sync_outbox). Commands are appended in the
// transaction that applied them to the replica, and leave it once the server has answered.
// Throws StoreError.
class Outbox
{
public:
    explicit Outbox(const Database &db)
        : m_db(db)
    {}

    // Call inside the command's write transaction; returns the entry's seq.
    qint64 append(const OutboxEntry &entry) const;
    std::optional<OutboxEntry> first() const;
    QList<OutboxEntry> all() const;
    void remove(qint64 seq) const; // inside a write transaction
    int count() const;
    // The ids of every row a waiting command changed: the lists mark them "pending".
    QSet<QString> pendingIds() const;

private:
    QList<OutboxEntry> read(const QString &limit) const;

    const Database &m_db;
};
