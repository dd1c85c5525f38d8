#include "ui/widgets/rowselection.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

RowSelection::RowSelection(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    QItemSelectionModel *selection = view->selectionModel();
    Q_ASSERT(selection); // the view has its model
    connect(selection, &QItemSelectionModel::selectionChanged, this, &RowSelection::update);
    // A reset clears the selection without a signal; rows removed may take the selected one.
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &RowSelection::update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RowSelection::update);
    connect(model, &QAbstractItemModel::layoutChanged, this, &RowSelection::update);
    update();
}

QModelIndex RowSelection::index(int column) const
{
    return m_row >= 0 ? m_view->model()->index(m_row, column) : QModelIndex();
}

void RowSelection::update()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex selected = rows.size() == 1 ? rows.first() : QModelIndex();
    if (selected.isValid()) {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        if (current.row() != selected.row()) {
            m_view->selectionModel()->setCurrentIndex(
                m_view->model()->index(selected.row(), std::max(current.column(), 0)),
                QItemSelectionModel::NoUpdate);
        }
    }
    const int row = selected.isValid() ? selected.row() : -1;
    if (row == m_row && QPersistentModelIndex(selected) == m_selected)
        return;
    m_row = row;
    m_selected = selected;
    emit changed(m_row);
}
