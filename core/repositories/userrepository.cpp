#include "core/repositories/userrepository.h"

#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {
const QString kSelect = u"SELECT id, login, display_name, role, partner_id, password_hash, "
                        u"active, created_at, rev FROM users "_s;

User readUser(const SqlStatement &row)
{
    User user;
    user.id = row.uuid(0);
    user.login = row.text(1);
    user.displayName = row.text(2);
    user.role = roleFromString(row.text(3)).value_or(Role::PartnerManager);
    user.partnerId = row.uuid(4);
    user.passwordHash = row.text(5);
    user.active = row.flag(6);
    user.createdAt = row.time(7);
    user.rev = row.int64(8);
    return user;
}
} // namespace

std::optional<User> UserRepository::find(const QUuid &id) const
{
    SqlStatement query = m_db.prepare(kSelect + u"WHERE id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return readUser(query);
}

std::optional<User> UserRepository::findByLogin(const QString &login) const
{
    SqlStatement query = m_db.prepare(kSelect + u"WHERE lower(login) = lower(:login)"_s);
    query.bind(u":login"_s, login).exec();
    if (!query.next())
        return std::nullopt;
    return readUser(query);
}

QList<User> UserRepository::all() const
{
    SqlStatement query = m_db.prepare(kSelect + u"ORDER BY lower(login)"_s);
    query.exec();
    QList<User> users;
    while (query.next())
        users.append(readUser(query));
    return users;
}

void UserRepository::insert(const User &user) const
{
    m_db.prepare(u"INSERT INTO users (id, login, display_name, role, partner_id, password_hash, "
                 u"active, created_at, rev) VALUES (:id, :login, :displayName, :role, "
                 u":partnerId, :hash, :active, :createdAt, :rev)"_s)
        .bind(u":id"_s, user.id)
        .bind(u":login"_s, user.login)
        .bind(u":displayName"_s, user.displayName)
        .bind(u":role"_s, roleToString(user.role))
        .bind(u":partnerId"_s, user.partnerId)
        .bind(u":hash"_s, user.passwordHash)
        .bind(u":active"_s, user.active)
        .bind(u":createdAt"_s, user.createdAt)
        .bind(u":rev"_s, user.rev)
        .exec();
}

void UserRepository::setPasswordHash(const QUuid &id, const QString &hash, qint64 rev) const
{
    m_db.prepare(u"UPDATE users SET password_hash = :hash, rev = :rev WHERE id = :id"_s)
        .bind(u":hash"_s, hash)
        .bind(u":rev"_s, rev)
        .bind(u":id"_s, id)
        .exec();
}
