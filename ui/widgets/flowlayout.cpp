#include "ui/widgets/flowlayout.h"

#include <QHBoxLayout>
#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

QHBoxLayout *FlowLayout::addGroup(const QList<QWidget *> &widgets, const QList<QWidget *> &grows)
{
    auto *group = new QHBoxLayout;
    group->setContentsMargins(0, 0, 0, 0);
    group->setSpacing(4);
    addChildLayout(group);
    for (QWidget *widget : widgets)
        group->addWidget(widget, grows.contains(widget) ? 1 : 0);
    addItem(group);
    return group;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    invalidate();
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // The widest item alone on its line.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width > 0 ? m_horizontalSpacing : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

// Fills lines with the items at their preferred widths (shrunk to the line when one alone is
// wider), then gives each line's spare room to its expanding items. Returns the height used.
int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QMargins margins = contentsMargins();
    const QRect area = rect.marginsRemoved(margins);
    const int available = std::max(area.width(), 1);
    int y = area.y();
    QList<QLayoutItem *> line;
    int lineWidth = 0;

    const auto place = [&](const QList<QLayoutItem *> &items, int used) {
        int height = 0;
        int expanding = 0;
        for (const QLayoutItem *item : items) {
            height = std::max(height, item->sizeHint().height());
            if (item->expandingDirections() & Qt::Horizontal)
                ++expanding;
        }
        if (apply) {
            int spare = std::max(available - used, 0);
            int x = area.x();
            for (QLayoutItem *item : items) {
                int width = std::min(item->sizeHint().width(), available);
                width = std::max(width, std::min(item->minimumSize().width(), available));
                if (expanding > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                    const int share = spare / expanding--;
                    width += share;
                    spare -= share;
                }
                item->setGeometry(QRect(x, y, width, height));
                x += width + m_horizontalSpacing;
            }
        }
        y += height + m_verticalSpacing;
    };

    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int width = std::min(item->sizeHint().width(), available);
        const int needed = line.isEmpty() ? width : lineWidth + m_horizontalSpacing + width;
        if (!line.isEmpty() && needed > available) {
            place(line, lineWidth);
            line.clear();
            lineWidth = width;
        } else {
            lineWidth = needed;
        }
        line.append(item);
    }
    if (!line.isEmpty())
        place(line, lineWidth);
    const int used = y - area.y() - (y > area.y() ? m_verticalSpacing : 0);
    return used + margins.top() + margins.bottom();
}
