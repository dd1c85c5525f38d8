#pragma once

#include "core/domain/role.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

struct User
{
    QUuid id;
    QString login;
    QString displayName;
    Role role = Role::PartnerManager;
    QUuid partnerId;      // set for partner managers only
    QString passwordHash; // Argon2id string from PasswordHasher, never the password
    bool active = true;
    QDateTime createdAt;
    qint64 rev = 0;
};
