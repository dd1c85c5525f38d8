#include "templatespage.h"

#include "applicationwizard.h"
#include "badgedelegate.h"
#include "displayformat.h"
#include "emptystate.h"
#include "icons.h"
#include "session.h"
#include "storeerror.h"
#include "templatecommands.h"
#include "templatefilterbar.h"
#include "templaterepository.h"
#include "templatetablemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TemplatesPage::TemplatesPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_model(new TemplateTableModel(session.db(), this))
    , m_view(new QTableView)
    , m_filters(new TemplateFilterBar)
{
    createActions();

    auto *toolbar = new QToolBar;
    toolbar->setObjectName(u"templatesToolbar"_s);
    toolbar->setAccessibleName(tr("Template actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->addAction(m_createAction);
    toolbar->addSeparator();
    for (QAction *action :
         {m_viewAction, m_editAction, m_duplicateAction, m_deleteAction, m_applyAction})
        toolbar->addAction(action);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addAction(m_refreshAction);

    m_view->setObjectName(u"templateTable"_s);
    m_view->setAccessibleName(tr("Voucher templates"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(TemplateTableModel::State, new BadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(28);
    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(u"templateHeader"_s);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TemplateTableModel::Scope, QHeaderView::Stretch);
    header->resizeSection(TemplateTableModel::Name, 220);
    header->resizeSection(TemplateTableModel::Kind, 90);
    header->resizeSection(TemplateTableModel::FaceValue, 120);
    header->resizeSection(TemplateTableModel::Validity, 80);
    header->resizeSection(TemplateTableModel::State, 110);
    header->resizeSection(TemplateTableModel::Created, 110);
    m_view->addAction(m_deleteAction);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_viewAction, m_editAction, m_duplicateAction, m_deleteAction});
        menu.addSeparator();
        menu.addAction(m_applyAction);
        menu.addSeparator();
        menu.addAction(m_createAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // Return and double-click: edit what may be edited, otherwise view it.
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (m_editAction->isEnabled())
            m_editAction->trigger();
        else if (m_viewAction->isEnabled())
            m_viewAction->trigger();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TemplatesPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TemplatesPage::updateActions);
    connect(m_model, &TemplateTableModel::loadFailed, this, &TemplatesPage::showStatus);

    m_empty = new EmptyState(m_view);
    m_empty->setObjectName(u"templatesEmptyState"_s);

    m_count = new QLabel;
    m_count->setObjectName(u"templateCount"_s);
    m_status = new QLabel;
    m_status->setObjectName(u"templateStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_lockIcon = new QLabel;
    m_lockIcon->setPixmap(Icons::get(u"lock"_s).pixmap(16, 16));
    m_lockIcon->hide();
    m_lockReason = new QLabel;
    m_lockReason->setObjectName(u"lockReason"_s);
    m_lockReason->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_count);
    statusRow->addSpacing(16);
    statusRow->addWidget(m_lockIcon);
    statusRow->addWidget(m_lockReason);
    statusRow->addSpacing(16);
    statusRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(m_filters);
    layout->addWidget(m_empty, 1);
    layout->addLayout(statusRow);

    // The table was created first; the filters come before it all the same.
    setTabOrder(m_filters->lastInTabOrder(), m_view);
    connect(m_filters, &TemplateFilterBar::changed, this, &TemplatesPage::applyFilters);

    connect(&m_session, &Session::changed, this, [this](Session::Changes changes) {
        if (changes.testFlag(Session::Change::Templates))
            refresh();
    });

    reloadProductScope();
    applyFilters();
}

QString TemplatesPage::title() const
{
    return tr("Vendor Voucher Application");
}

void TemplatesPage::createActions()
{
    const bool manager = m_session.actor().isPartnerManager();
    auto make = [this](const QString &icon, const QString &text, const QString &tip,
                       const QString &name) {
        auto *action = new QAction(Icons::get(icon), text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_createAction = make(u"add"_s, tr("&Create Template"),
                          tr("Create a voucher template (Ctrl+N)"), u"createTemplateAction"_s);
    m_createAction->setShortcut(QKeySequence::New);
    m_createAction->setShortcutContext(Qt::WindowShortcut);
    m_createAction->setEnabled(manager);
    connect(m_createAction, &QAction::triggered, this, &TemplatesPage::createTemplate);

    m_viewAction = make(u"view"_s, tr("&View"), tr("Show the selected template (Return)"),
                        u"viewTemplateAction"_s);
    connect(m_viewAction, &QAction::triggered, this, &TemplatesPage::viewTemplate);
    m_editAction = make(u"edit"_s, tr("&Edit"), tr("Edit the selected template (Ctrl+E)"),
                        u"editTemplateAction"_s);
    m_editAction->setShortcut(tr("Ctrl+E"));
    connect(m_editAction, &QAction::triggered, this, &TemplatesPage::editTemplate);
    m_duplicateAction = make(u"duplicate"_s, tr("D&uplicate"),
                             tr("Create an editable copy of the selected template (Ctrl+D)"),
                             u"duplicateTemplateAction"_s);
    m_duplicateAction->setShortcut(tr("Ctrl+D"));
    connect(m_duplicateAction, &QAction::triggered, this, &TemplatesPage::duplicateTemplate);
    m_deleteAction = make(u"delete"_s, tr("&Delete"),
                          tr("Delete the selected template; only a template never used in an "
                             "application (Del)"),
                          u"deleteTemplateAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    removeAction(m_deleteAction); // Delete belongs to the table, not to the filter fields
    connect(m_deleteAction, &QAction::triggered, this, &TemplatesPage::deleteTemplate);
    m_applyAction = make(u"apply"_s, tr("&Apply…"),
                         tr("Apply for a voucher with the selected template for a customer"),
                         u"applyTemplateAction"_s);
    connect(m_applyAction, &QAction::triggered, this, &TemplatesPage::applyTemplate);
    m_refreshAction = make(u"refresh"_s, tr("&Refresh"), tr("Read the templates again (F5)"),
                           u"refreshTemplatesAction"_s);
    // No F5 of its own: the main window's View › Refresh (F5) refreshes the current page, and
    // a second F5 here made the key ambiguous, so that it did nothing on this page.
    connect(m_refreshAction, &QAction::triggered, this, &TemplatesPage::refresh);
}

void TemplatesPage::applyFilters()
{
    const QUuid selected = selectedId();
    const Actor actor = m_session.actor();
    m_model->setFilter(m_filters->filter(actor.isPartnerManager() ? actor.partnerId : QUuid()));
    if (!selected.isNull())
        select(selected);
    updateEmptyState();
    updateActions();
}

void TemplatesPage::refresh()
{
    const QUuid selected = selectedId();
    reloadProductScope();
    m_model->reload();
    if (!selected.isNull())
        select(selected);
    updateEmptyState();
    updateActions();
}

void TemplatesPage::reloadProductScope()
{
    try {
        m_model->setProductScope(ProductScope::load(m_session.db(), m_session.now()));
    } catch (const StoreError &) {
        showStatus(tr("The product catalogue could not be read; product names may be missing."));
    }
}

void TemplatesPage::updateEmptyState()
{
    m_count->setText(tr("%n template(s)", nullptr, int(m_model->totalCount())));
    const bool empty = m_model->rowCount() == 0 && m_model->errorMessage().isEmpty();
    if (empty && m_filters->isActive()) {
        m_empty->setMessage(tr("No templates match these filters"),
                            tr("Change the filters, or clear them to see every template."));
        m_empty->setAction(m_filters->clearAction());
    } else if (empty) {
        m_empty->setMessage(tr("No templates yet"),
                            tr("A template holds a voucher's face value, validity and products. "
                               "Create one, then apply with it for vouchers for your customers."));
        m_empty->setAction(m_createAction->isEnabled() ? m_createAction : nullptr);
    }
    m_empty->setEmpty(empty);
}

void TemplatesPage::updateActions()
{
    const bool manager = m_session.actor().isPartnerManager();
    const VoucherTemplate *t = m_model->templateAt(m_view->currentIndex().row());
    if (!m_view->selectionModel()->hasSelection())
        t = nullptr;
    m_viewAction->setEnabled(t);
    m_duplicateAction->setEnabled(manager && t);
    m_applyAction->setEnabled(manager && t);

    const bool locked = t && t->locked;
    m_editAction->setEnabled(manager && t && !locked);
    m_deleteAction->setEnabled(manager && t && !locked);
    const QString editTip =
        locked ? TemplateTableModel::lockedReason() : tr("Edit the selected template (Ctrl+E)");
    m_editAction->setToolTip(editTip);
    m_editAction->setStatusTip(editTip);
    const QString deleteTip =
        locked ? tr("Cannot delete: an application was submitted with this template")
               : tr("Delete the selected template; only a template never used in an "
                    "application (Del)");
    m_deleteAction->setToolTip(deleteTip);
    m_deleteAction->setStatusTip(deleteTip);
    m_lockReason->setText(
        tr("%1. Duplicate it to make a changed copy.").arg(TemplateTableModel::lockedReason()));
    m_lockReason->setVisible(locked);
    m_lockIcon->setVisible(locked);
}

QUuid TemplatesPage::selectedId() const
{
    if (!m_view->selectionModel() || !m_view->selectionModel()->hasSelection())
        return {};
    const VoucherTemplate *t = m_model->templateAt(m_view->currentIndex().row());
    return t ? t->id : QUuid();
}

std::optional<VoucherTemplate> TemplatesPage::selectedTemplate()
{
    const QUuid id = selectedId();
    if (id.isNull())
        return std::nullopt;
    std::optional<VoucherTemplate> current;
    try {
        current = TemplateRepository(m_session.db()).find(id);
    } catch (const StoreError &) {
        showError(tr("Templates"), tr("The template could not be read from the workspace."));
        return std::nullopt;
    }
    if (!current) {
        showStatus(tr("The template no longer exists."));
        refresh();
    }
    return current;
}

bool TemplatesPage::select(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, TemplateTableModel::Name);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void TemplatesPage::focusSearch()
{
    m_filters->nameField()->setFocus(Qt::ShortcutFocusReason);
    m_filters->nameField()->selectAll();
}

void TemplatesPage::showItem(const QUuid &id)
{
    if (!select(id) && m_filters->isActive()) {
        m_filters->clear();
        select(id);
    }
    updateActions();
    m_view->setFocus();
}

QList<QAction *> TemplatesPage::menuActions() const
{
    return {m_createAction, m_viewAction,  m_editAction,   m_duplicateAction,
            m_deleteAction, m_applyAction, m_refreshAction};
}

void TemplatesPage::saveState(QSettings &settings) const
{
    settings.beginGroup(u"templates"_s);
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    settings.endGroup();
}

void TemplatesPage::restoreState(QSettings &settings)
{
    settings.beginGroup(u"templates"_s);
    const QByteArray header = settings.value(u"header"_s).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    settings.endGroup();
}

void TemplatesPage::showStatus(const QString &message)
{
    m_status->setText(message);
    m_status->setAccessibleName(message);
}

void TemplatesPage::showError(const QString &title, const QString &message)
{
    showStatus(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(u"templateErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void TemplatesPage::openEditor(TemplateEditor::Mode mode, const VoucherTemplate &tmpl)
{
    auto *editor = new TemplateEditor(m_session, mode, tmpl, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        const VoucherTemplate saved = editor->savedTemplate();
        showItem(saved.id);
        showStatus(tr("Saved the template “%1”.").arg(saved.name));
    });
    editor->open();
}

void TemplatesPage::createTemplate()
{
    if (m_createAction->isEnabled())
        openEditor(TemplateEditor::Mode::Create, {});
}

void TemplatesPage::viewTemplate()
{
    if (const auto t = selectedTemplate())
        openEditor(TemplateEditor::Mode::View, *t);
}

void TemplatesPage::editTemplate()
{
    if (!m_editAction->isEnabled())
        return;
    if (const auto t = selectedTemplate())
        openEditor(TemplateEditor::Mode::Edit, *t); // a template locked meanwhile opens read-only
}

void TemplatesPage::duplicateTemplate()
{
    if (!m_duplicateAction->isEnabled())
        return;
    const QUuid source = selectedId();
    const auto copy = TemplateCommands(m_session.context())
                          .duplicateTemplate(source, m_session.context().newId());
    if (!copy.ok()) {
        showError(tr("Duplicate Template"), copy.error().message());
        return;
    }
    m_session.notifyChanged(Session::Change::Templates);
    showItem(copy.value().id);
    showStatus(tr("Created the copy “%1”; it can be edited.").arg(copy.value().name));
}

void TemplatesPage::deleteTemplate()
{
    if (!m_deleteAction->isEnabled())
        return;
    const auto t = selectedTemplate();
    if (!t)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Template"),
                                tr("Delete the template “%1”? This cannot be undone.").arg(t->name),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"confirmDeleteBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmDeleteButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QUuid id = t->id;
    const QString name = t->name;
    connect(remove, &QPushButton::clicked, this, [this, id, name] {
        const auto deleted = TemplateCommands(m_session.context()).deleteTemplate(id);
        if (!deleted.ok()) {
            showError(tr("Delete Template"), deleted.error().message());
            m_session.notifyChanged(Session::Change::Templates);
            return;
        }
        m_session.notifyChanged(Session::Change::Templates);
        showStatus(tr("Deleted the template “%1”.").arg(name));
    });
    box->open();
}

void TemplatesPage::applyTemplate()
{
    if (!m_applyAction->isEnabled())
        return;
    auto *wizard = new ApplicationWizard(m_session, selectedId(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        const QUuid applicationId = wizard->applicationId();
        if (applicationId.isNull())
            return;
        m_session.notifyChanged(Session::Change::Applications | Session::Change::Templates);
        emit showPageRequested(Page::Id::VoucherList, applicationId);
    });
    wizard->open();
}
