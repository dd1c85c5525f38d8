#pragma once

#include "ui/page.h"

#include <QMainWindow>
#include <QPointer>

class ExternalWriteWatcher;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QuotaHeader;
class ReviewQueueWindow;
class Session;
class SyncController;
class SyncStatusWidget;

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

    // A server workspace's sync (nullptr for a local workspace; call once): its state in the
    // status bar and a Sync menu. `sync` outlives the window.
    void setSync(SyncController *sync);
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }

    void restoreLayout();
    void saveLayout() const;

    // The vendor's tools (reviewers and admins): the review queue in a top-level window of its
    // own, opened once and raised afterwards; an admin's quota dialog, opened non-blocking.
    ReviewQueueWindow *openReviewQueue();
    void openSetQuota();

signals:
    void signOutRequested();
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void watchExternalWrites();
    void addHeading(const QString &title);
    void addPage(Page *page, const QString &iconName);
    void createMenus();
    void createVendorMenus();
    static QString menuTitle(Page::Id id);
    void onNavigationChanged();
    void showAbout();
    void createSyncMenu();
    void refreshPendingMarkers();

    Session &m_session;
    QTreeWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QuotaHeader *m_quota;
    QList<Page *> m_pages;
    QHash<Page *, QTreeWidgetItem *> m_items;
    QLabel *m_who;
    SyncController *m_sync = nullptr;
    ExternalWriteWatcher *m_externalWrites = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    int m_pending = 0; // the outbox's size the lists' pending markers were last read at
    QPointer<ReviewQueueWindow> m_reviewQueue;
};
