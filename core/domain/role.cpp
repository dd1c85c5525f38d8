#include "core/domain/role.h"

#include "core/base/coretr.h"
#include "core/base/enumnames.h"

namespace {
constexpr EnumName<Role> kRoleNames[] = {
    {Role::PartnerManager, "partner_manager"},
    {Role::Reviewer, "reviewer"},
    {Role::Admin, "admin"},
};
} // namespace

QString roleToString(Role role)
{
    return enumToApiName<Role>(kRoleNames, role);
}

std::optional<Role> roleFromString(const QString &name)
{
    return enumFromApiName<Role>(kRoleNames, name);
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::PartnerManager:
        return CoreTr::tr("Partner manager");
    case Role::Reviewer:
        return CoreTr::tr("Reviewer");
    case Role::Admin:
        break;
    }
    return CoreTr::tr("Administrator");
}
