#include "core/commands/partnercommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/domain/money.h"
#include "core/repositories/partnerrepository.h"
#include "core/rules/quotapool.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxPartnerNameLength = 100;

std::optional<CommandError> requireAdmin(const Actor &actor)
{
    return CommandChecks::requireRole(
        actor, Role::Admin, CoreTr::tr("Only an administrator can manage partners and quotas."));
}
} // namespace

Result<Partner> PartnerCommands::addPartner(const Partner &draft) const
{
    if (auto refused = requireAdmin(m_context.actor()))
        return *refused;

    Partner partner = draft;
    partner.name = draft.name.trimmed();
    if (partner.id.isNull())
        partner.id = m_context.newId();
    FieldErrors errors;
    if (partner.name.isEmpty() || partner.name.size() > kMaxPartnerNameLength) {
        errors.append(
            {u"name"_s,
             CoreTr::tr("A partner's name has 1 to %1 characters.").arg(kMaxPartnerNameLength)});
    }
    if (partner.quotaMinor < 0)
        errors.append({u"quotaMinor"_s, CoreTr::tr("The quota cannot be negative.")});
    if (!Money::isSupportedCurrency(partner.currency)) {
        errors.append({u"currency"_s, CoreTr::tr("Choose one of the currencies %1.")
                                          .arg(Money::supportedCurrencies().join(u", "_s))});
    }
    if (!errors.isEmpty())
        return CommandError::invalid(errors);

    return m_context.db().write([&]() -> Result<Partner> {
        const PartnerRepository partners(m_context.db());
        if (partners.findByName(partner.name)) {
            const QString message =
                CoreTr::tr("A partner named \"%1\" already exists.").arg(partner.name);
            return CommandError(CommandError::Kind::Conflict, u"FailedOperation.DuplicateName"_s,
                                message, {{u"name"_s, message}});
        }
        partner.issuedMinor = 0;
        partner.createdAt = m_context.now();
        partner.rev = m_context.db().nextRev();
        partners.insert(partner);
        m_context.audit(u"AddPartner"_s, u"Partner"_s, partner.id,
                        {{u"name"_s, partner.name},
                         {u"quotaMinor"_s, partner.quotaMinor},
                         {u"currency"_s, partner.currency}});
        return partner;
    });
}

Result<Partner> PartnerCommands::setQuota(const QUuid &partnerId, qint64 quotaMinor) const
{
    if (auto refused = requireAdmin(m_context.actor()))
        return *refused;

    return m_context.db().write([&]() -> Result<Partner> {
        const PartnerRepository partners(m_context.db());
        const auto partner = partners.findForUpdate(partnerId);
        if (!partner)
            return CommandError::notFound(u"Partner"_s);
        const QuotaPool pool(partner->quotaMinor, partner->issuedMinor, partner->currency);
        if (auto refused = pool.checkNewTotal(quotaMinor))
            return *refused;
        partners.setQuota(partnerId, quotaMinor, m_context.db().nextRev());
        m_context.audit(
            u"SetQuota"_s, u"Partner"_s, partnerId,
            {{u"previousQuotaMinor"_s, partner->quotaMinor}, {u"quotaMinor"_s, quotaMinor}});
        return *partners.find(partnerId);
    });
}
