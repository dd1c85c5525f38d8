#pragma once

#include <QObject>

#include <utility>

class QTableView;

// Gives a table's spare width to its name columns (Customer, Template), each never narrower
// than its own minimum: Qt's stretch-last-section gave it to the last column (a date), and
// QHeaderView::Stretch squeezed the names to the global minimum where the window is narrow.
// Where the columns do not fit, the table scrolls sideways instead.
class ColumnFitter : public QObject
{
public:
    // `columns`: each growing column with the width it never goes below.
    ColumnFitter(QTableView *view, QList<std::pair<int, int>> columns);

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    QList<std::pair<int, int>> m_columns;
};
