#include "ui/vouchers/voucherdetail.h"

#include "core/domain/actor.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"

#include <algorithm>

using namespace Qt::StringLiterals;

Result<VoucherDetail> VoucherDetail::load(const Database &db, const Actor &actor,
                                          const QUuid &applicationId, const QDateTime &now)
{
    return db.read([&]() -> Result<VoucherDetail> {
        const auto application = ApplicationRepository(db).find(applicationId);
        if (!application || !actor.canSee(application->partnerId))
            return CommandError::notFound(u"Application"_s);

        VoucherDetail detail;
        detail.application = *application;
        if (const auto customer = CustomerRepository(db).find(application->customerId))
            detail.customer = *customer;
        if (!application->reviewerId.isNull()) {
            if (const auto reviewer = UserRepository(db).find(application->reviewerId))
                detail.reviewerName = reviewer->displayName;
        }
        if (!application->voucherId.isNull()) {
            const VoucherRepository vouchers(db);
            detail.voucher = vouchers.find(application->voucherId);
            if (detail.voucher) {
                detail.deductions = vouchers.deductions(detail.voucher->id);
                std::reverse(detail.deductions.begin(), detail.deductions.end());
            }
        }
        const ProductRepository products(db);
        for (const Product &product : products.all())
            detail.products.insert(product.code, product);
        detail.currentBlocklist = products.blocklistAt(now);
        detail.status = statusOf(detail.application, detail.voucher, now);
        return detail;
    });
}

VoucherListStatus VoucherDetail::statusOf(const Application &application,
                                          const std::optional<Voucher> &voucher,
                                          const QDateTime &now)
{
    if (voucher) {
        switch (voucher->statusAt(now)) {
        case VoucherStatus::Unused:
            return VoucherListStatus::Unused;
        case VoucherStatus::PartiallyUsed:
            return VoucherListStatus::PartiallyUsed;
        case VoucherStatus::UsedUp:
            return VoucherListStatus::UsedUp;
        case VoucherStatus::Expired:
            return VoucherListStatus::Expired;
        case VoucherStatus::Invalidated:
            return VoucherListStatus::Invalidated;
        }
    }
    switch (application.status) {
    case ApplicationStatus::Rejected:
        return VoucherListStatus::Rejected;
    case ApplicationStatus::Cancelled:
        return VoucherListStatus::Cancelled;
    case ApplicationStatus::PendingReview:
    case ApplicationStatus::Approved: // approved without a readable voucher: still on its way
        break;
    }
    return VoucherListStatus::PendingReview;
}

QString VoucherDetail::productName(const QString &code) const
{
    const auto product = products.constFind(code);
    return product == products.constEnd() ? code : product->displayName(QLocale());
}

QString VoucherDetail::currency() const
{
    return voucher ? voucher->currency : application.templateSnapshot.currency;
}

qint64 VoucherDetail::faceValueMinor() const
{
    return voucher ? voucher->faceValueMinor : application.templateSnapshot.faceValueMinor;
}
