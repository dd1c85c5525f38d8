#pragma once

#include "core/domain/role.h"

#include <QUuid>

// Who runs a command or a query: every command checks the actor's role and partner.
struct Actor
{
    QUuid userId;
    Role role = Role::PartnerManager;
    QUuid partnerId; // null unless role is PartnerManager

    bool isPartnerManager() const { return role == Role::PartnerManager; }
    bool isReviewer() const { return role == Role::Reviewer; }
    bool isAdmin() const { return role == Role::Admin; }
    // Partner managers see only their own partner's objects; reviewers and admins see all.
    bool canSee(const QUuid &ownerPartnerId) const
    {
        return role != Role::PartnerManager || ownerPartnerId == partnerId;
    }
};
