#pragma once

#include "core/base/result.h"
#include "core/domain/blocklistrevision.h"

class CommandContext;

// AddBlocklistRevision: an administrator publishes a new blocklist. New approvals of universal
// vouchers snapshot it from its effective time on; issued vouchers keep theirs.
class CatalogueCommands
{
public:
    explicit CatalogueCommands(const CommandContext &context)
        : m_context(context)
    {}

    Result<BlocklistRevision> addBlocklistRevision(const QDateTime &effectiveAt,
                                                   const QStringList &productCodes) const;

private:
    const CommandContext &m_context;
};
