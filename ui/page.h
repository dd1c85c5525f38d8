#pragma once

#include <QUuid>
#include <QWidget>

class QSettings;

// One page of the Partner Center main window. The main window is only a shell: each page owns
// its filters, actions and dialogs, and reloads itself when the session announces a change.
class Page : public QWidget
{
    Q_OBJECT

public:
    enum class Id { Customers, Templates, VoucherList };
    Q_ENUM(Id)

    using QWidget::QWidget;

    virtual Id id() const = 0;
    virtual QString title() const = 0;
    // Re-reads what the page shows, keeping filters and selection.
    virtual void refresh() = 0;
    // Puts the keyboard focus in the page's search field.
    virtual void focusSearch() {}
    // Selects and reveals one item (a template, an application, a customer) by id.
    virtual void showItem(const QUuid &id) { Q_UNUSED(id) }
    // Actions the main window lists in its menus; they carry their own shortcuts.
    virtual QList<QAction *> menuActions() const { return {}; }

    // Column widths, sort order, splitter positions, each page under a settings group of its own.
    virtual void saveState(QSettings &settings) const { Q_UNUSED(settings) }
    virtual void restoreState(QSettings &settings) { Q_UNUSED(settings) }

signals:
    // Another page should be shown, with one of its items selected (e.g. after an application
    // was submitted, its row in the Vendor Voucher List).
    void showPageRequested(Page::Id page, const QUuid &itemId);
};
