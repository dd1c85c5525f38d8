#pragma once

#include <QStyledItemDelegate>

// Paints a cell as a rounded coloured badge with its text when the model gives the cell an
// ItemRoles::BadgeColor; and as text over a thin bar when it gives ItemRoles::Progress (a
// voucher's balance). Other cells are painted as usual.
class BadgeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // A cell whose text is elided shows the whole text as its tooltip (unless the model gives
    // one of its own).
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};
