#include "ui/vouchers/productscopeview.h"

#include "ui/vouchers/voucherdetail.h"
#include "ui/widgets/icons.h"

#include <QCollator>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Sorted by the names people read, not by code.
QStringList byName(const VoucherDetail &detail, QStringList codes)
{
    QCollator collator;
    std::sort(codes.begin(), codes.end(), [&](const QString &a, const QString &b) {
        return collator.compare(detail.productName(a), detail.productName(b)) < 0;
    });
    return codes;
}
} // namespace

ProductScopeView::ProductScopeView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_list(new QListWidget)
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_list->setAccessibleName(tr("Products"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
}

void ProductScopeView::showDetail(const VoucherDetail &detail)
{
    clear();
    const VoucherTemplate &snapshot = detail.application.templateSnapshot;
    if (detail.voucher && detail.voucher->kind == VoucherKind::Specific)
        showSpecific(detail, detail.voucher->productCodes);
    else if (detail.voucher)
        showSnapshot(detail);
    // Not issued (yet): the template's scope; a universal one gets its blocklist at approval.
    else if (snapshot.kind == VoucherKind::Specific)
        showSpecific(detail, snapshot.productCodes);
    else
        showTodaysBlocklist(detail);
    m_list->setVisible(m_list->count() > 0);
}

void ProductScopeView::clear()
{
    setSummary({});
    m_list->clear();
    m_list->hide();
}

QString ProductScopeView::summary() const
{
    return m_summary->text();
}

QStringList ProductScopeView::items() const
{
    QStringList texts;
    for (int row = 0; row < m_list->count(); ++row)
        texts.append(m_list->item(row)->text());
    return texts;
}

void ProductScopeView::showSpecific(const VoucherDetail &detail, const QStringList &codes)
{
    setSummary(tr("Pays only for these %n product(s):", nullptr, int(codes.size())));
    m_list->setAccessibleName(tr("Products the voucher pays for"));
    for (const QString &code : byName(detail, codes)) {
        auto *item = new QListWidgetItem(detail.productName(code), m_list);
        item->setToolTip(code);
    }
}

void ProductScopeView::showSnapshot(const VoucherDetail &detail)
{
    const Voucher &voucher = *detail.voucher;
    const QStringList today =
        detail.currentBlocklist ? detail.currentBlocklist->productCodes : QStringList();
    QString summary =
        tr("All products except the blocklist (revision %1).").arg(voucher.blocklistRevision);
    if (detail.currentBlocklist && detail.currentBlocklist->revision != voucher.blocklistRevision) {
        summary += u' ' + tr("Today's blocklist is revision %1; the differences are marked.")
                              .arg(detail.currentBlocklist->revision);
    }
    setSummary(summary);
    m_list->setAccessibleName(tr("Blocked products"));

    QStringList codes = voucher.blockedProductCodes;
    for (const QString &code : today) {
        if (!codes.contains(code))
            codes.append(code);
    }
    for (const QString &code : byName(detail, codes)) {
        const QString name = detail.productName(code);
        const bool inSnapshot = voucher.blockedProductCodes.contains(code);
        const bool blockedToday = today.contains(code);
        auto *item = new QListWidgetItem(m_list);
        if (inSnapshot && blockedToday) {
            item->setText(name);
            item->setToolTip(tr("Blocked: the voucher does not pay for it."));
        } else if (inSnapshot) {
            item->setText(tr("%1 — no longer blocked today").arg(name));
            item->setToolTip(tr("Removed from the blocklist after this voucher was approved; "
                                "the voucher still does not pay for it."));
            item->setIcon(Icons::get(u"info"_s));
        } else {
            item->setText(tr("%1 — blocked since this voucher was approved").arg(name));
            item->setToolTip(tr("Added to the blocklist after this voucher was approved; "
                                "the voucher still pays for it."));
            item->setIcon(Icons::get(u"warning"_s));
        }
    }
}

void ProductScopeView::showTodaysBlocklist(const VoucherDetail &detail)
{
    if (!detail.currentBlocklist || detail.currentBlocklist->productCodes.isEmpty()) {
        setSummary(tr("All products: no blocklist is in effect today."));
        return;
    }
    setSummary(tr("All products except the blocklist in effect at approval; today that is "
                  "revision %1:")
                   .arg(detail.currentBlocklist->revision));
    m_list->setAccessibleName(tr("Blocked products"));
    for (const QString &code : byName(detail, detail.currentBlocklist->productCodes)) {
        auto *item = new QListWidgetItem(detail.productName(code), m_list);
        item->setToolTip(code);
    }
}

void ProductScopeView::setSummary(const QString &summary)
{
    m_summary->setText(summary);
    m_summary->setAccessibleName(summary);
}
