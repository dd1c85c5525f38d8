#include "core/sync/syncproblemrepository.h"

#include "core/store/database.h"

using namespace Qt::StringLiterals;

qint64 SyncProblemRepository::add(const SyncProblem &problem) const
{
    SqlStatement insert = m_db.prepare(
        u"INSERT INTO sync_problems (at, command, label, entity, entity_id, code, message, "
        u"request_id) VALUES (:at, :command, :label, :entity, :entityId, :code, :message, "
        u":requestId)"_s);
    insert.bind(u":at"_s, problem.at)
        .bind(u":command"_s, problem.command)
        .bind(u":label"_s, problem.label)
        .bind(u":entity"_s, problem.entity)
        .bind(u":entityId"_s, problem.entityId)
        .bind(u":code"_s, problem.code)
        .bind(u":message"_s, problem.message)
        .bind(u":requestId"_s, problem.requestId)
        .exec();
    return insert.lastInsertId();
}

QList<SyncProblem> SyncProblemRepository::list(bool includeDismissed) const
{
    SqlStatement query = m_db.prepare(
        u"SELECT id, at, command, label, entity, entity_id, code, message, request_id, "
        u"dismissed FROM sync_problems"_s +
        (includeDismissed ? QString() : u" WHERE dismissed = 0"_s) + u" ORDER BY id DESC"_s);
    query.exec();
    QList<SyncProblem> problems;
    while (query.next()) {
        problems.append({query.int64(0), query.time(1), query.text(2), query.text(3), query.text(4),
                         query.text(5), query.text(6), query.text(7), query.text(8),
                         query.flag(9)});
    }
    return problems;
}

int SyncProblemRepository::openCount() const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM sync_problems WHERE dismissed = 0"_s);
    query.exec();
    return query.next() ? query.integer(0) : 0;
}

void SyncProblemRepository::dismiss(qint64 id) const
{
    m_db.prepare(u"UPDATE sync_problems SET dismissed = 1 WHERE id = :id"_s)
        .bind(u":id"_s, id)
        .exec();
}

void SyncProblemRepository::dismissAll() const
{
    m_db.prepare(u"UPDATE sync_problems SET dismissed = 1 WHERE dismissed = 0"_s).exec();
}
