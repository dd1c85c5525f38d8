#pragma once

#include "core/base/fielderror.h"
#include "core/base/result.h"
#include "core/domain/deduction.h"
#include "core/domain/voucher.h"

// Deduction eligibility: whether a voucher may pay a bill, and how much of it.
class DeductionRules
{
public:
    // The bill's own fields: order id, product, pay mode, amount.
    static FieldErrors validateRequest(const Deduction &request);

    // The amount to deduct, min(balance, order amount), or the reason the voucher cannot pay:
    // another customer's bill, not usable now (not yet effective, expired, used up,
    // invalidated), product not covered, pay mode differs (unless the voucher takes all), or
    // the order is below the minimum spend.
    static Result<qint64> amountToDeduct(const Voucher &voucher, const Deduction &request,
                                         const QDateTime &now);
};
