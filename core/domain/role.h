#pragma once

#include <QString>

#include <optional>

enum class Role { PartnerManager, Reviewer, Admin };

QString roleToString(Role role);                         // API name: "partner_manager"
std::optional<Role> roleFromString(const QString &name); // nullopt for an unknown name
QString roleDisplayName(Role role);                      // translated, for people
