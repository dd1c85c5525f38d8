#pragma once

#include "core/base/result.h"
#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/product.h"
#include "core/domain/voucher.h"
#include "core/queries/voucherliststatus.h"

#include <QHash>
#include <QList>

#include <optional>

struct Actor;
class Database;

// Everything the detail panel shows of one Vendor Voucher List row, read in one go so that the
// header, timeline, scope, balance and usage records agree with each other.
struct VoucherDetail
{
    Application application;
    std::optional<Voucher> voucher; // once approved
    Customer customer;
    QString reviewerName;
    QList<Deduction> deductions; // newest first
    QHash<QString, Product> products;
    std::optional<BlocklistRevision> currentBlocklist; // the one new approvals snapshot now
    VoucherListStatus status = VoucherListStatus::PendingReview;

    // NotFound when the application does not exist or the actor may not see it.
    static Result<VoucherDetail> load(const Database &db, const Actor &actor,
                                      const QUuid &applicationId, const QDateTime &now);
    // The status the Vendor Voucher List shows: the application's until a voucher is issued.
    static VoucherListStatus statusOf(const Application &application,
                                      const std::optional<Voucher> &voucher, const QDateTime &now);

    // The product's name in the current language; the code for a product the catalogue lacks.
    QString productName(const QString &code) const;
    QString currency() const;
    qint64 faceValueMinor() const;
};
