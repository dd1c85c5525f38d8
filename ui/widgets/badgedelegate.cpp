#include "ui/widgets/badgedelegate.h"

#include "ui/widgets/itemroles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant badge = index.data(ItemRoles::BadgeColor);
    const QVariant progress = index.data(ItemRoles::Progress);
    if (!badge.isValid() && !progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect.adjusted(4, 3, -4, -3);
    if (badge.isValid()) {
        const QColor color = badge.value<QColor>();
        const QFontMetrics metrics(opt.font);
        const int width = qMin(cell.width(), metrics.horizontalAdvance(text) + 22);
        const QRect pill(cell.left(), cell.top(), width, cell.height());
        QPainterPath path;
        path.addRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->fillPath(path, color.lighter(185));
        painter->setBrush(color);
        painter->setPen(Qt::NoPen);
        const int dot = 6;
        painter->drawEllipse(QRect(pill.left() + 6, pill.center().y() - dot / 2, dot, dot));
        painter->setPen(color.darker(130));
        painter->setFont(opt.font);
        painter->drawText(pill.adjusted(16, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          metrics.elidedText(text, Qt::ElideRight, pill.width() - 20));
    } else {
        const double fraction = qBound(0.0, progress.toDouble(), 1.0);
        const QRect bar(cell.left(), cell.bottom() - 3, cell.width(), 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe5, 0xe7, 0xeb));
        painter->drawRoundedRect(bar, 2, 2);
        painter->setBrush(QColor(0x0f, 0x76, 0x6e));
        painter->drawRoundedRect(
            QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()), 2, 2);
        painter->setPen(opt.palette.color(
            option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(cell.adjusted(0, 0, 0, -5), int(opt.displayAlignment), text);
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ItemRoles::BadgeColor).isValid())
        size.rwidth() += 24;
    size.setHeight(qMax(size.height(), 26));
    return size;
}

bool BadgeDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                              const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid() &&
        index.data(Qt::ToolTipRole).toString().isEmpty()) {
        QStyleOptionViewItem cell = option;
        initStyleOption(&cell, index);
        const QStyle *style = view->style();
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &cell, view);
        const QString text = cell.text;
        if (!text.isEmpty() && cell.fontMetrics.horizontalAdvance(text) > textRect.width()) {
            QToolTip::showText(event->globalPos(), text, view->viewport(), option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
