#include "core/commands/customercommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/repositories/customerrepository.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"

using namespace Qt::StringLiterals;

Result<Customer> CustomerCommands::addCustomer(const Customer &draft) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = CommandChecks::requireRole(
            actor, Role::PartnerManager, CoreTr::tr("Only a partner manager can add customers.")))
        return *refused;

    Customer customer = draft;
    if (customer.id.isNull())
        customer.id = m_context.newId();
    customer.partnerId = actor.partnerId;
    customer.name = draft.name.trimmed();
    customer.uin = draft.uin.trimmed();
    if (const FieldErrors errors = customer.validate(); !errors.isEmpty())
        return CommandError::invalid(errors);
    const QString hash = RequestHash::of(
        {{u"name"_s, customer.name}, {u"uin"_s, customer.uin}, {u"eligible"_s, customer.eligible}});

    return m_context.db().write([&]() -> Result<Customer> {
        const CustomerRepository customers(m_context.db());
        if (const auto previous = customers.requestHash(customer.id))
            return CommandChecks::replay(*previous, hash, customers.find(customer.id), actor);
        if (customers.uinTaken(customer.partnerId, customer.uin)) {
            const QString message =
                CoreTr::tr("You already have a customer with UIN %1.").arg(customer.uin);
            return CommandError(CommandError::Kind::Conflict, u"FailedOperation.DuplicateUin"_s,
                                message, {{u"uin"_s, message}});
        }
        customer.createdAt = m_context.now();
        customer.rev = m_context.db().nextRev();
        customers.insert(customer, hash);
        m_context.audit(u"AddCustomer"_s, u"Customer"_s, customer.id,
                        {{u"name"_s, customer.name},
                         {u"uin"_s, customer.uin},
                         {u"eligible"_s, customer.eligible}});
        return customer;
    });
}
