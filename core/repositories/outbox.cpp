#include "core/repositories/outbox.h"

#include "core/store/database.h"

using namespace Qt::StringLiterals;

qint64 Outbox::append(const OutboxEntry &entry) const
{
    SqlStatement insert = m_db.prepare(
        u"INSERT INTO sync_outbox (command, label, method, path, body, if_match, created_at) "
        u"VALUES (:command, :label, :method, :path, :body, :ifMatch, :at)"_s);
    insert.bind(u":command"_s, entry.command)
        .bind(u":label"_s, entry.label)
        .bind(u":method"_s, QString::fromLatin1(entry.method))
        .bind(u":path"_s, entry.path)
        .bind(u":body"_s, QString::fromUtf8(entry.body))
        .bind(u":ifMatch"_s, QString::fromLatin1(entry.ifMatch))
        .bind(u":at"_s, entry.createdAt)
        .exec();
    const qint64 seq = insert.lastInsertId();
    for (const RowRef &row : entry.rows) {
        m_db.prepare(u"INSERT INTO sync_outbox_rows (seq, entity, entity_id) "
                     u"VALUES (:seq, :entity, :id) ON CONFLICT DO NOTHING"_s)
            .bind(u":seq"_s, seq)
            .bind(u":entity"_s, row.entity)
            .bind(u":id"_s, row.id)
            .exec();
    }
    return seq;
}

QList<OutboxEntry> Outbox::all() const
{
    return read(QString());
}

// The entries in seq order, up to `limit` of them (all for 0).
QList<OutboxEntry> Outbox::read(const QString &limit) const
{
    QList<OutboxEntry> entries;
    SqlStatement query =
        m_db.prepare(u"SELECT seq, command, label, method, path, body, if_match, created_at "
                     u"FROM sync_outbox ORDER BY seq"_s +
                     limit);
    query.exec();
    while (query.next()) {
        OutboxEntry entry;
        entry.seq = query.int64(0);
        entry.command = query.text(1);
        entry.label = query.text(2);
        entry.method = query.text(3).toLatin1();
        entry.path = query.text(4);
        entry.body = query.text(5).toUtf8();
        entry.ifMatch = query.text(6).toLatin1();
        entry.createdAt = query.time(7);
        entries.append(entry);
    }
    // The rows of each entry; the first listed is the one the command is about.
    if (entries.isEmpty())
        return entries;
    SqlStatement rows = m_db.prepare(u"SELECT seq, entity, entity_id FROM sync_outbox_rows "
                                     u"WHERE seq BETWEEN :first AND :last ORDER BY seq, rowid"_s);
    rows.bind(u":first"_s, entries.constFirst().seq).bind(u":last"_s, entries.constLast().seq);
    rows.exec();
    while (rows.next()) {
        const qint64 seq = rows.int64(0);
        for (OutboxEntry &entry : entries) {
            if (entry.seq == seq) {
                entry.rows.append({rows.text(1), rows.text(2)});
                break;
            }
        }
    }
    return entries;
}

std::optional<OutboxEntry> Outbox::first() const
{
    const QList<OutboxEntry> entries = read(u" LIMIT 1"_s);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.constFirst();
}

void Outbox::remove(qint64 seq) const
{
    m_db.prepare(u"DELETE FROM sync_outbox_rows WHERE seq = :seq"_s).bind(u":seq"_s, seq).exec();
    m_db.prepare(u"DELETE FROM sync_outbox WHERE seq = :seq"_s).bind(u":seq"_s, seq).exec();
}

int Outbox::count() const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM sync_outbox"_s);
    query.exec();
    return query.next() ? query.integer(0) : 0;
}

QSet<QString> Outbox::pendingIds() const
{
    QSet<QString> ids;
    SqlStatement query = m_db.prepare(u"SELECT DISTINCT entity_id FROM sync_outbox_rows"_s);
    query.exec();
    while (query.next())
        ids.insert(query.text(0));
    return ids;
}
