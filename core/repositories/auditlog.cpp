#include "core/repositories/auditlog.h"

#include "core/store/database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

void AuditLog::record(const AuditEvent &event) const
{
    m_db.prepare(u"INSERT INTO audit_events (at, actor_id, action, entity, entity_id, details) "
                 u"VALUES (:at, :actorId, :action, :entity, :entityId, :details)"_s)
        .bind(u":at"_s, event.at)
        .bind(u":actorId"_s, event.actorId)
        .bind(u":action"_s, event.action)
        .bind(u":entity"_s, event.entity)
        .bind(u":entityId"_s, event.entityId)
        .bind(u":details"_s,
              QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)))
        .exec();
}

QList<AuditEvent> AuditLog::eventsFor(const QString &entity, const QString &entityId) const
{
    SqlStatement query = m_db.prepare(
        u"SELECT id, at, actor_id, action, entity, entity_id, details FROM audit_events "
        u"WHERE entity = :entity AND entity_id = :entityId ORDER BY id"_s);
    query.bind(u":entity"_s, entity).bind(u":entityId"_s, entityId).exec();
    QList<AuditEvent> events;
    while (query.next()) {
        AuditEvent event;
        event.id = query.int64(0);
        event.at = query.time(1);
        event.actorId = query.uuid(2);
        event.action = query.text(3);
        event.entity = query.text(4);
        event.entityId = query.text(5);
        event.details = QJsonDocument::fromJson(query.text(6).toUtf8()).object();
        events.append(event);
    }
    return events;
}

qint64 AuditLog::count() const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM audit_events"_s);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}
