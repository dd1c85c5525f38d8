#include "ui/vouchers/vouchersortmenu.h"

#include "ui/vouchers/voucherlistmodel.h"

#include <QActionGroup>

using namespace Qt::StringLiterals;

VoucherSortMenu::VoucherSortMenu(QWidget *parent)
    : QMenu(tr("Sort List &By"), parent)
    , m_columns(new QActionGroup(this))
    , m_descending(new QAction(tr("&Descending"), this))
{
    setObjectName(u"sortMenu"_s);
    menuAction()->setObjectName(u"sortMenuAction"_s);
    menuAction()->setToolTip(tr("Sort the Vendor Voucher List by one of its columns"));
    m_columns->setExclusive(true);
    for (int column = 0; column < VoucherListModel::ColumnCount; ++column) {
        if (!VoucherListModel::sortKey(column))
            continue;
        QAction *action = addAction(columnText(column));
        action->setObjectName(u"sortByColumn%1"_s.arg(column));
        action->setData(column);
        action->setCheckable(true);
        m_columns->addAction(action);
    }
    addSeparator();
    m_descending->setObjectName(u"sortDescending"_s);
    m_descending->setCheckable(true);
    addAction(m_descending);
    // Triggered, not toggled: showSort() checks items without asking for a sort.
    connect(m_columns, &QActionGroup::triggered, this, &VoucherSortMenu::request);
    connect(m_descending, &QAction::triggered, this, &VoucherSortMenu::request);
}

QString VoucherSortMenu::columnText(int column)
{
    switch (column) {
    case VoucherListModel::CodeColumn:
        return tr("&Voucher code");
    case VoucherListModel::CustomerColumn:
        return tr("&Customer");
    case VoucherListModel::FaceColumn:
        return tr("&Face value");
    case VoucherListModel::BalanceColumn:
        return tr("&Balance");
    case VoucherListModel::AppliedColumn:
        return tr("&Applied");
    case VoucherListModel::ExpiresColumn:
        return tr("&Expires");
    default:
        return {};
    }
}

QAction *VoucherSortMenu::columnAction(int column) const
{
    for (QAction *action : m_columns->actions()) {
        if (action->data().toInt() == column)
            return action;
    }
    return nullptr;
}

void VoucherSortMenu::showSort(int column, Qt::SortOrder order)
{
    if (QAction *action = columnAction(column))
        action->setChecked(true);
    m_descending->setChecked(order == Qt::DescendingOrder);
}

void VoucherSortMenu::request()
{
    const QAction *checked = m_columns->checkedAction();
    if (!checked)
        return;
    emit sortRequested(checked->data().toInt(),
                       m_descending->isChecked() ? Qt::DescendingOrder : Qt::AscendingOrder);
}
