#pragma once

#include "core/base/result.h"
#include "core/domain/application.h"

#include <optional>

class CommandContext;

// Approve and Reject: a vendor reviewer decides a pending application. Exactly one decision
// wins when reviewers race, in one process or many.
class ReviewCommands
{
public:
    explicit ReviewCommands(const CommandContext &context)
        : m_context(context)
    {}

    // Approval, in one transaction: checks the partner's remaining quota, snapshots the current
    // blocklist into a universal voucher, issues the voucher with a unique code and
    // expiry = effective + validity days, and counts its face value as issued.
    Result<Application> approve(const QUuid &applicationId, const QString &comment = {},
                                int expectedVersion = 0) const;
    // Reject needs a reason, which the partner sees.
    Result<Application> reject(const QUuid &applicationId, const QString &reason,
                               int expectedVersion = 0) const;

    // Why a rejection reason is refused (empty, too long), if it is.
    static std::optional<CommandError> checkRejectReason(const QString &reason);

private:
    const CommandContext &m_context;
};
