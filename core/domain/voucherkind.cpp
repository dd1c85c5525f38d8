#include "core/domain/voucherkind.h"

#include "core/base/coretr.h"
#include "core/base/enumnames.h"

namespace {
constexpr EnumName<VoucherKind> kKindNames[] = {
    {VoucherKind::Universal, "universal"},
    {VoucherKind::Specific, "specific"},
};
} // namespace

QString voucherKindToString(VoucherKind kind)
{
    return enumToApiName<VoucherKind>(kKindNames, kind);
}

std::optional<VoucherKind> voucherKindFromString(const QString &name)
{
    return enumFromApiName<VoucherKind>(kKindNames, name);
}

QString voucherKindDisplayName(VoucherKind kind)
{
    if (kind == VoucherKind::Universal)
        return CoreTr::tr("Universal product voucher");
    return CoreTr::tr("Specific product voucher");
}
