#pragma once

#include "page.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QuotaHeader;
class Session;

// The Partner Center shell: the navigation tree, the quota pool header, the pages, menus and the
// status bar. Each page owns its own behaviour; the window only switches between them and
// remembers the layout.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `workspaceDescription` is what the status bar says of the workspace ("Local workspace …").
    MainWindow(Session &session, const QString &workspaceDescription, QWidget *parent = nullptr);

    void showPage(Page::Id id, const QUuid &itemId = {});
    Page *page(Page::Id id) const;
    Page *currentPage() const;
    QList<Page *> pages() const { return m_pages; }
    QuotaHeader *quotaHeader() const { return m_quota; }

    void restoreLayout();
    void saveLayout() const;

signals:
    void signOutRequested();
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page *page, QTreeWidgetItem *group, const QString &iconName);
    void createMenus();
    static QString menuTitle(Page::Id id);
    void onNavigationChanged();
    void showAbout();

    Session &m_session;
    QTreeWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QuotaHeader *m_quota;
    QList<Page *> m_pages;
    QHash<Page *, QTreeWidgetItem *> m_items;
};
