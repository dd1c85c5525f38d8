#pragma once

#include "core/domain/actor.h"
#include "core/rules/businesscalendar.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

#include <functional>

class Database;

// What every command runs with: the store, the acting user, the clock, the business calendar
// and the source of new ids and voucher codes. Tests and the demo generator replace the clock
// and the random source to make outcomes reproducible.
class CommandContext
{
public:
    using Clock = std::function<QDateTime()>;

    CommandContext(Database &db, Actor actor);

    Database &db() const { return m_db; }
    const Actor &actor() const { return m_actor; }

    QDateTime now() const; // UTC, millisecond precision
    void setClock(Clock clock) { m_clock = std::move(clock); }

    const BusinessCalendar &calendar() const { return m_calendar; }
    void setCalendar(BusinessCalendar calendar) { m_calendar = std::move(calendar); }

    QRandomGenerator &random() const { return *m_random; }
    // The generator must outlive the context.
    void setRandom(QRandomGenerator *random) { m_random = random; }
    QUuid newId() const; // a random (version 4) UUID from random()

    // The workspace's cap on a template's face value, in minor units.
    qint64 faceValueCapMinor() const;

    // Writes the audit event of a state change; call inside the command's transaction.
    void audit(const QString &action, const QString &entity, const QUuid &entityId,
               const QJsonObject &details = {}) const;
    void audit(const QString &action, const QString &entity, const QString &entityId,
               const QJsonObject &details = {}) const;

private:
    Database &m_db;
    Actor m_actor;
    Clock m_clock;
    BusinessCalendar m_calendar;
    QRandomGenerator *m_random;
};
