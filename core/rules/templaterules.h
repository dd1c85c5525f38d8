#pragma once

#include "core/base/commanderror.h"
#include "core/base/fielderror.h"
#include "core/domain/vouchertemplate.h"

#include <QSet>

#include <functional>
#include <optional>

// What a template's fields are checked against besides themselves.
struct TemplateRuleContext
{
    QSet<QString> activeProductCodes;
    qint64 faceValueCapMinor = 0;
    QString partnerCurrency;
};

// The rules of voucher templates: field validation, the template lock, deletion of unused
// templates, and names for duplicates.
class TemplateRules
{
public:
    static constexpr qint64 DefaultFaceValueCapMinor = 100'000'000; // 1,000,000.00

    // Every violated rule, each on its field; empty when the template may be saved.
    static FieldErrors validate(const VoucherTemplate &draft, const TemplateRuleContext &context);

    // Template lock: once an application using it was submitted, a template is read-only.
    static std::optional<CommandError> checkEditable(const VoucherTemplate &current);
    // Only a template that was never used may be deleted.
    static std::optional<CommandError> checkDeletable(const VoucherTemplate &current);

    // "<name> (copy)", then "<name> (copy 2)", ... : the first that isTaken() refuses, within
    // the name length limit.
    static QString duplicateName(const QString &sourceName,
                                 const std::function<bool(const QString &)> &isTaken);
};
