#pragma once

#include <QList>
#include <QObject>

class QAction;
class QWidget;
struct VoucherTemplate;

// The templates page's actions: create, and view, edit, duplicate, delete and apply on the
// selected template, with their icons, shortcuts and tooltips. Enabled for what the selection
// and the signed-in actor allow; a locked template's actions say why they are off.
class TemplateActions : public QObject
{
    Q_OBJECT

public:
    // The actions belong to `page`, which gets each shortcut but Delete's (see deleteAction()).
    TemplateActions(bool manager, QWidget *page);

    // `selected` is null while nothing is selected.
    void update(const VoucherTemplate *selected);
    // In the order of the menus.
    QList<QAction *> all() const;

    QAction *createAction() const { return m_create; }
    QAction *viewAction() const { return m_view; }
    QAction *editAction() const { return m_edit; }
    QAction *duplicateAction() const { return m_duplicate; }
    // Its Delete key belongs to the table only, not to the filter fields: add it there.
    QAction *deleteAction() const { return m_delete; }
    QAction *applyAction() const { return m_apply; }
    QAction *refreshAction() const { return m_refresh; }

private:
    QAction *make(const QString &icon, const QString &text, const QString &name);
    static void setTip(QAction *action, const QString &tip);

    QWidget *m_page;
    bool m_manager;
    QAction *m_create;
    QAction *m_view;
    QAction *m_edit;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_apply;
    QAction *m_refresh;
};
