#pragma once

#include "core/domain/product.h"

#include <QWidget>

class QLabel;
class QListView;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class SearchField;

// The products of a specific voucher: a search field over a checkable list of the active
// products, named in the current locale.
class ProductPicker : public QWidget
{
    Q_OBJECT

public:
    explicit ProductPicker(QWidget *parent = nullptr);

    // Active products are offered; an inactive one is listed only while it is checked, so an
    // old template shows what it holds.
    void setProducts(const QList<Product> &products);
    void setCheckedCodes(const QStringList &codes);
    // In catalogue order; the list itself is alphabetical.
    QStringList checkedCodes() const;
    void setReadOnly(bool readOnly);

    SearchField *searchField() const { return m_search; }
    QListView *list() const { return m_list; }

signals:
    void checkedCodesChanged();

private:
    void describeCheck(QStandardItem *item);
    void updateCount();

    SearchField *m_search;
    QListView *m_list;
    QLabel *m_count;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QList<Product> m_products;
    bool m_readOnly = false;
    bool m_filling = false;
};
