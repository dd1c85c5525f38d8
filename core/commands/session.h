#pragma once

#include "core/base/result.h"
#include "core/commands/commandcontext.h"
#include "core/commands/commandgateway.h"
#include "core/domain/actor.h"
#include "core/domain/partner.h"
#include "core/domain/user.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class Database;

// A signed-in user working on one workspace: the store, who acts, and the context every
// command runs with. Pages announce what a command changed through notifyChanged(), so every
// other page showing it reloads.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class Change {
        Templates = 0x1,
        Customers = 0x2,
        Applications = 0x4, // and the Vendor Voucher List rows
        Vouchers = 0x8,     // balances and deductions
        Partner = 0x10,     // the quota pool
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    Session(Database &db, User user, QObject *parent = nullptr);
    ~Session() override;

    // The active user with this login and password, checked against the store.
    static Result<User> authenticate(Database &db, const QString &login, const QString &password);

    Database &db() const { return m_db; }
    const User &user() const { return m_user; }
    Actor actor() const { return m_context.actor(); }
    CommandContext &context() { return m_context; }
    const CommandContext &context() const { return m_context; }
    QDateTime now() const { return m_context.now(); }

    // Where commands go: the local store by default; a server workspace installs its own.
    CommandGateway &commands() const { return *m_commands; }
    void setCommands(std::unique_ptr<CommandGateway> commands) { m_commands = std::move(commands); }

    // A server workspace: the store is a replica of that server's data.
    bool isReplica() const { return !m_server.isEmpty(); }
    QString server() const { return m_server; }
    void setServer(const QString &server) { m_server = server; }
    // The ids of the rows that commands waiting for the server changed (empty when local).
    QSet<QString> pendingIds() const;

    // The signed-in partner manager's partner, read afresh; nullopt for the vendor's roles.
    std::optional<Partner> partner() const;

    void notifyChanged(Changes changes) { emit changed(changes); }

signals:
    void changed(Session::Changes changes);

private:
    Database &m_db;
    User m_user;
    CommandContext m_context;
    std::unique_ptr<CommandGateway> m_commands;
    QString m_server;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Session::Changes)
