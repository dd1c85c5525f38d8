#include "core/commands/usercommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
FieldErrors validateNewUser(const NewUser &request)
{
    FieldErrors errors;
    static const QRegularExpression loginPattern(u"^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$"_s);
    if (!loginPattern.match(request.login).hasMatch()) {
        errors.append({u"login"_s, CoreTr::tr("A login has 3 to 64 letters, digits, dots, "
                                              "dashes, underscores or @, and starts with a "
                                              "letter or digit.")});
    }
    if (request.displayName.trimmed().size() > 100)
        errors.append({u"displayName"_s, CoreTr::tr("A display name has at most 100 characters.")});
    if (request.password.size() < UserCommands::MinPasswordLength) {
        errors.append({u"password"_s, CoreTr::tr("A password has at least %1 characters.")
                                          .arg(UserCommands::MinPasswordLength)});
    }
    if (request.role == Role::PartnerManager && request.partnerId.isNull())
        errors.append({u"partnerId"_s, CoreTr::tr("A partner manager belongs to a partner.")});
    if (request.role != Role::PartnerManager && !request.partnerId.isNull()) {
        errors.append({u"partnerId"_s,
                       CoreTr::tr("Reviewers and administrators work for the vendor, not for a "
                                  "partner.")});
    }
    return errors;
}
} // namespace

Result<User> UserCommands::addUser(const NewUser &request) const
{
    if (auto refused = CommandChecks::requireRole(
            m_context.actor(), Role::Admin, CoreTr::tr("Only an administrator can add users.")))
        return *refused;
    NewUser input = request;
    input.login = request.login.trimmed();
    if (const FieldErrors errors = validateNewUser(input); !errors.isEmpty())
        return CommandError::invalid(errors);

    // Hashing is slow on purpose; do it before the write lock is taken.
    User user;
    user.id = input.id.isNull() ? m_context.newId() : input.id;
    user.login = input.login;
    user.displayName =
        input.displayName.trimmed().isEmpty() ? input.login : input.displayName.trimmed();
    user.role = input.role;
    user.partnerId = input.partnerId;
    user.passwordHash = m_hasher.hash(input.password);
    if (user.passwordHash.isEmpty())
        return CommandError::internal(u"password hashing failed"_s);

    return m_context.db().write([&]() -> Result<User> {
        const UserRepository users(m_context.db());
        if (users.findByLogin(user.login)) {
            const QString message =
                CoreTr::tr("The login \"%1\" is already taken.").arg(user.login);
            return CommandError(CommandError::Kind::Conflict, u"FailedOperation.DuplicateLogin"_s,
                                message, {{u"login"_s, message}});
        }
        if (!user.partnerId.isNull() && !PartnerRepository(m_context.db()).find(user.partnerId))
            return CommandError::notFound(u"Partner"_s);
        user.active = true;
        user.createdAt = m_context.now();
        user.rev = m_context.db().nextRev();
        users.insert(user);
        m_context.audit(u"AddUser"_s, u"User"_s, user.id,
                        {{u"login"_s, user.login}, {u"role"_s, roleToString(user.role)}});
        return user;
    });
}

Result<User> UserCommands::authenticate(const QString &login, const QString &password) const
{
    return m_context.db().read([&]() -> Result<User> {
        const auto user = UserRepository(m_context.db()).findByLogin(login.trimmed());
        // An unknown login still costs one verification at this hasher's cost, so timing does
        // not reveal which logins exist.
        const bool verified =
            m_hasher.verify(user ? user->passwordHash : m_hasher.unknownUserHash(), password);
        if (!user || !user->active || !verified) {
            return CommandError(CommandError::Kind::Unauthenticated,
                                u"AuthFailure.InvalidCredentials"_s,
                                CoreTr::tr("The login or the password is wrong."));
        }
        return *user;
    });
}
