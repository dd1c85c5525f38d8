#include "ui/help/shortcutsdialog.h"

#include "ui/widgets/mnemonicnames.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(u", "_s);
}

QString textOf(const QAction *action)
{
    return MnemonicNames::spoken(action->text()).remove(u'…').trimmed();
}
} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entriesOf(const QList<QMainWindow *> &windows)
{
    QList<Entry> entries;
    for (QMainWindow *window : windows) {
        QSet<const QAction *> listed;
        const QString windowTitle = window->windowTitle();
        for (QAction *menuAction : window->menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            if (!menu)
                continue;
            const QString group = tr("%1 › %2").arg(windowTitle, textOf(menuAction));
            for (QAction *action : menu->actions()) {
                if (QMenu *sub = action->menu()) {
                    for (QAction *inner : sub->actions()) {
                        if (!inner->shortcut().isEmpty() && !listed.contains(inner)) {
                            listed.insert(inner);
                            entries.append({group, textOf(inner), keysOf(inner)});
                        }
                    }
                }
                if (action->shortcut().isEmpty() || listed.contains(action))
                    continue;
                listed.insert(action);
                entries.append({group, textOf(action), keysOf(action)});
            }
        }
        // Keys that live on a page or panel only (a toolbar's, a table's).
        const QString elsewhere = tr("%1 › On the page").arg(windowTitle);
        for (QAction *action : window->findChildren<QAction *>()) {
            if (action->shortcut().isEmpty() || listed.contains(action) || action->menu() ||
                action->text().isEmpty())
                continue;
            listed.insert(action);
            entries.append({elsewhere, textOf(action), keysOf(action)});
        }
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QList<QMainWindow *> &windows, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setObjectName(u"shortcuts"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    QTreeWidgetItem *group = nullptr;
    for (const Entry &entry : entriesOf(windows)) {
        if (!group || group->text(0) != entry.group) {
            group = new QTreeWidgetItem(m_list, {entry.group});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(group, {entry.action, entry.key});
    }
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 620);
}
