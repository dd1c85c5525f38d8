// Help › Keyboard Shortcuts lists every key of the window, read from its actions, and the User
// Guide opens from Help.

#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/help/shortcutsdialog.h"
#include "ui/help/userguidedialog.h"
#include "ui/mainwindow.h"
#include "ui/review/reviewqueuewindow.h"

#include <QAction>
#include <QMenuBar>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
QAction *menuAction(QMainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

QStringList listed(const QList<QMainWindow *> &windows)
{
    QStringList rows;
    for (const ShortcutsDialog::Entry &entry : ShortcutsDialog::entriesOf(windows))
        rows.append(entry.action + u" = "_s + entry.key);
    return rows;
}
} // namespace

class TestShortcutsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void everyShortcutOfTheWindowIsListed()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList rows = listed({&window});
        for (const QString &expected :
             {u"Find = Ctrl+F"_s, u"Customers = Ctrl+1"_s, u"Vendor Voucher List = Ctrl+3"_s,
              u"Refresh = F5"_s, u"Create Template = Ctrl+N"_s, u"Export CSV = Ctrl+Shift+S"_s,
              u"Edit = Ctrl+E"_s, u"User Guide = F1"_s})
            QVERIFY2(rows.contains(expected), qPrintable(rows.join(u'\n')));
        // Every action of the window with a key, and each once.
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut().isEmpty() || action->text().isEmpty())
                continue;
            const QString key = action->shortcut().toString(QKeySequence::NativeText);
            const bool found = std::any_of(rows.begin(), rows.end(), [&](const QString &row) {
                return row.endsWith(u" = "_s + key);
            });
            QVERIFY2(found, qPrintable(action->text() + u" " + key));
        }
        QCOMPARE(rows.size(), QSet<QString>(rows.begin(), rows.end()).size());
        // One key, one meaning: Ctrl+E was Edit on one page and Export on another.
        QHash<QString, QString> meaning;
        for (const ShortcutsDialog::Entry &entry : ShortcutsDialog::entriesOf({&window})) {
            for (const QString &key : entry.key.split(u", "_s)) {
                QVERIFY2(
                    !meaning.contains(key) || meaning.value(key) == entry.action,
                    qPrintable(key + u": "_s + meaning.value(key) + u" and "_s + entry.action));
                meaning.insert(key, entry.action);
            }
        }

        // From the actions: a changed key is listed as it is now.
        QAction *find = menuAction(window, u"&Find"_s);
        QVERIFY(find);
        find->setShortcut(QKeySequence(u"Ctrl+Shift+F"_s));
        QVERIFY(listed({&window}).contains(u"Find = Ctrl+Shift+F"_s));

        // The Help menu opens it, grouped by menu.
        QAction *open = menuAction(window, u"&Keyboard Shortcuts"_s);
        QVERIFY(open);
        open->trigger();
        auto *dialog = waitForVisibleChild<ShortcutsDialog>(&window);
        QVERIFY(dialog);
        auto *tree = requireChild<QTreeWidget>(dialog, u"shortcuts"_s);
        QStringList groups;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            groups.append(tree->topLevelItem(i)->text(0));
        for (const QString &menu : {u"Edit"_s, u"View"_s, u"Templates"_s, u"Help"_s})
            QVERIFY2(groups.contains(window.windowTitle() + u" › "_s + menu),
                     qPrintable(groups.join(u", "_s)));
        dialog->close();
    }

    void theReviewQueueListsItsLetters()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.reviewer);
        ReviewQueueWindow queue(*session);
        const QStringList rows = listed({&queue});
        for (const QString &expected : {u"Next Application = J"_s, u"Previous Application = K"_s,
                                        u"Approve = A"_s, u"Reject = R"_s, u"Refresh = F5"_s})
            QVERIFY2(rows.contains(expected), qPrintable(rows.join(u'\n')));
        QVERIFY(menuAction(queue, u"&Keyboard Shortcuts"_s));
    }

    void userGuideOpensFromHelp()
    {
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        QAction *open = menuAction(window, u"&User Guide"_s);
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::HelpContents));
        window.show();
        open->trigger();
        auto *guide = waitForVisibleChild<UserGuideDialog>(&window);
        QVERIFY(guide);
        const QString text = requireChild<QTextBrowser>(guide, u"guide"_s)->toPlainText();
        for (const QString &topic : {u"Voucher templates"_s, u"Review Queue"_s,
                                     u"Pay with voucher"_s, u"Keyboard Shortcuts"_s})
            QVERIFY2(text.contains(topic), qPrintable(topic));
    }
};

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
