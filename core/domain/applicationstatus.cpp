#include "core/domain/applicationstatus.h"

#include "core/base/coretr.h"
#include "core/base/enumnames.h"

namespace {
constexpr EnumName<ApplicationStatus> kStatusNames[] = {
    {ApplicationStatus::PendingReview, "pending_review"},
    {ApplicationStatus::Approved, "approved"},
    {ApplicationStatus::Rejected, "rejected"},
    {ApplicationStatus::Cancelled, "cancelled"},
};
} // namespace

QString applicationStatusToString(ApplicationStatus status)
{
    return enumToApiName<ApplicationStatus>(kStatusNames, status);
}

std::optional<ApplicationStatus> applicationStatusFromString(const QString &name)
{
    return enumFromApiName<ApplicationStatus>(kStatusNames, name);
}

QString applicationStatusDisplayName(ApplicationStatus status)
{
    switch (status) {
    case ApplicationStatus::PendingReview:
        return CoreTr::tr("Pending review");
    case ApplicationStatus::Approved:
        return CoreTr::tr("Approved");
    case ApplicationStatus::Rejected:
        return CoreTr::tr("Rejected");
    case ApplicationStatus::Cancelled:
        break;
    }
    return CoreTr::tr("Cancelled");
}
