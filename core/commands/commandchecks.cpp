#include "core/commands/commandchecks.h"

#include "core/base/coretr.h"

using namespace Qt::StringLiterals;

std::optional<CommandError> CommandChecks::requireRole(const Actor &actor, Role role,
                                                       const QString &whatOnlyThatRoleMayDo)
{
    if (actor.role == role)
        return std::nullopt;
    return CommandError::unauthorized(whatOnlyThatRoleMayDo);
}

CommandError CommandChecks::idempotencyConflict()
{
    return CommandError::conflict(u"IdempotencyConflict"_s,
                                  CoreTr::tr("This request id was already used for a different "
                                             "request. Nothing was changed."));
}
