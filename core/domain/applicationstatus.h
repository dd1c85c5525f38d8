#pragma once

#include <QString>

#include <optional>

// pending_review -> approved | rejected | cancelled; the three outcomes are terminal.
enum class ApplicationStatus { PendingReview, Approved, Rejected, Cancelled };

QString applicationStatusToString(ApplicationStatus status); // "pending_review", ...
std::optional<ApplicationStatus> applicationStatusFromString(const QString &name);
QString applicationStatusDisplayName(ApplicationStatus status);
