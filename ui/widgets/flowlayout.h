#pragma once

#include <QLayout>

class QHBoxLayout;

// Lays its items out left to right and wraps them onto the next line when the width runs out,
// as the filter bars need at 1024 px; on a line with room to spare the items that expand
// horizontally share it. An item may be a group (a label and its field) that never breaks
// apart; its widgets stay children of the layout's widget, so a label stays its field's
// sibling (the labelled-by relation of screen readers).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int horizontalSpacing = 10,
                        int verticalSpacing = 6);
    ~FlowLayout() override;

    // A group of widgets kept on one line, in this order; `grows` ones take the line's room.
    QHBoxLayout *addGroup(const QList<QWidget *> &widgets, const QList<QWidget *> &grows = {});

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};
