#include "ui/vouchers/deductiontablemodel.h"

#include "ui/widgets/displayformat.h"
#include "ui/widgets/itemroles.h"

DeductionTableModel::DeductionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeductionTableModel::setDeductions(const QList<Deduction> &deductions, const QString &currency,
                                        const QHash<QString, QString> &productNames)
{
    beginResetModel();
    m_deductions = deductions;
    m_currency = currency;
    m_productNames = productNames;
    endResetModel();
}

void DeductionTableModel::clear()
{
    setDeductions({}, {}, {});
}

int DeductionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deductions.size());
}

int DeductionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeductionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Deduction &d = m_deductions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case DateColumn:
            return DisplayFormat::dateTime(d.at);
        case OrderColumn:
            return d.orderId;
        case ProductColumn:
            return productName(d.productCode);
        case PayModeColumn:
            return payModeDisplayName(d.payMode);
        case OrderAmountColumn:
            return DisplayFormat::money(d.orderAmountMinor, m_currency);
        case DeductedColumn:
            return DisplayFormat::money(d.deductedMinor, m_currency);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ProductColumn)
            return d.productCode;
        if (index.column() == DeductedColumn && d.deductedMinor < d.orderAmountMinor)
            return tr("The voucher paid what was left of its balance; the rest of the bill is "
                      "paid otherwise.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == OrderAmountColumn || index.column() == DeductedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ItemRoles::Id:
        return d.id;
    case ItemRoles::SortValue:
        switch (index.column()) {
        case DateColumn:
            return d.at;
        case OrderAmountColumn:
            return d.orderAmountMinor;
        case DeductedColumn:
            return d.deductedMinor;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant DeductionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case OrderColumn:
        return tr("Order");
    case ProductColumn:
        return tr("Product");
    case PayModeColumn:
        return tr("Pay mode");
    case OrderAmountColumn:
        return tr("Order amount");
    case DeductedColumn:
        return tr("Deducted");
    }
    return {};
}

QString DeductionTableModel::productName(const QString &code) const
{
    return m_productNames.value(code, code);
}
