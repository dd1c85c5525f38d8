#include "ui/mainwindow.h"

#include "core/commands/session.h"
#include "core/domain/role.h"
#include "core/store/externalwritewatcher.h"
#include "core/sync/synccontroller.h"
#include "ui/admin/setquotadialog.h"
#include "ui/customers/customerspage.h"
#include "ui/customers/customertablemodel.h"
#include "ui/help/shortcutsdialog.h"
#include "ui/help/userguidedialog.h"
#include "ui/quotaheader.h"
#include "ui/review/reviewqueuewindow.h"
#include "ui/sync/syncstatuswidget.h"
#include "ui/templates/templatespage.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/vouchers/voucherlistpage.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
constexpr int PageRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(Session &session, const QString &workspaceDescription, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_navigation(new QTreeWidget)
    , m_stack(new QStackedWidget)
    , m_title(new QLabel)
    , m_quota(new QuotaHeader(session))
    , m_who(new QLabel)
{
    const auto partner = session.partner();
    setWindowTitle(partner ? tr("VoucherDesk — %1").arg(partner->name)
                           : tr("VoucherDesk — %1").arg(session.user().displayName));
    setWindowIcon(Icons::application());

    m_navigation->setHeaderLabel(tr("Partner Center"));
    m_navigation->setAccessibleName(tr("Navigation"));
    // One level: the group headings are rows of their own. In a tree Qt 6.4's accessible cell
    // toggles the row of its index within the parent ("Vendor Voucher List", second of its group,
    // selected "Customers"), so a screen reader's action picked the wrong page.
    m_navigation->setRootIsDecorated(false);
    m_navigation->setIndentation(0);
    m_navigation->setMinimumWidth(200);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *header = new QWidget;
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(8, 6, 8, 6);
    headerLayout->addWidget(m_title, 1);
    headerLayout->addWidget(m_quota);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(header);
    rightLayout->addWidget(m_stack, 1);

    auto *splitter = new QSplitter;
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_navigation);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({210, 1070});
    setCentralWidget(splitter);

    if (session.actor().isPartnerManager()) {
        addHeading(tr("Customer Business"));
        addPage(new CustomersPage(session), u"customers"_s);
        addHeading(tr("Voucher Management"));
        addPage(new TemplatesPage(session), u"template"_s);
        addPage(new VoucherListPage(session), u"voucher"_s);
    } else {
        addHeading(tr("Voucher Management"));
        addPage(new VoucherListPage(session), u"voucher"_s);
    }
    connect(m_navigation, &QTreeWidget::currentItemChanged, this, &MainWindow::onNavigationChanged);
    // A screen reader selects an item (its action, Selection.selectChild) without making it
    // current: the selected page is shown all the same.
    connect(m_navigation, &QTreeWidget::itemSelectionChanged, this, [this] {
        for (QTreeWidgetItem *item : m_navigation->selectedItems()) {
            if (item != m_navigation->currentItem() && item->data(0, PageRole).isValid()) {
                m_navigation->setCurrentItem(item);
                return;
            }
        }
    });

    createMenus();

    m_who->setText(
        tr("%1 (%2) · %3")
            .arg(session.user().login, roleDisplayName(session.user().role), workspaceDescription));
    //: The status bar's account label read by a screen reader; %1 is what it shows.
    m_who->setAccessibleName(tr("Signed in as %1").arg(m_who->text()));
    statusBar()->addPermanentWidget(m_who);

    showPage(Page::Id::VoucherList);
    resize(1280, 800);
    watchExternalWrites();
}

// Another VoucherDesk on the same local workspace file (a second window, another user at the
// same machine) commits without this one hearing of it: what it changed is read again.
void MainWindow::watchExternalWrites()
{
    if (m_session.isReplica())
        return; // a server workspace hears of changes through its sync
    m_externalWrites =
        new ExternalWriteWatcher(m_session.db(), ExternalWriteWatcher::DefaultIntervalMs, this);
    connect(m_externalWrites, &ExternalWriteWatcher::changed, this, [this] {
        m_session.notifyChanged(Session::Change::Templates | Session::Change::Customers |
                                Session::Change::Applications | Session::Change::Vouchers |
                                Session::Change::Partner);
    });
    m_externalWrites->start();
}

void MainWindow::addHeading(const QString &title)
{
    auto *heading = new QTreeWidgetItem(m_navigation, {title});
    heading->setFlags(Qt::ItemIsEnabled); // not a page: never selected
    QFont bold = m_navigation->font();
    bold.setBold(true);
    heading->setFont(0, bold);
}

void MainWindow::addPage(Page *page, const QString &iconName)
{
    auto *item = new QTreeWidgetItem(m_navigation, {page->title()});
    item->setIcon(0, Icons::get(iconName));
    item->setData(0, PageRole, int(page->id()));
    m_stack->addWidget(page);
    m_pages.append(page);
    m_items.insert(page, item);
    connect(page, &Page::showPageRequested, this, &MainWindow::showPage);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *preferences = file->addAction(Icons::get(u"preferences"_s), tr("&Preferences…"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::preferencesRequested);
    QAction *signOut = file->addAction(Icons::get(u"signout"_s), tr("&Sign Out"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(Icons::get(u"search"_s), tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (Page *page = currentPage())
            page->focusSearch();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    int number = 1;
    for (Page *page : std::as_const(m_pages)) {
        QAction *show = view->addAction(m_items.value(page)->icon(0), page->title());
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)));
        connect(show, &QAction::triggered, this, [this, page] { showPage(page->id()); });
    }
    view->addSeparator();
    QAction *refresh = view->addAction(Icons::get(u"refresh"_s), tr("&Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (Page *page = currentPage())
            page->refresh();
        m_quota->refresh();
    });

    // A menu per page, so every item keeps a mnemonic of its own.
    for (Page *page : std::as_const(m_pages)) {
        const QList<QAction *> actions = page->menuActions();
        if (actions.isEmpty())
            continue;
        QMenu *menu = menuBar()->addMenu(menuTitle(page->id()));
        for (QAction *action : actions) {
            menu->addAction(action);
            // After the action ran, its page comes to the front: what it opened (or changed)
            // belongs to the page the user then sees.
            connect(action, &QAction::triggered, this, [this, page] { showPage(page->id()); });
        }
    }

    createVendorMenus();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(Icons::get(u"info"_s), tr("&User Guide"));
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, this, [this] {
        auto *dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, [this] {
        QList<QMainWindow *> windows{this};
        if (m_reviewQueue)
            windows.append(m_reviewQueue);
        auto *dialog = new ShortcutsDialog(windows, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    help->addSeparator();
    QAction *about = help->addAction(Icons::get(u"info"_s), tr("&About VoucherDesk"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createVendorMenus()
{
    const Actor actor = m_session.actor();
    if (actor.isPartnerManager())
        return;
    QMenu *review = menuBar()->addMenu(tr("&Review"));
    QAction *queue = review->addAction(Icons::get(u"view"_s), tr("Review &Queue…"));
    queue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(queue, &QAction::triggered, this, &MainWindow::openReviewQueue);
    if (!actor.isAdmin())
        return;
    QMenu *admin = menuBar()->addMenu(tr("&Admin"));
    QAction *quota = admin->addAction(tr("Set Partner &Quota…"));
    connect(quota, &QAction::triggered, this, &MainWindow::openSetQuota);
}

ReviewQueueWindow *MainWindow::openReviewQueue()
{
    if (!m_reviewQueue) {
        // Top-level, so it sits beside the main window; it goes when this window goes, before
        // the session it works on.
        m_reviewQueue = new ReviewQueueWindow(m_session);
        m_reviewQueue->setAttribute(Qt::WA_DeleteOnClose);
        ReviewQueueWindow *window = m_reviewQueue;
        connect(this, &QObject::destroyed, window, [window] { delete window; });
    }
    m_reviewQueue->show();
    m_reviewQueue->raise();
    m_reviewQueue->activateWindow();
    return m_reviewQueue;
}

void MainWindow::openSetQuota()
{
    auto *dialog = new SetQuotaDialog(m_session, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { statusBar()->showMessage(dialog->resultMessage(), 8000); });
    dialog->open();
}

void MainWindow::setSync(SyncController *sync)
{
    if (!sync || m_sync)
        return;
    m_sync = sync;
    if (m_externalWrites)
        m_externalWrites->stop(); // the sync announces what it writes
    m_who->setText(tr("%1 (%2) · %3")
                       .arg(m_session.user().login, roleDisplayName(m_session.user().role),
                            tr("Server %1").arg(sync->server().toDisplayString())));
    m_who->setAccessibleName(tr("Signed in as %1").arg(m_who->text()));
    m_syncStatus = new SyncStatusWidget(*sync);
    statusBar()->addPermanentWidget(m_syncStatus);
    createSyncMenu();
    m_pending = sync->status().pending;
    connect(sync, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
        // One command leaving as another comes keeps the count: the rows differ all the same.
        if (status.pending == m_pending && status.pending == 0)
            return;
        m_pending = status.pending;
        refreshPendingMarkers();
    });
}

void MainWindow::createSyncMenu()
{
    auto *sync = new QMenu(tr("&Sync"), this);
    QAction *now = sync->addAction(Icons::get(u"refresh"_s), tr("Sync &Now"));
    now->setShortcut(QKeySequence(Qt::Key_F9));
    now->setToolTip(tr("Send the waiting changes and receive the server's changes now (%1)")
                        .arg(now->shortcut().toString(QKeySequence::NativeText)));
    connect(now, &QAction::triggered, m_sync, &SyncController::syncNow);
    QAction *problems = sync->addAction(Icons::get(u"warning"_s), tr("Sync &Problems…"));
    problems->setToolTip(tr("The changes the server refused, and why"));
    connect(problems, &QAction::triggered, m_syncStatus, &SyncStatusWidget::openProblems);
    // Before Help, as in the menu bar of UI.md.
    QAction *before = nullptr;
    for (QAction *menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&Help"))
            before = menu;
    }
    menuBar()->insertMenu(before, sync);
}

// A command the server accepted as it was leaves the outbox without changing a row, so no page
// need reload for it: the lists read their markers again, keeping rows, scroll and selection.
void MainWindow::refreshPendingMarkers()
{
    for (auto *model : findChildren<TemplateTableModel *>())
        model->refreshPending();
    for (auto *model : findChildren<CustomerTableModel *>())
        model->refreshPending();
    for (auto *model : findChildren<VoucherListModel *>())
        model->refreshPending();
}

QString MainWindow::menuTitle(Page::Id id)
{
    switch (id) {
    case Page::Id::Customers:
        return tr("&Customers");
    case Page::Id::Templates:
        return tr("&Templates");
    case Page::Id::VoucherList:
        break;
    }
    return tr("V&ouchers");
}

void MainWindow::showPage(Page::Id id, const QUuid &itemId)
{
    Page *target = page(id);
    if (!target)
        return;
    m_navigation->setCurrentItem(m_items.value(target));
    m_stack->setCurrentWidget(target);
    m_title->setText(target->title());
    // The page is up to date: whatever asked for it announced its change through the session.
    if (!itemId.isNull())
        target->showItem(itemId);
}

Page *MainWindow::page(Page::Id id) const
{
    for (Page *candidate : m_pages) {
        if (candidate->id() == id)
            return candidate;
    }
    return nullptr;
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

void MainWindow::onNavigationChanged()
{
    const QTreeWidgetItem *item = m_navigation->currentItem();
    if (!item || !item->data(0, PageRole).isValid())
        return;
    showPage(Page::Id(item->data(0, PageRole).toInt()));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    if (const QByteArray geometry = settings.value(u"geometry"_s).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (auto *splitter = findChild<QSplitter *>(u"mainSplitter"_s))
        splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    const QVariant current = settings.value(u"page"_s);
    settings.endGroup();
    for (Page *page : std::as_const(m_pages))
        page->restoreState(settings);
    if (current.isValid())
        showPage(Page::Id(current.toInt()));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    if (auto *splitter = findChild<QSplitter *>(u"mainSplitter"_s))
        settings.setValue(u"splitter"_s, splitter->saveState());
    if (const Page *page = currentPage())
        settings.setValue(u"page"_s, int(page->id()));
    settings.endGroup();
    for (const Page *page : m_pages)
        page->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_reviewQueue)
        m_reviewQueue->close();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About VoucherDesk"),
                       tr("<h3>VoucherDesk %1</h3><p>A desktop workbench for the vendor-voucher "
                          "programme of the Tencent Cloud Partner Center: voucher templates, "
                          "applications, review and the vouchers' use.</p>")
                           .arg(QApplication::applicationVersion()));
}
