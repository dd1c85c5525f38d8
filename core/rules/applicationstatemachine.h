#pragma once

#include "core/base/commanderror.h"
#include "core/domain/actor.h"
#include "core/domain/application.h"

#include <optional>

// The application state machine: pending_review -> approved | rejected | cancelled.
// Each transition happens only from pending_review and only by its role: a reviewer approves or
// rejects, the owning partner cancels ("cancel only while pending").
class ApplicationStateMachine
{
public:
    enum class Transition { Approve, Reject, Cancel };

    static ApplicationStatus targetStatus(Transition transition);
    static bool isTerminal(ApplicationStatus status);

    // Why the actor may not apply the transition to the application now, if it may not:
    // role, then state, then (when expectedVersion > 0) version. Another partner's application
    // is reported as not found, as if it did not exist.
    static std::optional<CommandError> check(const Application &application, Transition transition,
                                             const Actor &actor, int expectedVersion = 0);

    // The conflict reported when an application has left pending_review.
    static CommandError notPending(const Application &application);
};
