#pragma once

#include <QModelIndex>
#include <QObject>

class QAbstractItemView;

// The one selected row of a single-selection view, which every detail panel and every action on
// "the selected row" follows. The view's current index is not enough: a click below the last row
// clears the selection but keeps the current index, and a screen reader selects rows
// (Table.addRowSelection) without moving it. The current index is moved onto the selected row so
// that the arrow keys go on from it.
class RowSelection : public QObject
{
    Q_OBJECT

public:
    explicit RowSelection(QAbstractItemView *view);

    // The selected row, or -1 with none (or, in a multi-selection, more than one).
    int row() const { return m_row; }
    // The selected row's index in `column`; invalid with no selection.
    QModelIndex index(int column = 0) const;

signals:
    // The selected row changed: another row, or none (-1).
    void changed(int row);

private:
    void update();

    QAbstractItemView *m_view;
    int m_row = -1;
    QPersistentModelIndex m_selected; // tells a row that moved from another one at the same row
};
