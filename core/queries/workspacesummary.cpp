#include "core/queries/workspacesummary.h"

#include "core/base/coretr.h"
#include "core/domain/money.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

Result<WorkspaceSummary> WorkspaceSummary::load(const Database &db, const QDateTime &now)
{
    return db.read([&]() -> Result<WorkspaceSummary> {
        WorkspaceSummary summary;
        summary.location = db.location();
        summary.partners = PartnerRepository(db).all();
        summary.users = UserRepository(db).all();
        summary.customers = CustomerRepository(db).count({});
        TemplateFilter locked;
        locked.locked = true;
        summary.lockedTemplates = TemplateRepository(db).count(locked);
        locked.locked = false;
        summary.editableTemplates = TemplateRepository(db).count(locked);
        for (int s = int(VoucherListStatus::PendingReview);
             s <= int(VoucherListStatus::Invalidated); ++s) {
            VoucherListFilter filter;
            filter.status = VoucherListStatus(s);
            summary.listRows.insert(VoucherListStatus(s), VoucherListQuery(db, filter).count(now));
        }
        summary.deductions = VoucherRepository(db).deductionCount();
        return summary;
    });
}

QString WorkspaceSummary::toText(const QLocale &locale) const
{
    QStringList lines;
    lines << CoreTr::tr("Workspace: %1").arg(location);
    lines << CoreTr::tr("Partners: %1").arg(locale.toString(partners.size()));
    constexpr int kListedPartners = 5;
    for (const Partner &partner : partners.mid(0, kListedPartners)) {
        lines << CoreTr::tr("  %1 — quota %2, issued %3, remaining %4")
                     .arg(partner.name, Money(partner.quotaMinor, partner.currency).format(locale),
                          Money(partner.issuedMinor, partner.currency).format(locale),
                          Money(partner.quotaMinor - partner.issuedMinor, partner.currency)
                              .format(locale));
    }
    if (partners.size() > kListedPartners)
        lines << CoreTr::tr("  … and %n more", nullptr, int(partners.size() - kListedPartners));
    lines << CoreTr::tr("Accounts:");
    for (const User &user : users) {
        const auto partner = std::find_if(partners.cbegin(), partners.cend(),
                                          [&](const Partner &p) { return p.id == user.partnerId; });
        lines << (partner != partners.cend()
                      ? CoreTr::tr("  %1 (%2) — %3")
                            .arg(user.login, roleDisplayName(user.role), partner->name)
                      : CoreTr::tr("  %1 (%2)").arg(user.login, roleDisplayName(user.role)));
    }
    lines << CoreTr::tr("Customers: %1").arg(locale.toString(customers));
    lines << CoreTr::tr("Templates: %1 editable, %2 locked")
                 .arg(locale.toString(editableTemplates), locale.toString(lockedTemplates));
    qint64 total = 0;
    for (qint64 count : listRows)
        total += count;
    lines << CoreTr::tr("Vendor Voucher List: %1 rows").arg(locale.toString(total));
    for (auto it = listRows.cbegin(); it != listRows.cend(); ++it) {
        lines << CoreTr::tr("  %1: %2")
                     .arg(voucherListStatusDisplayName(it.key()), locale.toString(it.value()));
    }
    lines << CoreTr::tr("Payments with vouchers: %1").arg(locale.toString(deductions));
    return lines.join(u'\n');
}
