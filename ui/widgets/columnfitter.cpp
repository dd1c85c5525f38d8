#include "ui/widgets/columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

ColumnFitter::ColumnFitter(QTableView *view, QList<std::pair<int, int>> columns)
    : QObject(view)
    , m_view(view)
    , m_columns(std::move(columns))
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    for (const auto &[column, minimum] : std::as_const(m_columns)) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        view->setColumnWidth(column, minimum);
    }
    // The view's own resize, not its viewport's: the viewport gets events while the view is
    // being destroyed. The fit runs once the viewport has its new size.
    view->installEventFilter(this);
}

void ColumnFitter::fit()
{
    const QHeaderView *header = m_view->horizontalHeader();
    int fixed = 0;
    int minimums = 0;
    QList<std::pair<int, int>> shown;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const auto growing = std::find_if(m_columns.cbegin(), m_columns.cend(),
                                          [column](const auto &c) { return c.first == column; });
        if (growing == m_columns.cend()) {
            fixed += header->sectionSize(column);
        } else {
            minimums += growing->second;
            shown.append(*growing);
        }
    }
    if (shown.isEmpty())
        return;
    int spare = std::max(0, m_view->viewport()->width() - fixed - minimums);
    int left = int(shown.size());
    for (const auto &[column, minimum] : std::as_const(shown)) {
        const int share = spare / left--;
        spare -= share;
        m_view->setColumnWidth(column, minimum + share);
    }
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        QMetaObject::invokeMethod(this, &ColumnFitter::fit, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}
