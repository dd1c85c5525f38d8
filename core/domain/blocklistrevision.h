#pragma once

#include <QDateTime>
#include <QStringList>

// The vendor's list of products that universal vouchers do not pay for. The newest revision in
// effect applies to new approvals; an issued voucher keeps the revision it was approved under.
struct BlocklistRevision
{
    int revision = 0;
    QDateTime effectiveAt;
    QStringList productCodes;
};
