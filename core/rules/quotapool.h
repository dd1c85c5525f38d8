#pragma once

#include "core/base/commanderror.h"

#include <QString>

#include <optional>

// Quota accounting of a partner: total, issued (face value of issued vouchers, less what
// invalidation returned) and remaining. Pending applications reserve nothing.
class QuotaPool
{
public:
    QuotaPool() = default;
    QuotaPool(qint64 totalMinor, qint64 issuedMinor, QString currency);

    qint64 totalMinor() const { return m_totalMinor; }
    qint64 issuedMinor() const { return m_issuedMinor; }
    qint64 remainingMinor() const { return m_totalMinor - m_issuedMinor; }
    QString currency() const { return m_currency; }

    // Why a voucher of this face value cannot be issued now, if it cannot.
    std::optional<CommandError> checkIssue(qint64 faceValueMinor) const;
    // Why the total cannot be set to this value, if it cannot (it may not drop below issued).
    std::optional<CommandError> checkNewTotal(qint64 totalMinor) const;

private:
    qint64 m_totalMinor = 0;
    qint64 m_issuedMinor = 0;
    QString m_currency;
};
