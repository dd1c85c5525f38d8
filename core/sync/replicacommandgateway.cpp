#include "core/sync/replicacommandgateway.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/commands/reviewcommands.h"
#include "core/domain/paymode.h"
#include "core/domain/voucherkind.h"
#include "core/json/jsonfields.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/rules/applicationstatemachine.h"
#include "core/rules/quotapool.h"
#include "core/store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The editable fields of a create or replace (PUT /templates/{id}).
QJsonObject templateBody(const VoucherTemplate &t)
{
    return {
        {u"id"_s, idText(t.id)},
        {u"name"_s, t.name},
        {u"kind"_s, voucherKindToString(t.kind)},
        {u"faceValueMinor"_s, t.faceValueMinor},
        {u"currency"_s, t.currency},
        {u"validityDays"_s, t.validityDays},
        {u"minSpendMinor"_s, t.minSpendMinor},
        {u"payMode"_s, payModeToString(t.payMode)},
        {u"productCodes"_s, QJsonArray::fromStringList(t.productCodes)},
        {u"note"_s, t.note},
    };
}

void describe(OutboxEntry &entry, const QString &command, const QString &label,
              const QByteArray &method, const QString &path, const QJsonObject &body = {})
{
    entry.command = command;
    entry.label = label;
    entry.method = method;
    entry.path = path;
    entry.body = body.isEmpty() ? QByteArray() : json(body);
}

// Whether one of the commands waits in the outbox about this row already.
bool waiting(const Database &db, const QStringList &commands, const QUuid &rowId)
{
    const QString id = idText(rowId);
    for (const OutboxEntry &entry : Outbox(db).all()) {
        if (commands.contains(entry.command) && !entry.rows.isEmpty() &&
            entry.rows.constFirst().id == id)
            return true;
    }
    return false;
}

} // namespace

ReplicaCommandGateway::ReplicaCommandGateway(const CommandContext &context,
                                             std::function<void()> queued)
    : m_context(context)
    , m_local(context)
    , m_queued(std::move(queued))
{}

template<typename F>
auto ReplicaCommandGateway::queue(F &&apply) -> decltype(apply(std::declval<OutboxEntry &>()))
{
    using R = decltype(apply(std::declval<OutboxEntry &>()));
    R result = m_context.db().write([&]() -> R {
        OutboxEntry entry;
        entry.createdAt = m_context.now();
        R applied = apply(entry);
        if (applied.ok())
            Outbox(m_context.db()).append(entry);
        return applied;
    });
    if (result.ok() && m_queued)
        m_queued();
    return result;
}

Result<VoucherTemplate> ReplicaCommandGateway::createTemplate(const VoucherTemplate &draft)
{
    VoucherTemplate withId = draft;
    if (withId.id.isNull())
        withId.id = m_context.newId();
    return queue([&](OutboxEntry &entry) {
        auto created = m_local.createTemplate(withId);
        if (created) {
            const VoucherTemplate &t = created.value();
            describe(entry, u"createTemplate"_s, t.name, "POST", u"/api/v1/templates"_s,
                     templateBody(t));
            entry.rows = {{u"template"_s, idText(t.id)}};
        }
        return created;
    });
}

Result<VoucherTemplate> ReplicaCommandGateway::updateTemplate(const VoucherTemplate &draft,
                                                              int expectedVersion)
{
    return queue([&](OutboxEntry &entry) {
        auto updated = m_local.updateTemplate(draft, expectedVersion);
        if (updated) {
            const VoucherTemplate &t = updated.value();
            describe(entry, u"updateTemplate"_s, t.name, "PUT",
                     u"/api/v1/templates/"_s + idText(t.id), templateBody(t));
            entry.ifMatch = QByteArray::number(expectedVersion);
            entry.rows = {{u"template"_s, idText(t.id)}};
        }
        return updated;
    });
}

Result<VoucherTemplate> ReplicaCommandGateway::duplicateTemplate(const QUuid &sourceId,
                                                                 const QUuid &newId,
                                                                 const QString &name)
{
    const QUuid id = newId.isNull() ? m_context.newId() : newId;
    return queue([&](OutboxEntry &entry) {
        auto copy = m_local.duplicateTemplate(sourceId, id, name);
        if (copy) {
            // The name the replica chose, so that the server's copy has the same one.
            const VoucherTemplate &t = copy.value();
            describe(entry, u"duplicateTemplate"_s, t.name, "POST",
                     u"/api/v1/templates/"_s + idText(sourceId) + u"/duplicate"_s,
                     {{u"id"_s, idText(t.id)}, {u"name"_s, t.name}});
            entry.rows = {{u"template"_s, idText(t.id)}};
        }
        return copy;
    });
}

Result<void> ReplicaCommandGateway::deleteTemplate(const QUuid &id)
{
    return queue([&](OutboxEntry &entry) -> Result<void> {
        const auto existing = TemplateRepository(m_context.db()).find(id);
        auto deleted = m_local.deleteTemplate(id);
        if (deleted) {
            describe(entry, u"deleteTemplate"_s, existing ? existing->name : QString(), "DELETE",
                     u"/api/v1/templates/"_s + idText(id));
            entry.rows = {{u"template"_s, idText(id)}};
        }
        return deleted;
    });
}

Result<Application>
ReplicaCommandGateway::submitApplication(const SubmitApplicationRequest &request)
{
    SubmitApplicationRequest withId = request;
    if (withId.id.isNull())
        withId.id = m_context.newId();
    return queue([&](OutboxEntry &entry) {
        auto submitted = m_local.submitApplication(withId);
        if (submitted) {
            const Application &a = submitted.value();
            describe(entry, u"submitApplication"_s, a.templateSnapshot.name, "POST",
                     u"/api/v1/applications"_s,
                     {{u"id"_s, idText(a.id)},
                      {u"templateId"_s, idText(a.templateId)},
                      {u"customerId"_s, idText(a.customerId)},
                      {u"scenario"_s, a.scenario}});
            // The template locked with it.
            entry.rows = {{u"application"_s, idText(a.id)}, {u"template"_s, idText(a.templateId)}};
        }
        return submitted;
    });
}

Result<Application> ReplicaCommandGateway::cancelApplication(const QUuid &id, int expectedVersion)
{
    return queue([&](OutboxEntry &entry) {
        auto cancelled = m_local.cancelApplication(id, expectedVersion);
        if (cancelled) {
            describe(entry, u"cancelApplication"_s, cancelled.value().templateSnapshot.name, "POST",
                     u"/api/v1/applications/"_s + idText(id) + u"/cancel"_s);
            entry.rows = {{u"application"_s, idText(id)}};
        }
        return cancelled;
    });
}

Result<Deduction> ReplicaCommandGateway::recordDeduction(const Deduction &request)
{
    Deduction withId = request;
    if (withId.id.isNull())
        withId.id = m_context.newId();
    return queue([&](OutboxEntry &entry) {
        auto recorded = m_local.recordDeduction(withId);
        if (recorded) {
            const Deduction &d = recorded.value();
            const auto voucher = VoucherRepository(m_context.db()).find(d.voucherId);
            QJsonObject body{{u"id"_s, idText(d.id)},
                             {u"orderId"_s, d.orderId},
                             {u"productCode"_s, d.productCode},
                             {u"payMode"_s, payModeToString(d.payMode)},
                             {u"orderAmountMinor"_s, d.orderAmountMinor}};
            if (!d.customerId.isNull())
                body.insert(u"customerId"_s, idText(d.customerId));
            describe(entry, u"recordDeduction"_s, voucher ? voucher->code : QString(), "POST",
                     u"/api/v1/vouchers/"_s + idText(d.voucherId) + u"/deductions"_s, body);
            // The voucher's balance and its row in the Vendor Voucher List moved with it.
            entry.rows = {{u"voucher"_s, idText(d.voucherId)}, {u"deduction"_s, idText(d.id)}};
            if (voucher)
                entry.rows.append({u"application"_s, idText(voucher->applicationId)});
        }
        return recorded;
    });
}

Result<Customer> ReplicaCommandGateway::addCustomer(const Customer &draft)
{
    Customer withId = draft;
    if (withId.id.isNull())
        withId.id = m_context.newId();
    return queue([&](OutboxEntry &entry) {
        auto added = m_local.addCustomer(withId);
        if (added) {
            const Customer &c = added.value();
            describe(entry, u"addCustomer"_s, c.name, "POST", u"/api/v1/customers"_s,
                     {{u"id"_s, idText(c.id)},
                      {u"name"_s, c.name},
                      {u"uin"_s, c.uin},
                      {u"eligible"_s, c.eligible}});
            entry.rows = {{u"customer"_s, idText(c.id)}};
        }
        return added;
    });
}

Result<Application> ReplicaCommandGateway::decide(const QUuid &applicationId, bool approve,
                                                  const QString &text, int expectedVersion)
{
    if (!approve) {
        if (auto refused = ReviewCommands::checkRejectReason(text))
            return *refused;
    }
    return queue([&](OutboxEntry &entry) -> Result<Application> {
        const Database &db = m_context.db();
        const auto current = ApplicationRepository(db).find(applicationId);
        if (!current)
            return CommandError::notFound(u"Application"_s);
        const auto transition = approve ? ApplicationStateMachine::Transition::Approve
                                        : ApplicationStateMachine::Transition::Reject;
        if (auto refused = ApplicationStateMachine::check(*current, transition, m_context.actor(),
                                                          expectedVersion))
            return *refused;
        if (waiting(db, {u"approve"_s, u"reject"_s}, applicationId)) {
            return CommandError::conflict(
                u"DecisionPending"_s,
                CoreTr::tr("Your decision on this application is already on its way to the "
                           "server."));
        }
        const QString path = u"/api/v1/applications/"_s + idText(applicationId) +
                             (approve ? u"/approve"_s : u"/reject"_s);
        describe(entry, approve ? u"approve"_s : u"reject"_s, current->templateSnapshot.name,
                 "POST", path, {{approve ? u"comment"_s : u"reason"_s, text.trimmed()}});
        entry.rows = {{u"application"_s, idText(applicationId)}};
        return *current;
    });
}

Result<Application> ReplicaCommandGateway::approve(const QUuid &applicationId,
                                                   const QString &comment, int expectedVersion)
{
    return decide(applicationId, true, comment, expectedVersion);
}

Result<Application> ReplicaCommandGateway::reject(const QUuid &applicationId, const QString &reason,
                                                  int expectedVersion)
{
    return decide(applicationId, false, reason, expectedVersion);
}

Result<Partner> ReplicaCommandGateway::setQuota(const QUuid &partnerId, qint64 quotaMinor)
{
    if (auto refused = CommandChecks::requireRole(
            m_context.actor(), Role::Admin,
            CoreTr::tr("Only an administrator can manage partners and quotas.")))
        return *refused;
    return queue([&](OutboxEntry &entry) -> Result<Partner> {
        const auto partner = PartnerRepository(m_context.db()).find(partnerId);
        if (!partner)
            return CommandError::notFound(u"Partner"_s);
        const QuotaPool pool(partner->quotaMinor, partner->issuedMinor, partner->currency);
        if (auto refused = pool.checkNewTotal(quotaMinor))
            return *refused;
        describe(entry, u"setQuota"_s, partner->name, "PUT",
                 u"/api/v1/partners/"_s + idText(partnerId) + u"/quota"_s,
                 {{u"quotaMinor"_s, quotaMinor}});
        entry.rows = {{u"partner"_s, idText(partnerId)}};
        return *partner;
    });
}

Result<Voucher> ReplicaCommandGateway::invalidateVoucher(const QUuid &voucherId,
                                                         const QString &reason)
{
    if (auto refused = CommandChecks::requireRole(
            m_context.actor(), Role::Admin,
            CoreTr::tr("Only an administrator can invalidate vouchers.")))
        return *refused;
    return queue([&](OutboxEntry &entry) -> Result<Voucher> {
        const auto voucher = VoucherRepository(m_context.db()).find(voucherId);
        if (!voucher)
            return CommandError::notFound(u"Voucher"_s);
        if (voucher->invalidatedAt.isValid() ||
            waiting(m_context.db(), {u"invalidateVoucher"_s}, voucherId)) {
            return CommandError::conflict(
                u"VoucherInvalidated"_s,
                CoreTr::tr("Voucher %1 is already invalidated.").arg(voucher->code));
        }
        describe(entry, u"invalidateVoucher"_s, voucher->code, "POST",
                 u"/api/v1/vouchers/"_s + idText(voucherId) + u"/invalidate"_s,
                 {{u"reason"_s, reason.trimmed()}});
        entry.rows = {{u"voucher"_s, idText(voucherId)},
                      {u"application"_s, idText(voucher->applicationId)}};
        return *voucher;
    });
}
