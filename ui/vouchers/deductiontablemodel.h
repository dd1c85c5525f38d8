#pragma once

#include "core/domain/deduction.h"

#include <QAbstractTableModel>
#include <QHash>

// The usage records of one voucher: one row per deduction, newest first as given.
class DeductionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DateColumn,
        OrderColumn,
        ProductColumn,
        PayModeColumn,
        OrderAmountColumn,
        DeductedColumn,
        ColumnCount
    };

    explicit DeductionTableModel(QObject *parent = nullptr);

    // productNames maps product codes to the names shown; a missing one shows its code.
    void setDeductions(const QList<Deduction> &deductions, const QString &currency,
                       const QHash<QString, QString> &productNames);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString productName(const QString &code) const;

    QList<Deduction> m_deductions;
    QString m_currency;
    QHash<QString, QString> m_productNames;
};
