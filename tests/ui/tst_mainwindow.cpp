#include "core/commands/commandcontext.h"
#include "core/commands/reviewcommands.h"
#include "core/store/database.h"
#include "tests/support/testworkspace.h"
#include "ui/mainwindow.h"
#include "ui/page.h"
#include "ui/quotaheader.h"
#include "ui/vouchers/voucherlistmodel.h"

#include <QAccessible>
#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
        QSettings().clear();
    }

    void partnerManagerSeesThePartnerCenterPages()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.pages().size(), 3);
        QVERIFY(window.windowTitle().contains(u"Demo Partner A"_s));
        QCOMPARE(window.currentPage()->id(), Page::Id::VoucherList);

        // Ctrl+1 .. Ctrl+3 reach every page from the keyboard, in navigation order.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->id(), Page::Id::Customers);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->id(), Page::Id::Templates);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage()->id(), Page::Id::VoucherList);

        // The navigation tree drives the pages too.
        auto *tree = window.findChild<QTreeWidget *>();
        QVERIFY(tree);
        const auto items = tree->findItems(window.page(Page::Id::Customers)->title(),
                                           Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(items.size(), 1);
        tree->setCurrentItem(items.first());
        QCOMPARE(window.currentPage()->id(), Page::Id::Customers);

        // And a screen reader: it selects a row (Table.addRowSelection) or toggles a cell without
        // making it current. Headings are rows of their own that select nothing.
        QAccessibleInterface *navigation = QAccessible::queryAccessibleInterface(tree);
        QVERIFY(navigation && navigation->tableInterface());
        QAccessibleTableInterface *rows = navigation->tableInterface();
        QCOMPARE(rows->rowCount(), 5);
        QCOMPARE(rows->cellAt(4, 0)->text(QAccessible::Name), u"Vendor Voucher List"_s);
        QVERIFY(rows->selectRow(4));
        QCOMPARE(window.currentPage()->id(), Page::Id::VoucherList);
        QVERIFY(rows->selectRow(3));
        QCOMPARE(window.currentPage()->id(), Page::Id::Templates);
        rows->selectRow(2); // "Voucher Management"
        QCOMPARE(window.currentPage()->id(), Page::Id::Templates);
        QAccessibleInterface *listCell = rows->cellAt(4, 0);
        QVERIFY(listCell->actionInterface());
        listCell->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        QCOMPARE(window.currentPage()->id(), Page::Id::VoucherList);

        const QString status = window.statusBar()->findChild<QLabel *>()->text();
        QVERIFY2(status.contains(u"manager.a"_s) && status.contains(u"test.db"_s),
                 qPrintable(status));
    }

    void vendorRolesSeeOnlyTheVoucherList()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.reviewer);
        MainWindow window(*session, u"Local workspace test.db"_s);
        QCOMPARE(window.pages().size(), 1);
        QCOMPARE(window.currentPage()->id(), Page::Id::VoucherList);
        QVERIFY(!window.quotaHeader()->isVisibleTo(&window));
    }

    void quotaHeaderFollowsApprovals()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        const QString before = window.quotaHeader()->summaryText();
        QVERIFY2(before.contains(u"¥1,000,000.00"_s) && before.contains(u"¥0.00"_s),
                 qPrintable(before));

        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s, VoucherKind::Specific, 250000);
        ws.approve(ws.submit(tmpl.id));
        session->notifyChanged(Session::Change::Applications);
        const QString after = window.quotaHeader()->summaryText();
        QVERIFY2(after.contains(u"issued ¥2,500.00"_s) && after.contains(u"left ¥997,500.00"_s),
                 qPrintable(after));
    }

    // Another process (a second window) approves on the same file: this window reads it again
    // by itself, without F5.
    void writesOfAnotherProcessAreShown()
    {
        TestWorkspace ws;
        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s, VoucherKind::Specific, 250000);
        const QUuid applicationId = ws.submit(tmpl.id);
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<VoucherListModel *>();
        QVERIFY(list);
        const auto phase = [list, &applicationId] {
            return list->rowAt(list->rowOf(applicationId)).phase;
        };
        QCOMPARE(phase(), VoucherListRow::Phase::PendingReview);

        QString error;
        auto other = Database::open(ws.db().location(), &error);
        QVERIFY2(other, qPrintable(error));
        CommandContext otherContext(*other, ws.reviewer);
        QVERIFY(ReviewCommands(otherContext).approve(applicationId).ok());

        QTRY_COMPARE_WITH_TIMEOUT(phase(), VoucherListRow::Phase::Issued, 5000);
        QTRY_VERIFY(window.quotaHeader()->summaryText().contains(u"issued ¥2,500.00"_s));
    }

    // 1024×700 is usable: no page asks for more (the window could not be narrower than 1177 px),
    // and what does not fit scrolls or wraps instead of being cut.
    void fitsA1024By700Screen()
    {
        TestWorkspace ws;
        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s);
        ws.approve(ws.submit(tmpl.id));
        for (const Actor *actor : {&ws.managerA, &ws.reviewer}) {
            auto session = ws.session(*actor);
            MainWindow window(*session, u"Local workspace test.db"_s);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            for (Page *page : window.pages()) {
                window.showPage(page->id());
                const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
                QStringList wide;
                for (QWidget *child : window.findChildren<QWidget *>()) {
                    if (child->minimumSizeHint().width() > 300)
                        wide.append(u"%1#%2 %3"_s
                                        .arg(QString::fromLatin1(child->metaObject()->className()),
                                             child->objectName())
                                        .arg(child->minimumSizeHint().width()));
                }
                QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
                         qPrintable(u"%1: %2×%3; %4"_s.arg(page->title())
                                        .arg(minimum.width())
                                        .arg(minimum.height())
                                        .arg(wide.join(u", "_s))));
                window.resize(1024, 700);
                QTRY_COMPARE(window.size(), QSize(1024, 700));
            }
        }
    }

    void aPageCanAskForAnotherPage()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        window.showPage(Page::Id::Templates);
        emit window.page(Page::Id::Templates)->showPageRequested(Page::Id::Customers, {});
        QCOMPARE(window.currentPage()->id(), Page::Id::Customers);
    }

    void layoutIsRemembered()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        {
            MainWindow window(*session, u"Local workspace test.db"_s);
            window.resize(1111, 777);
            window.showPage(Page::Id::Templates);
            window.close(); // saves the layout
        }
        MainWindow again(*session, u"Local workspace test.db"_s);
        again.restoreLayout();
        QCOMPARE(again.currentPage()->id(), Page::Id::Templates);
        QCOMPARE(again.size(), QSize(1111, 777));
    }

    void menusOfferSignOutAndPreferences()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        QSignalSpy signOut(&window, &MainWindow::signOutRequested);
        QSignalSpy preferences(&window, &MainWindow::preferencesRequested);
        const QList<QAction *> actions = window.menuBar()->actions().first()->menu()->actions();
        for (QAction *action : actions) {
            if (action->text() == u"&Sign Out"_s)
                action->trigger();
            if (action->text() == u"&Preferences…"_s)
                action->trigger();
        }
        QCOMPARE(signOut.size(), 1);
        QCOMPARE(preferences.size(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
