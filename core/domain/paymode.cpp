#include "core/domain/paymode.h"

#include "core/base/coretr.h"
#include "core/base/enumnames.h"

namespace {
constexpr EnumName<PayMode> kPayModeNames[] = {
    {PayMode::All, "all"},
    {PayMode::Prepaid, "prepaid"},
    {PayMode::Postpaid, "postpaid"},
};
} // namespace

QString payModeToString(PayMode mode)
{
    return enumToApiName<PayMode>(kPayModeNames, mode);
}

std::optional<PayMode> payModeFromString(const QString &name)
{
    return enumFromApiName<PayMode>(kPayModeNames, name);
}

QString payModeDisplayName(PayMode mode)
{
    switch (mode) {
    case PayMode::All:
        return CoreTr::tr("Prepaid and postpaid");
    case PayMode::Prepaid:
        return CoreTr::tr("Prepaid");
    case PayMode::Postpaid:
        break;
    }
    return CoreTr::tr("Postpaid");
}
