#pragma once

#include "core/base/passwordhasher.h"
#include "core/base/result.h"
#include "core/domain/user.h"

class CommandContext;

struct NewUser
{
    QUuid id; // a new one when null
    QString login;
    QString displayName;
    Role role = Role::PartnerManager;
    QUuid partnerId; // required for partner managers, empty for the vendor's roles
    QString password;
};

// AddUser (an administrator creates an account) and Authenticate (sign-in with a password).
class UserCommands
{
public:
    explicit UserCommands(const CommandContext &context, PasswordHasher hasher = PasswordHasher())
        : m_context(context)
        , m_hasher(hasher)
    {}

    static constexpr int MinPasswordLength = 8;

    Result<User> addUser(const NewUser &request) const;
    // The active user with this login and password; a wrong login and a wrong password get the
    // same answer, so sign-in does not reveal which logins exist.
    Result<User> authenticate(const QString &login, const QString &password) const;

private:
    const CommandContext &m_context;
    PasswordHasher m_hasher;
};
