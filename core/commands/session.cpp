#include "core/commands/session.h"

#include "core/commands/localcommandgateway.h"
#include "core/commands/usercommands.h"
#include "core/repositories/outbox.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/database.h"

Session::Session(Database &db, User user, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_user(std::move(user))
    , m_context(db, Actor{m_user.id, m_user.role, m_user.partnerId})
    , m_commands(std::make_unique<LocalCommandGateway>(m_context))
{}

Session::~Session() = default;

Result<User> Session::authenticate(Database &db, const QString &login, const QString &password)
{
    const CommandContext anonymous(db, Actor{});
    return UserCommands(anonymous).authenticate(login, password);
}

std::optional<Partner> Session::partner() const
{
    if (m_user.partnerId.isNull())
        return std::nullopt;
    try {
        return PartnerRepository(m_db).find(m_user.partnerId);
    } catch (const StoreError &) {
        return std::nullopt;
    }
}

QSet<QString> Session::pendingIds() const
{
    if (!isReplica())
        return {};
    try {
        return Outbox(m_db).pendingIds();
    } catch (const StoreError &) {
        return {};
    }
}
