#include "core/commands/templatecommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/rules/templaterules.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

VoucherTemplate normalised(const VoucherTemplate &draft)
{
    VoucherTemplate t = draft;
    t.name = draft.name.trimmed();
    t.note = draft.note.trimmed();
    return t;
}

QJsonObject editableFields(const VoucherTemplate &t)
{
    return {
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

CommandError duplicateName(const QString &name)
{
    const QString message =
        CoreTr::tr("You already have a template named \"%1\". Choose another name.").arg(name);
    return CommandError(CommandError::Kind::Conflict, u"FailedOperation.DuplicateName"_s, message,
                        {{u"name"_s, message}});
}

CommandError versionConflict(const VoucherTemplate &current)
{
    return CommandError::conflict(
        u"VersionConflict"_s,
        CoreTr::tr("The template \"%1\" was changed meanwhile (it is now at version %2). Review "
                   "the current version and make your change again.")
            .arg(current.name)
            .arg(current.version));
}

std::optional<CommandError> requirePartnerManager(const Actor &actor)
{
    return CommandChecks::requireRole(
        actor, Role::PartnerManager,
        CoreTr::tr("Only a partner manager can create and change voucher templates."));
}

// Every rule of the template, field by field, with the partner's currency and the catalogue.
std::optional<CommandError> validateAgainstStore(const CommandContext &context,
                                                 const VoucherTemplate &t)
{
    const auto partner = PartnerRepository(context.db()).find(context.actor().partnerId);
    if (!partner)
        return CommandError::notFound(u"Partner"_s);
    TemplateRuleContext rules;
    rules.activeProductCodes = ProductRepository(context.db()).activeCodes();
    rules.faceValueCapMinor = context.faceValueCapMinor();
    rules.partnerCurrency = partner->currency;
    const FieldErrors errors = TemplateRules::validate(t, rules);
    if (!errors.isEmpty())
        return CommandError::invalid(errors);
    return std::nullopt;
}

} // namespace

Result<VoucherTemplate> TemplateCommands::createTemplate(const VoucherTemplate &draft) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = requirePartnerManager(actor))
        return *refused;

    VoucherTemplate t = normalised(draft);
    if (t.id.isNull())
        t.id = m_context.newId();
    t.partnerId = actor.partnerId;
    const QString hash = RequestHash::of(editableFields(t));

    return m_context.db().write([&]() -> Result<VoucherTemplate> {
        const TemplateRepository templates(m_context.db());
        if (const auto previous = templates.requestHash(t.id))
            return CommandChecks::replay(*previous, hash, templates.find(t.id), actor);
        if (auto invalid = validateAgainstStore(m_context, t))
            return *invalid;
        if (templates.nameTaken(t.partnerId, t.name))
            return duplicateName(t.name);

        t.version = 1;
        t.locked = false;
        t.createdAt = t.updatedAt = m_context.now();
        t.rev = m_context.db().nextRev();
        templates.insert(t, hash);
        m_context.audit(u"CreateTemplate"_s, u"Template"_s, t.id, editableFields(t));
        return t;
    });
}

Result<VoucherTemplate> TemplateCommands::updateTemplate(const VoucherTemplate &draft,
                                                         int expectedVersion) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = requirePartnerManager(actor))
        return *refused;

    return m_context.db().write([&]() -> Result<VoucherTemplate> {
        const TemplateRepository templates(m_context.db());
        const auto current = templates.find(draft.id);
        if (!CommandChecks::visible(current, actor))
            return CommandError::notFound(u"Template"_s);
        if (auto locked = TemplateRules::checkEditable(*current))
            return *locked;
        if (expectedVersion != current->version)
            return versionConflict(*current);

        VoucherTemplate t = normalised(draft);
        t.partnerId = current->partnerId;
        if (auto invalid = validateAgainstStore(m_context, t))
            return *invalid;
        if (templates.nameTaken(t.partnerId, t.name, t.id))
            return duplicateName(t.name);

        t.updatedAt = m_context.now();
        t.rev = m_context.db().nextRev();
        if (!templates.update(t, expectedVersion))
            throw StoreError(StoreError::Kind::Retryable, u"template changed meanwhile"_s);
        QJsonObject details = editableFields(t);
        details.insert(u"version"_s, expectedVersion + 1);
        m_context.audit(u"UpdateTemplate"_s, u"Template"_s, t.id, details);
        return *templates.find(t.id);
    });
}

Result<VoucherTemplate> TemplateCommands::duplicateTemplate(const QUuid &sourceId,
                                                            const QUuid &newId,
                                                            const QString &name) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = requirePartnerManager(actor))
        return *refused;

    const QUuid id = newId.isNull() ? m_context.newId() : newId;
    const QString requestedName = name.trimmed();
    const QString hash =
        RequestHash::of({{u"duplicateOf"_s, sourceId.toString()}, {u"name"_s, requestedName}});

    return m_context.db().write([&]() -> Result<VoucherTemplate> {
        const TemplateRepository templates(m_context.db());
        if (const auto previous = templates.requestHash(id))
            return CommandChecks::replay(*previous, hash, templates.find(id), actor);
        const auto source = templates.find(sourceId);
        if (!CommandChecks::visible(source, actor))
            return CommandError::notFound(u"Template"_s);

        VoucherTemplate copy = *source;
        copy.id = id;
        if (requestedName.isEmpty()) {
            copy.name = TemplateRules::duplicateName(source->name, [&](const QString &candidate) {
                return templates.nameTaken(source->partnerId, candidate);
            });
        } else {
            copy.name = requestedName;
        }
        if (auto invalid = validateAgainstStore(m_context, copy))
            return *invalid;
        if (templates.nameTaken(copy.partnerId, copy.name))
            return duplicateName(copy.name);

        copy.version = 1;
        copy.locked = false;
        copy.createdAt = copy.updatedAt = m_context.now();
        copy.rev = m_context.db().nextRev();
        templates.insert(copy, hash);
        QJsonObject details = editableFields(copy);
        details.insert(u"duplicateOf"_s, sourceId.toString(QUuid::WithoutBraces));
        m_context.audit(u"DuplicateTemplate"_s, u"Template"_s, copy.id, details);
        return copy;
    });
}

Result<void> TemplateCommands::deleteTemplate(const QUuid &id) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = requirePartnerManager(actor))
        return *refused;

    return m_context.db().write([&]() -> Result<void> {
        const TemplateRepository templates(m_context.db());
        const auto current = templates.find(id);
        if (!CommandChecks::visible(current, actor))
            return CommandError::notFound(u"Template"_s);
        if (auto used = TemplateRules::checkDeletable(*current))
            return *used;
        if (!templates.removeUnlocked(*current, m_context.db().nextRev()))
            throw StoreError(StoreError::Kind::Retryable, u"template locked meanwhile"_s);
        m_context.audit(u"DeleteTemplate"_s, u"Template"_s, id, {{u"name"_s, current->name}});
        return {};
    });
}
