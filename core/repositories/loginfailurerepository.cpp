#include "core/repositories/loginfailurerepository.h"

#include "core/store/database.h"
#include "core/store/sqldialect.h"

using namespace Qt::StringLiterals;

qint64 LoginFailureRepository::record(const QString &login, const QString &address,
                                      const QDateTime &at) const
{
    SqlStatement insert = m_db.prepare(u"INSERT INTO login_failures (login, address, at) "
                                       u"VALUES (:login, :address, :at) RETURNING id"_s);
    insert.bind(u":login"_s, login).bind(u":address"_s, address).bind(u":at"_s, at).exec();
    if (!insert.next())
        throw StoreError(StoreError::Kind::Failed, u"login failure id not returned"_s);
    return insert.int64(0);
}

void LoginFailureRepository::remove(qint64 id) const
{
    m_db.prepare(u"DELETE FROM login_failures WHERE id = :id"_s).bind(u":id"_s, id).exec();
}

int LoginFailureRepository::countForLogin(const QString &login, const QDateTime &since) const
{
    return count(u"login"_s, login, since);
}

int LoginFailureRepository::countForAddress(const QString &address, const QDateTime &since) const
{
    return count(u"address"_s, address, since);
}

std::optional<QDateTime>
LoginFailureRepository::oldestForLogin(const QString &login, const QDateTime &since, int skip) const
{
    return oldest(u"login"_s, login, since, skip);
}

std::optional<QDateTime> LoginFailureRepository::oldestForAddress(const QString &address,
                                                                  const QDateTime &since,
                                                                  int skip) const
{
    return oldest(u"address"_s, address, since, skip);
}

void LoginFailureRepository::lockLogin(const QString &login) const
{
    const QString forUpdate = m_db.dialect().forUpdateSql();
    if (forUpdate.isEmpty())
        return;
    m_db.prepare(u"SELECT id FROM users WHERE lower(login) = lower(:login)"_s + forUpdate)
        .bind(u":login"_s, login)
        .exec();
}

int LoginFailureRepository::purgeBefore(const QDateTime &before) const
{
    SqlStatement purge = m_db.prepare(u"DELETE FROM login_failures WHERE at <= :before"_s);
    purge.bind(u":before"_s, before).exec();
    return purge.rowsAffected();
}

// `column` is one of this class's own constants, never input.
int LoginFailureRepository::count(const QString &column, const QString &value,
                                  const QDateTime &since) const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM login_failures WHERE %1 = :value "
                                      u"AND at > :since"_s.arg(column));
    query.bind(u":value"_s, value).bind(u":since"_s, since).exec();
    return query.next() ? query.integer(0) : 0;
}

std::optional<QDateTime> LoginFailureRepository::oldest(const QString &column, const QString &value,
                                                        const QDateTime &since, int skip) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT at FROM login_failures WHERE %1 = :value "
                     u"AND at > :since ORDER BY at LIMIT 1 OFFSET :skip"_s.arg(column));
    query.bind(u":value"_s, value)
        .bind(u":since"_s, since)
        .bind(u":skip"_s, std::max(0, skip))
        .exec();
    if (!query.next())
        return std::nullopt;
    return query.time(0);
}
