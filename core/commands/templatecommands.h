#pragma once

#include "core/base/result.h"
#include "core/domain/vouchertemplate.h"

class CommandContext;

// CreateTemplate, UpdateTemplate, DuplicateTemplate, DeleteTemplate: a partner manager's
// commands on its own templates, each one transaction with its audit event.
class TemplateCommands
{
public:
    explicit TemplateCommands(const CommandContext &context)
        : m_context(context)
    {}

    // The draft's id is the client's (a new one when null): repeating a create with the same
    // id and fields returns the first result.
    Result<VoucherTemplate> createTemplate(const VoucherTemplate &draft) const;
    // Replaces the editable fields; refused when the template is locked, then when
    // expectedVersion is not the current version.
    Result<VoucherTemplate> updateTemplate(const VoucherTemplate &draft, int expectedVersion) const;
    // An unlocked copy named `name`, or "<name> (copy)", "(copy 2)", ... when empty.
    Result<VoucherTemplate> duplicateTemplate(const QUuid &sourceId, const QUuid &newId,
                                              const QString &name = {}) const;
    // Only a template that was never used may be deleted.
    Result<void> deleteTemplate(const QUuid &id) const;

private:
    const CommandContext &m_context;
};
