#pragma once

#include <QTableView>

class TemplateTableModel;
struct VoucherTemplate;

// The templates table: whole rows selected one at a time, the state as a badge, and the page's
// actions in its context menu. Tab leaves it; Return and double-click activate the row.
class TemplateTableView : public QTableView
{
    Q_OBJECT

public:
    explicit TemplateTableView(TemplateTableModel *model, QWidget *parent = nullptr);

    // The context menu's actions in order; a null entry is a separator.
    void setContextActions(const QList<QAction *> &actions);
    // Null while nothing is selected.
    const VoucherTemplate *selectedTemplate() const;
    void selectAndReveal(int row);

private:
    TemplateTableModel *m_model;
    QList<QAction *> m_contextActions;
};
