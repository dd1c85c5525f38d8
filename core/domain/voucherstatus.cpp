#include "core/domain/voucherstatus.h"

#include "core/base/coretr.h"
#include "core/base/enumnames.h"

namespace {
constexpr EnumName<VoucherStatus> kStatusNames[] = {
    {VoucherStatus::Unused, "unused"},           {VoucherStatus::PartiallyUsed, "partially_used"},
    {VoucherStatus::UsedUp, "used_up"},          {VoucherStatus::Expired, "expired"},
    {VoucherStatus::Invalidated, "invalidated"},
};
} // namespace

QString voucherStatusToString(VoucherStatus status)
{
    return enumToApiName<VoucherStatus>(kStatusNames, status);
}

std::optional<VoucherStatus> voucherStatusFromString(const QString &name)
{
    return enumFromApiName<VoucherStatus>(kStatusNames, name);
}

QString voucherStatusDisplayName(VoucherStatus status)
{
    switch (status) {
    case VoucherStatus::Unused:
        return CoreTr::tr("Unused");
    case VoucherStatus::PartiallyUsed:
        return CoreTr::tr("Partially used");
    case VoucherStatus::UsedUp:
        return CoreTr::tr("Used up");
    case VoucherStatus::Expired:
        return CoreTr::tr("Expired");
    case VoucherStatus::Invalidated:
        break;
    }
    return CoreTr::tr("Invalidated");
}
