#include "core/rules/templaterules.h"

#include "core/base/coretr.h"
#include "core/domain/money.h"

using namespace Qt::StringLiterals;

namespace {

void validateProducts(const VoucherTemplate &draft, const TemplateRuleContext &context,
                      FieldErrors &errors)
{
    const QString field = u"productCodes"_s;
    if (draft.kind == VoucherKind::Universal) {
        if (!draft.productCodes.isEmpty())
            errors.append({field, CoreTr::tr("A universal voucher covers every product except "
                                             "the blocklist; do not pick products for it.")});
        return;
    }
    if (draft.productCodes.isEmpty()) {
        errors.append({field, CoreTr::tr("Pick at least one product for a specific voucher.")});
        return;
    }
    if (draft.productCodes.size() > VoucherTemplate::MaxProducts) {
        errors.append({field, CoreTr::tr("Pick at most %1 products; %2 are picked.")
                                  .arg(VoucherTemplate::MaxProducts)
                                  .arg(draft.productCodes.size())});
    }
    QStringList unknown;
    QSet<QString> seen;
    bool duplicateReported = false;
    for (const QString &code : draft.productCodes) {
        if (seen.contains(code)) {
            if (!duplicateReported)
                errors.append({field, CoreTr::tr("The product %1 is picked twice.").arg(code)});
            duplicateReported = true;
            continue;
        }
        seen.insert(code);
        if (!context.activeProductCodes.contains(code))
            unknown.append(code);
    }
    if (!unknown.isEmpty())
        errors.append(
            {field,
             CoreTr::tr("Not an active product of the catalogue: %1.").arg(unknown.join(u", "_s))});
}

void validateAmounts(const VoucherTemplate &draft, const TemplateRuleContext &context,
                     FieldErrors &errors)
{
    if (!Money::isSupportedCurrency(draft.currency)) {
        errors.append({u"currency"_s, CoreTr::tr("Choose one of the currencies %1.")
                                          .arg(Money::supportedCurrencies().join(u", "_s))});
    } else if (!context.partnerCurrency.isEmpty() && draft.currency != context.partnerCurrency) {
        errors.append(
            {u"currency"_s, CoreTr::tr("Your quota pool is in %1; the template must use %1 too.")
                                .arg(context.partnerCurrency)});
    }
    const QString currency =
        Money::isSupportedCurrency(draft.currency) ? draft.currency : context.partnerCurrency;

    if (draft.faceValueMinor <= 0) {
        errors.append({u"faceValueMinor"_s, CoreTr::tr("The face value must be greater than 0.")});
    } else if (context.faceValueCapMinor > 0 && draft.faceValueMinor > context.faceValueCapMinor) {
        errors.append(
            {u"faceValueMinor"_s, CoreTr::tr("The face value may be at most %1 per voucher.")
                                      .arg(Money(context.faceValueCapMinor, currency).format())});
    }
    if (draft.minSpendMinor < 0)
        errors.append({u"minSpendMinor"_s, CoreTr::tr("The minimum spend cannot be negative.")});
}

} // namespace

FieldErrors TemplateRules::validate(const VoucherTemplate &draft,
                                    const TemplateRuleContext &context)
{
    FieldErrors errors;
    const QString name = draft.name.trimmed();
    if (name.isEmpty()) {
        errors.append({u"name"_s, CoreTr::tr("Enter a name for the template.")});
    } else if (name.size() > VoucherTemplate::MaxNameLength) {
        errors.append({u"name"_s, CoreTr::tr("The name is %1 characters long; use at most %2.")
                                      .arg(name.size())
                                      .arg(VoucherTemplate::MaxNameLength)});
    }

    validateAmounts(draft, context, errors);

    if (draft.validityDays < VoucherTemplate::MinValidityDays ||
        draft.validityDays > VoucherTemplate::MaxValidityDays) {
        errors.append({u"validityDays"_s,
                       CoreTr::tr("A voucher is valid for %1 to %2 days after it is issued.")
                           .arg(VoucherTemplate::MinValidityDays)
                           .arg(VoucherTemplate::MaxValidityDays)});
    }

    validateProducts(draft, context, errors);

    if (draft.note.size() > VoucherTemplate::MaxNoteLength) {
        errors.append({u"note"_s, CoreTr::tr("The note is %1 characters long; use at most %2.")
                                      .arg(draft.note.size())
                                      .arg(VoucherTemplate::MaxNoteLength)});
    }
    return errors;
}

std::optional<CommandError> TemplateRules::checkEditable(const VoucherTemplate &current)
{
    if (!current.locked)
        return std::nullopt;
    return CommandError::conflict(u"TemplateLocked"_s,
                                  CoreTr::tr("The template \"%1\" is locked: an application "
                                             "using it was submitted. Duplicate it to make a "
                                             "changed copy.")
                                      .arg(current.name));
}

std::optional<CommandError> TemplateRules::checkDeletable(const VoucherTemplate &current)
{
    if (!current.locked)
        return std::nullopt;
    return CommandError::conflict(u"TemplateLocked"_s,
                                  CoreTr::tr("The template \"%1\" was used by an application and "
                                             "cannot be deleted.")
                                      .arg(current.name));
}

QString TemplateRules::duplicateName(const QString &sourceName,
                                     const std::function<bool(const QString &)> &isTaken)
{
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? u" (copy)"_s : u" (copy %1)"_s.arg(n);
        QString base =
            sourceName.trimmed().left(VoucherTemplate::MaxNameLength - int(suffix.size()));
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1); // do not cut a character in half
        const QString candidate = base.trimmed() + suffix;
        if (!isTaken(candidate))
            return candidate;
    }
}
