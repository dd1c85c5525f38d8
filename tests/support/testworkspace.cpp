#include "tests/support/testworkspace.h"

#include "core/commands/applicationcommands.h"
#include "core/commands/customercommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/usercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/repositories/userrepository.h"
#include "tests/support/postgrestestdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Fails the surrounding setup loudly: a fixture that silently half-builds hides real bugs.
template<typename T>
T require(Result<T> result, const char *what)
{
    if (!result.ok())
        qFatal("TestWorkspace: %s failed: %s %s", what, qPrintable(result.error().code()),
               qPrintable(result.error().message()));
    return std::move(result).value();
}
} // namespace

TestWorkspace::TestWorkspace()
    : TestWorkspace(QString())
{}

TestWorkspace::TestWorkspace(const QString &location)
    : m_location(location)
{
    if (m_location.isEmpty() && qEnvironmentVariable("VD_TEST_BACKEND") == u"postgres"_s) {
        m_postgres = std::make_unique<PostgresTestDatabase>();
        if (!m_postgres->isValid()) {
            m_error = m_postgres->errorMessage();
            return;
        }
        m_location = m_postgres->url();
    } else if (m_location.isEmpty()) {
        m_location = m_dir.filePath(u"workspace.db"_s);
    }
    m_db = Database::open(m_location, &m_error);
    if (!m_db)
        return;

    const Actor bootstrap{QUuid(), Role::Admin, QUuid()};
    auto ctx = context(bootstrap);
    PartnerCommands partners(*ctx);
    partnerA =
        require(partners.addPartner({QUuid(), u"Demo Partner A"_s, 100000000, 0, u"CNY"_s, {}, 0}),
                "add partner A");
    partnerB =
        require(partners.addPartner({QUuid(), u"Demo Partner B"_s, 50000000, 0, u"CNY"_s, {}, 0}),
                "add partner B");

    UserCommands users(*ctx, PasswordHasher(PasswordHasher::Cost::Minimal));
    auto addUser = [&](const QString &login, Role role, const QUuid &partnerId) {
        const User user =
            require(users.addUser({QUuid(), login, login, role, partnerId, u"password-"_s + login}),
                    "add user");
        return Actor{user.id, role, partnerId};
    };
    managerA = addUser(u"manager.a"_s, Role::PartnerManager, partnerA.id);
    managerB = addUser(u"manager.b"_s, Role::PartnerManager, partnerB.id);
    reviewer = addUser(u"reviewer"_s, Role::Reviewer, {});
    admin = addUser(u"admin"_s, Role::Admin, {});

    auto addCustomer = [&](const Actor &manager, const QString &name, const QString &uin,
                           bool eligible) {
        auto managerContext = context(manager);
        Customer draft;
        draft.name = name;
        draft.uin = uin;
        draft.eligible = eligible;
        return require(CustomerCommands(*managerContext).addCustomer(draft), "add customer");
    };
    customerA = addCustomer(managerA, u"Acme Test Co"_s, u"100000001"_s, true);
    ineligibleCustomerA = addCustomer(managerA, u"Dormant Ltd"_s, u"100000002"_s, false);
    customerB = addCustomer(managerB, u"Beta Cloud"_s, u"200000001"_s, true);
}

TestWorkspace::~TestWorkspace() = default;

std::unique_ptr<Session> TestWorkspace::session(const Actor &actor)
{
    const auto user = UserRepository(*m_db).find(actor.userId);
    if (!user)
        qFatal("TestWorkspace: no user for the actor");
    auto session = std::make_unique<Session>(*m_db, *user);
    session->context().setClock([this] { return m_now; });
    return session;
}

QString TestWorkspace::path() const
{
    return m_location;
}

QDateTime TestWorkspace::defaultNow()
{
    return QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);
}

std::unique_ptr<CommandContext> TestWorkspace::context(const Actor &actor)
{
    auto ctx = std::make_unique<CommandContext>(*m_db, actor);
    ctx->setClock([this] { return m_now; });
    return ctx;
}

VoucherTemplate TestWorkspace::createTemplate(const QString &name, VoucherKind kind,
                                              qint64 faceValueMinor, const Actor *as)
{
    auto ctx = context(as ? *as : managerA);
    return require(TemplateCommands(*ctx).createTemplate(templateDraft(name, kind, faceValueMinor)),
                   "create template");
}

VoucherTemplate TestWorkspace::templateDraft(const QString &name, VoucherKind kind,
                                             qint64 faceValueMinor)
{
    VoucherTemplate draft;
    draft.name = name;
    draft.kind = kind;
    draft.faceValueMinor = faceValueMinor;
    draft.currency = u"CNY"_s;
    draft.validityDays = 30;
    draft.payMode = PayMode::All;
    if (kind == VoucherKind::Specific)
        draft.productCodes = {u"cvm"_s, u"cos"_s};
    return draft;
}

QUuid TestWorkspace::submit(const QUuid &templateId, const Actor *as, const Customer *customer)
{
    auto ctx = context(as ? *as : managerA);
    SubmitApplicationRequest request;
    request.templateId = templateId;
    request.customerId = customer ? customer->id : customerA.id;
    request.scenario = u"Load test of CVM for a two-week trial before migration."_s;
    return require(ApplicationCommands(*ctx).submitApplication(request), "submit").id;
}

QUuid TestWorkspace::approve(const QUuid &applicationId)
{
    auto ctx = context(reviewer);
    return require(ReviewCommands(*ctx).approve(applicationId), "approve").voucherId;
}

Result<Deduction> TestWorkspace::pay(const QUuid &voucherId, qint64 orderAmountMinor,
                                     const QString &orderId)
{
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = customerA.id;
    bill.orderId = orderId;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = orderAmountMinor;
    return VoucherCommands(*context(managerA)).recordDeduction(bill);
}
