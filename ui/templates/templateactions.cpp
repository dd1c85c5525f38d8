#include "ui/templates/templateactions.h"

#include "core/domain/vouchertemplate.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QKeySequence>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {
QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}
} // namespace

TemplateActions::TemplateActions(bool manager, QWidget *page)
    : QObject(page)
    , m_page(page)
    , m_manager(manager)
{
    m_create = make(u"add"_s, tr("&Create Template"), u"createTemplateAction"_s);
    m_create->setShortcut(QKeySequence::New);
    m_create->setShortcutContext(Qt::WindowShortcut);
    m_create->setEnabled(manager);
    setTip(m_create, tr("Create a voucher template (%1)").arg(keys(m_create->shortcut())));

    m_view = make(u"view"_s, tr("&View"), u"viewTemplateAction"_s);
    // The key is the table's: Return shows what may not be edited. The action has none itself.
    setTip(m_view, tr("Show the selected template (%1)").arg(keys(QKeySequence(Qt::Key_Return))));
    m_edit = make(u"edit"_s, tr("&Edit"), u"editTemplateAction"_s);
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_duplicate = make(u"duplicate"_s, tr("D&uplicate"), u"duplicateTemplateAction"_s);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    setTip(m_duplicate, tr("Create an editable copy of the selected template (%1)")
                            .arg(keys(m_duplicate->shortcut())));
    m_delete = make(u"delete"_s, tr("&Delete"), u"deleteTemplateAction"_s);
    m_delete->setShortcut(QKeySequence::Delete);
    m_page->removeAction(m_delete);
    m_apply = make(u"apply"_s, tr("&Apply…"), u"applyTemplateAction"_s);
    setTip(m_apply, tr("Apply for a voucher with the selected template for a customer"));
    m_refresh = make(u"refresh"_s, tr("&Refresh"), u"refreshTemplatesAction"_s);
    // No F5 of its own: the main window's View › Refresh (F5) refreshes the current page, and
    // a second F5 here made the key ambiguous, so that it did nothing on this page.
    setTip(m_refresh,
           tr("Read the templates again (%1)").arg(keys(QKeySequence(QKeySequence::Refresh))));
    update(nullptr);
}

QAction *TemplateActions::make(const QString &icon, const QString &text, const QString &name)
{
    auto *action = new QAction(Icons::get(icon), text, m_page);
    action->setObjectName(name);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->addAction(action);
    return action;
}

void TemplateActions::setTip(QAction *action, const QString &tip)
{
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

QList<QAction *> TemplateActions::all() const
{
    return {m_create, m_view, m_edit, m_duplicate, m_delete, m_apply, m_refresh};
}

void TemplateActions::update(const VoucherTemplate *selected)
{
    m_view->setEnabled(selected);
    m_duplicate->setEnabled(m_manager && selected);
    m_apply->setEnabled(m_manager && selected);
    const bool locked = selected && selected->locked;
    m_edit->setEnabled(m_manager && selected && !locked);
    m_delete->setEnabled(m_manager && selected && !locked);
    setTip(m_edit, locked ? TemplateTableModel::lockedReason()
                          : tr("Edit the selected template (%1)").arg(keys(m_edit->shortcut())));
    setTip(m_delete, locked ? tr("Cannot delete: an application was submitted with this template")
                            : tr("Delete the selected template; only a template never used in an "
                                 "application (%1)")
                                  .arg(keys(m_delete->shortcut())));
}
