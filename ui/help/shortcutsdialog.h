#pragma once

#include <QDialog>

class QMainWindow;
class QTreeWidget;

// Help › Keyboard Shortcuts: every shortcut of the given windows, read from their actions (menus
// first, then the actions their pages and panels add), so the list cannot drift from what the
// keys do. Grouped by window and menu; a row is the action's text and its key in this
// platform's spelling.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QMainWindow *> &windows, QWidget *parent = nullptr);

    // Every (group, action text, key) the dialog lists, in order.
    struct Entry
    {
        QString group;
        QString action;
        QString key;
    };
    static QList<Entry> entriesOf(const QList<QMainWindow *> &windows);

private:
    QTreeWidget *m_list;
};
