#include "core/commands/commandcontext.h"

#include "core/repositories/auditlog.h"
#include "core/rules/templaterules.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

CommandContext::CommandContext(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
    , m_calendar(BusinessCalendar::shipped())
    , m_random(QRandomGenerator::system())
{}

QDateTime CommandContext::now() const
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    // The store keeps milliseconds; round here so what a command returns equals what it wrote.
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

QUuid CommandContext::newId() const
{
    quint32 words[4];
    m_random->fillRange(words);
    QUuid id(words[0], quint16(words[1] >> 16), quint16(words[1]), uchar(words[2] >> 24),
             uchar(words[2] >> 16), uchar(words[2] >> 8), uchar(words[2]), uchar(words[3] >> 24),
             uchar(words[3] >> 16), uchar(words[3] >> 8), uchar(words[3]));
    // Version 4, RFC 4122 variant.
    id.data3 = (id.data3 & 0x0FFF) | 0x4000;
    id.data4[0] = (id.data4[0] & 0x3F) | 0x80;
    return id;
}

qint64 CommandContext::faceValueCapMinor() const
{
    bool ok = false;
    const qint64 cap = m_db.setting(u"face_value_cap_minor"_s).toLongLong(&ok);
    return ok && cap > 0 ? cap : TemplateRules::DefaultFaceValueCapMinor;
}

void CommandContext::audit(const QString &action, const QString &entity, const QUuid &entityId,
                           const QJsonObject &details) const
{
    audit(action, entity, entityId.toString(QUuid::WithoutBraces), details);
}

void CommandContext::audit(const QString &action, const QString &entity, const QString &entityId,
                           const QJsonObject &details) const
{
    AuditEvent event;
    event.at = now();
    event.actorId = m_actor.userId;
    event.action = action;
    event.entity = entity;
    event.entityId = entityId;
    event.details = details;
    AuditLog(m_db).record(event);
}
