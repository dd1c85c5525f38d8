#pragma once

#include "core/base/result.h"
#include "core/domain/deduction.h"
#include "core/domain/voucher.h"

class CommandContext;

// RecordDeduction (a partner pays a customer's bill with a voucher) and InvalidateVoucher (an
// admin reclaims a voucher; its unused balance returns to the partner's quota).
class VoucherCommands
{
public:
    explicit VoucherCommands(const CommandContext &context)
        : m_context(context)
    {}

    // Deducts min(balance, order amount) if the voucher is eligible for the bill. The
    // request's id is the client's (a new one when null); a repeat returns the first result.
    Result<Deduction> recordDeduction(const Deduction &request) const;
    Result<Voucher> invalidateVoucher(const QUuid &voucherId, const QString &reason = {}) const;

private:
    const CommandContext &m_context;
};
