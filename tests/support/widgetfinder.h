#pragma once

// Finding and driving widgets in the widget suites as a user or a screen reader does: by
// accessible name, by typing into a field, by clicking a row. For the ui suites only: they link
// vdui (FieldMessage) and Qt Widgets.

#include "ui/widgets/fieldmessage.h"

#include <QAbstractItemView>
#include <QTest>
#include <QWidget>

// The first widget of type T under `root` with this accessible name, shown or not (a page's
// table hides behind its empty state, a wizard's other pages are hidden); null when none.
template<typename T = QWidget>
T *findByAccessibleName(const QWidget *root, const QString &accessibleName)
{
    for (T *widget : root->findChildren<T *>()) {
        if (widget->accessibleName() == accessibleName)
            return widget;
    }
    return nullptr;
}

// As findByAccessibleName(), for a widget the suite cannot go on without.
template<typename T = QWidget>
T *requireByAccessibleName(const QWidget *root, const QString &accessibleName)
{
    T *widget = findByAccessibleName<T>(root, accessibleName);
    if (!widget)
        qFatal("no widget named %s", qPrintable(accessibleName));
    return widget;
}

// The one visible widget of type T under `root` with this accessible name; null when there is
// none, or more than one (which a screen reader user could not tell apart).
template<typename T = QWidget>
T *findVisibleByAccessibleName(const QWidget *root, const QString &accessibleName)
{
    T *found = nullptr;
    for (T *widget : root->findChildren<T *>()) {
        if (widget->isVisible() && widget->accessibleName() == accessibleName) {
            if (found) {
                qWarning("two visible widgets named %s", qPrintable(accessibleName));
                return nullptr;
            }
            found = widget;
        }
    }
    return found;
}

// The one visible widget of type T under `root` (an empty state's button); null when there is
// none, or more than one.
template<typename T>
T *findVisible(const QWidget *root)
{
    T *found = nullptr;
    for (T *widget : root->findChildren<T *>()) {
        if (widget->isVisible()) {
            if (found)
                return nullptr;
            found = widget;
        }
    }
    return found;
}

// The child of `root` with this object name, for one the suite cannot go on without.
template<typename T>
T *requireChild(const QObject *root, const QString &objectName)
{
    T *child = root->findChild<T *>(objectName);
    if (!child)
        qFatal("no child %s", qPrintable(objectName));
    return child;
}

// The message shown below `field`; null when it has none.
inline FieldMessage *messageOf(const QWidget *root, const QWidget *field)
{
    for (FieldMessage *message : root->findChildren<FieldMessage *>()) {
        if (message->field() == field)
            return message;
    }
    return nullptr;
}

// Replaces the text of `field` as a user does: into it, select all, delete, type.
inline void typeInto(QWidget *field, const QString &text)
{
    QVERIFY(field);
    field->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
}

// Clicks the cell of `row` in `column`, scrolled into view, and checks that the row became the
// current one.
inline void clickRow(QAbstractItemView *view, int row, int column = 0)
{
    QVERIFY(view);
    QVERIFY(row >= 0 && row < view->model()->rowCount(view->rootIndex()));
    const QModelIndex index = view->model()->index(row, column, view->rootIndex());
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().row(), row);
}

// Waits for a child of type T under `root` to be shown (a dialog opened with open()); null when
// none is within `timeoutMs`.
template<typename T>
T *waitForVisibleChild(const QObject *root, int timeoutMs = 5000)
{
    T *child = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            child = root->findChild<T *>();
            return child && child->isVisible();
        },
        timeoutMs);
    return shown ? child : nullptr;
}
