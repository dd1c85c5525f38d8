#pragma once

#include "core/base/commanderror.h"
#include "core/base/result.h"
#include "core/domain/actor.h"

#include <optional>

// Checks shared by the commands: who may run them and what they may see.
class CommandChecks
{
public:
    // Unauthorized unless the actor has the role; the message says what the role may do.
    static std::optional<CommandError> requireRole(const Actor &actor, Role role,
                                                   const QString &whatOnlyThatRoleMayDo);

    // The object if it exists and the actor may see it; otherwise not found, so that another
    // partner's objects look exactly like missing ones.
    template<typename T>
    static bool visible(const std::optional<T> &object, const Actor &actor)
    {
        return object && actor.canSee(object->partnerId);
    }

    // A client id reused for a different request.
    static CommandError idempotencyConflict();

    // The answer to a create whose client id is taken: the first result for the same request
    // (the entity as it is now), a conflict for another request or for something the actor
    // cannot see.
    template<typename T>
    static Result<T> replay(const QString &storedHash, const QString &hash,
                            const std::optional<T> &existing, const Actor &actor)
    {
        if (storedHash != hash || !visible(existing, actor))
            return idempotencyConflict();
        return *existing;
    }
};
