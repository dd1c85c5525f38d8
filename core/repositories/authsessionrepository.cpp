#include "core/repositories/authsessionrepository.h"

#include "core/store/database.h"

using namespace Qt::StringLiterals;

void AuthSessionRepository::insert(const AuthSession &session) const
{
    m_db.prepare(u"INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at, "
                 u"revoked_at) VALUES (:hash, :userId, :createdAt, :expiresAt, :revokedAt)"_s)
        .bind(u":hash"_s, session.tokenHash)
        .bind(u":userId"_s, session.userId)
        .bind(u":createdAt"_s, session.createdAt)
        .bind(u":expiresAt"_s, session.expiresAt)
        .bind(u":revokedAt"_s, session.revokedAt)
        .exec();
}

std::optional<AuthSession> AuthSessionRepository::find(const QString &tokenHash) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT token_hash, user_id, created_at, expires_at, revoked_at "
                     u"FROM auth_sessions WHERE token_hash = :hash"_s);
    query.bind(u":hash"_s, tokenHash).exec();
    if (!query.next())
        return std::nullopt;
    AuthSession session;
    session.tokenHash = query.text(0);
    session.userId = query.uuid(1);
    session.createdAt = query.time(2);
    session.expiresAt = query.time(3);
    session.revokedAt = query.time(4);
    return session;
}

std::optional<QUuid> AuthSessionRepository::findValid(const QString &tokenHash,
                                                      const QDateTime &now) const
{
    SqlStatement query = m_db.prepare(u"SELECT user_id FROM auth_sessions WHERE token_hash = :hash "
                                      u"AND revoked_at IS NULL AND expires_at > :now"_s);
    query.bind(u":hash"_s, tokenHash).bind(u":now"_s, now).exec();
    if (!query.next())
        return std::nullopt;
    return query.uuid(0);
}

bool AuthSessionRepository::revoke(const QString &tokenHash, const QDateTime &now) const
{
    SqlStatement update =
        m_db.prepare(u"UPDATE auth_sessions SET revoked_at = :now WHERE token_hash = :hash "
                     u"AND revoked_at IS NULL AND expires_at > :now2"_s);
    update.bind(u":now"_s, now).bind(u":hash"_s, tokenHash).bind(u":now2"_s, now).exec();
    return update.rowsAffected() > 0;
}

int AuthSessionRepository::purgeExpired(const QDateTime &before) const
{
    SqlStatement purge = m_db.prepare(u"DELETE FROM auth_sessions WHERE expires_at < :before "
                                      u"OR revoked_at < :before2"_s);
    purge.bind(u":before"_s, before).bind(u":before2"_s, before).exec();
    return purge.rowsAffected();
}
