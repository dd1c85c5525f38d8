#pragma once

#include "core/base/passwordhasher.h"
#include "core/base/result.h"
#include "core/domain/role.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>

class CommandContext;
class Database;
struct Actor;

struct DemoOptions
{
    quint32 seed = 2026;
    // The moment the story ends: applications, reviews and payments happen before it. Defaults
    // to the current hour.
    QDateTime now;
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::Interactive;
};

struct DemoAccount
{
    QString login;
    QString displayName;
    Role role;
    QString partnerName;
};

// The demo workspace: two partners with quota pools, their managers, a reviewer and an admin,
// customers, templates of both kinds, and three months of applications in every state with
// vouchers and their usage. Every change goes through the real commands (so the data obeys
// every rule and has its audit trail), with the clock set to the moment of each step.
// Deterministic: the same seed and `now` give the same workspace.
class DemoGenerator
{
public:
    static constexpr auto Password = "voucherdesk"; // every demo account's password

    DemoGenerator(Database &db, DemoOptions options);

    // Fills an empty store; refused when the store already has partners.
    Result<void> generate();

    static QList<DemoAccount> accounts();

private:
    struct PartnerData;
    Result<void> addPeople(PartnerData &a, PartnerData &b, Actor &admin, Actor &reviewer);
    Result<void> addTemplates(PartnerData &partner, bool first);
    Result<void> addApplications(PartnerData &partner, const Actor &reviewer, const Actor &admin,
                                 bool first);
    Result<void> runStory(PartnerData &partner, int templateIndex, int customerIndex,
                          double daysAgo, int outcome, double usage, bool invalidate,
                          const Actor &reviewer, const Actor &admin);
    std::unique_ptr<CommandContext> contextAt(const Actor &actor, const QDateTime &at);

    Database &m_db;
    DemoOptions m_options;
    QRandomGenerator m_random;
};
