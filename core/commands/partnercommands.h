#pragma once

#include "core/base/result.h"
#include "core/domain/partner.h"

class CommandContext;

// AddPartner and SetQuota: an administrator manages the partners and their quota pools.
class PartnerCommands
{
public:
    explicit PartnerCommands(const CommandContext &context)
        : m_context(context)
    {}

    Result<Partner> addPartner(const Partner &draft) const;
    // The new total may not drop below what is already issued.
    Result<Partner> setQuota(const QUuid &partnerId, qint64 quotaMinor) const;

private:
    const CommandContext &m_context;
};
