#pragma once

#include "core/base/result.h"
#include "core/commands/commandcontext.h"
#include "core/commands/session.h"
#include "core/domain/actor.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/vouchertemplate.h"
#include "core/store/database.h"

#include <QTemporaryDir>

#include <memory>

// A fresh SQLite workspace in a temporary folder with two partners (A: CNY 1,000,000.00 quota,
// B: CNY 500,000.00), a manager for each, a reviewer and an admin, one eligible and one
// ineligible customer for A and one customer for B. The clock is fixed and can be moved.
class TestWorkspace
{
public:
    TestWorkspace();
    // The same fixture in another store, e.g. a PostgreSQL database URL. Without one: a SQLite
    // file, or a fresh database in the suites' PostgreSQL cluster when VD_TEST_BACKEND is
    // "postgres" (how CTest runs the server suites a second time, as serverpg/<suite>).
    explicit TestWorkspace(const QString &location);
    ~TestWorkspace();

    bool isValid() const { return m_db != nullptr; }
    QString errorMessage() const { return m_error; }
    QString path() const;
    Database &db() const { return *m_db; }

    // Friday 27 Nov 2026 10:00 in Shanghai.
    static QDateTime defaultNow();
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now) { m_now = now; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    // A context for the actor that reads this workspace's clock.
    std::unique_ptr<CommandContext> context(const Actor &actor);
    // A signed-in session of the actor (login as given to addUser) on this workspace's clock,
    // for the widget suites.
    std::unique_ptr<Session> session(const Actor &actor);

    Partner partnerA, partnerB;
    Actor managerA, managerB, reviewer, admin;
    Customer customerA, ineligibleCustomerA, customerB;

    // A valid template draft in CNY, valid 30 days, any pay mode (specific: cvm and cos).
    static VoucherTemplate templateDraft(const QString &name,
                                         VoucherKind kind = VoucherKind::Specific,
                                         qint64 faceValueMinor = 100000);
    // Creates a valid template for partner A (specific: cvm and cos, or universal).
    VoucherTemplate createTemplate(const QString &name, VoucherKind kind = VoucherKind::Specific,
                                   qint64 faceValueMinor = 100000, const Actor *as = nullptr);
    // Submits an application of managerA for customerA with the template.
    QUuid submit(const QUuid &templateId, const Actor *as = nullptr,
                 const Customer *customer = nullptr);
    // Approves it as the reviewer; returns the issued voucher's id.
    QUuid approve(const QUuid &applicationId);
    // Pays a prepaid cvm order of customerA with the voucher, as managerA.
    Result<Deduction> pay(const QUuid &voucherId, qint64 orderAmountMinor,
                          const QString &orderId = QStringLiteral("ORDER-1"));

private:
    QTemporaryDir m_dir;
    std::unique_ptr<class PostgresTestDatabase> m_postgres; // outlives m_db, which closes first
    QString m_location;
    std::unique_ptr<Database> m_db;
    QString m_error;
    QDateTime m_now = defaultNow();
};
