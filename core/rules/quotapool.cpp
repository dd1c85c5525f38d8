#include "core/rules/quotapool.h"

#include "core/base/coretr.h"
#include "core/domain/money.h"

using namespace Qt::StringLiterals;

QuotaPool::QuotaPool(qint64 totalMinor, qint64 issuedMinor, QString currency)
    : m_totalMinor(totalMinor)
    , m_issuedMinor(issuedMinor)
    , m_currency(std::move(currency))
{}

std::optional<CommandError> QuotaPool::checkIssue(qint64 faceValueMinor) const
{
    if (faceValueMinor <= remainingMinor())
        return std::nullopt;
    return CommandError::conflict(
        u"InsufficientQuota"_s,
        CoreTr::tr("The partner's quota pool has %1 left, less than the face value %2.")
            .arg(Money(remainingMinor(), m_currency).format(),
                 Money(faceValueMinor, m_currency).format()));
}

std::optional<CommandError> QuotaPool::checkNewTotal(qint64 totalMinor) const
{
    if (totalMinor < 0) {
        return CommandError::invalidField(u"quotaMinor"_s,
                                          CoreTr::tr("The quota cannot be negative."));
    }
    if (totalMinor < m_issuedMinor) {
        return CommandError::conflict(
            u"QuotaBelowIssued"_s,
            CoreTr::tr("The quota cannot be lower than what is already issued (%1).")
                .arg(Money(m_issuedMinor, m_currency).format()));
    }
    return std::nullopt;
}
