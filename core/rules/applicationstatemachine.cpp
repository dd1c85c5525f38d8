#include "core/rules/applicationstatemachine.h"

#include "core/base/coretr.h"

using namespace Qt::StringLiterals;

ApplicationStatus ApplicationStateMachine::targetStatus(Transition transition)
{
    switch (transition) {
    case Transition::Approve:
        return ApplicationStatus::Approved;
    case Transition::Reject:
        return ApplicationStatus::Rejected;
    case Transition::Cancel:
        break;
    }
    return ApplicationStatus::Cancelled;
}

bool ApplicationStateMachine::isTerminal(ApplicationStatus status)
{
    return status != ApplicationStatus::PendingReview;
}

std::optional<CommandError> ApplicationStateMachine::check(const Application &application,
                                                           Transition transition,
                                                           const Actor &actor, int expectedVersion)
{
    if (!actor.canSee(application.partnerId))
        return CommandError::notFound(u"Application"_s);

    if (transition == Transition::Cancel) {
        if (!actor.isPartnerManager())
            return CommandError::unauthorized(
                CoreTr::tr("Only the partner that applied can cancel an application."));
    } else if (!actor.isReviewer()) {
        return CommandError::unauthorized(
            CoreTr::tr("Only a vendor reviewer can approve or reject an application."));
    }

    if (isTerminal(application.status))
        return notPending(application);
    if (expectedVersion > 0 && expectedVersion != application.version) {
        return CommandError::conflict(
            u"VersionConflict"_s,
            CoreTr::tr("The application was changed meanwhile (it is now at version %1).")
                .arg(application.version));
    }
    return std::nullopt;
}

CommandError ApplicationStateMachine::notPending(const Application &application)
{
    return CommandError::conflict(
        u"ApplicationNotPending"_s,
        CoreTr::tr("The application is no longer pending review: it is %1.")
            .arg(applicationStatusDisplayName(application.status).toLower()));
}
