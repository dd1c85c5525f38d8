#pragma once

#include <QMenu>

class QActionGroup;

// "Sort List By" for the Vendor Voucher List: a checkable item for each column the list can sort
// by and a "Descending" toggle, so that the keyboard sorts the list as a click on the table's
// header does (the header takes no focus). The menu only asks (sortRequested); its owner applies
// the order and shows the one in force with showSort(), so that the menu and the header's sort
// indicator always agree.
class VoucherSortMenu : public QMenu
{
    Q_OBJECT

public:
    explicit VoucherSortMenu(QWidget *parent = nullptr);

    // Checks the column's item (none for a column the list cannot sort by) and "Descending".
    void showSort(int column, Qt::SortOrder order);
    // The item of a model column; null for a column the list cannot sort by.
    QAction *columnAction(int column) const;
    QAction *descendingAction() const { return m_descending; }

signals:
    void sortRequested(int column, Qt::SortOrder order);

private:
    static QString columnText(int column);
    void request();

    QActionGroup *m_columns;
    QAction *m_descending;
};
