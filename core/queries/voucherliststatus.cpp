#include "core/queries/voucherliststatus.h"

#include "core/base/enumnames.h"
#include "core/domain/applicationstatus.h"
#include "core/domain/voucherstatus.h"

namespace {
constexpr EnumName<VoucherListStatus> kStatusNames[] = {
    {VoucherListStatus::PendingReview, "pending_review"},
    {VoucherListStatus::Unused, "unused"},
    {VoucherListStatus::PartiallyUsed, "partially_used"},
    {VoucherListStatus::UsedUp, "used_up"},
    {VoucherListStatus::Expired, "expired"},
    {VoucherListStatus::Rejected, "rejected"},
    {VoucherListStatus::Cancelled, "cancelled"},
    {VoucherListStatus::Invalidated, "invalidated"},
};
} // namespace

QString voucherListStatusToString(VoucherListStatus status)
{
    return enumToApiName<VoucherListStatus>(kStatusNames, status);
}

std::optional<VoucherListStatus> voucherListStatusFromString(const QString &name)
{
    return enumFromApiName<VoucherListStatus>(kStatusNames, name);
}

QString voucherListStatusDisplayName(VoucherListStatus status)
{
    switch (status) {
    case VoucherListStatus::PendingReview:
        return applicationStatusDisplayName(ApplicationStatus::PendingReview);
    case VoucherListStatus::Rejected:
        return applicationStatusDisplayName(ApplicationStatus::Rejected);
    case VoucherListStatus::Cancelled:
        return applicationStatusDisplayName(ApplicationStatus::Cancelled);
    case VoucherListStatus::Unused:
        return voucherStatusDisplayName(VoucherStatus::Unused);
    case VoucherListStatus::PartiallyUsed:
        return voucherStatusDisplayName(VoucherStatus::PartiallyUsed);
    case VoucherListStatus::UsedUp:
        return voucherStatusDisplayName(VoucherStatus::UsedUp);
    case VoucherListStatus::Expired:
        return voucherStatusDisplayName(VoucherStatus::Expired);
    case VoucherListStatus::Invalidated:
        break;
    }
    return voucherStatusDisplayName(VoucherStatus::Invalidated);
}
