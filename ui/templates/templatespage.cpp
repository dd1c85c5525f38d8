#include "ui/templates/templatespage.h"

#include "core/commands/session.h"
#include "core/repositories/templaterepository.h"
#include "core/store/storeerror.h"
#include "ui/applications/applicationwizard.h"
#include "ui/templates/templateactions.h"
#include "ui/templates/templatefilterbar.h"
#include "ui/templates/templatestatusrow.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/templates/templatetableview.h"
#include "ui/widgets/emptystate.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TemplatesPage::TemplatesPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_model(new TemplateTableModel(session.db(), this))
    , m_view(new TemplateTableView(m_model))
    , m_actions(new TemplateActions(session.actor().isPartnerManager(), this))
    , m_filters(new TemplateFilterBar(session.now().toLocalTime().date()))
    , m_empty(new EmptyState(m_view))
    , m_statusRow(new TemplateStatusRow)
{
    m_empty->setObjectName(u"templatesEmptyState"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_filters);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_statusRow);
    // The table was created first; the filters come before it all the same.
    setTabOrder(m_filters->lastInTabOrder(), m_view);

    connectActions();
    connect(m_filters, &TemplateFilterBar::changed, this, &TemplatesPage::applyFilters);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TemplatesPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TemplatesPage::updateActions);
    connect(m_model, &TemplateTableModel::loadFailed, this, &TemplatesPage::showStatus);
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

QToolBar *TemplatesPage::buildToolbar()
{
    auto *toolbar = new QToolBar;
    toolbar->setObjectName(u"templatesToolbar"_s);
    toolbar->setAccessibleName(tr("Template actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    // Where the window is too narrow for every action, Qt's » button shows the rest.
    if (auto *more = toolbar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s)) {
        more->setAccessibleName(tr("More template actions"));
        more->setToolTip(tr("More template actions"));
    }
    toolbar->addAction(m_actions->createAction());
    toolbar->addSeparator();
    for (QAction *action :
         {m_actions->viewAction(), m_actions->editAction(), m_actions->duplicateAction(),
          m_actions->deleteAction(), m_actions->applyAction()})
        toolbar->addAction(action);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addAction(m_actions->refreshAction());
    return toolbar;
}

void TemplatesPage::connectActions()
{
    const TemplateActions *a = m_actions;
    connect(a->createAction(), &QAction::triggered, this, &TemplatesPage::createTemplate);
    connect(a->viewAction(), &QAction::triggered, this, &TemplatesPage::viewTemplate);
    connect(a->editAction(), &QAction::triggered, this, &TemplatesPage::editTemplate);
    connect(a->duplicateAction(), &QAction::triggered, this, &TemplatesPage::duplicateTemplate);
    connect(a->deleteAction(), &QAction::triggered, this, &TemplatesPage::deleteTemplate);
    connect(a->applyAction(), &QAction::triggered, this, &TemplatesPage::applyTemplate);
    connect(a->refreshAction(), &QAction::triggered, this, &TemplatesPage::refresh);
    m_view->addAction(a->deleteAction());
    m_view->setContextActions({a->viewAction(), a->editAction(), a->duplicateAction(),
                               a->deleteAction(), nullptr, a->applyAction(), nullptr,
                               a->createAction()});
    // Return and double-click: edit what may be edited, otherwise view it.
    connect(m_view, &QAbstractItemView::activated, this, [a] {
        if (a->editAction()->isEnabled())
            a->editAction()->trigger();
        else if (a->viewAction()->isEnabled())
            a->viewAction()->trigger();
    });
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
    m_statusRow->setCountText(tr("%n template(s)", nullptr, int(m_model->totalCount())));
    const bool empty = m_model->rowCount() == 0 && m_model->errorMessage().isEmpty();
    if (empty && m_filters->isActive()) {
        m_empty->setMessage(tr("No templates match these filters"),
                            tr("Change the filters, or clear them to see every template."));
        m_empty->setAction(m_filters->clearAction());
    } else if (empty) {
        QAction *create = m_actions->createAction();
        m_empty->setMessage(tr("No templates yet"),
                            tr("A template holds a voucher's face value, validity and products. "
                               "Create one, then apply with it for vouchers for your customers."));
        m_empty->setAction(create->isEnabled() ? create : nullptr);
    }
    m_empty->setEmpty(empty);
}

void TemplatesPage::updateActions()
{
    const VoucherTemplate *selected = m_view->selectedTemplate();
    m_actions->update(selected);
    m_statusRow->setLocked(selected && selected->locked);
}

QUuid TemplatesPage::selectedId() const
{
    const VoucherTemplate *selected = m_view->selectedTemplate();
    return selected ? selected->id : QUuid();
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
    const int row = m_model->loadedRow(id);
    if (row >= 0)
        m_view->selectAndReveal(row);
    return row >= 0;
}

void TemplatesPage::reveal(const QUuid &id)
{
    if (m_model->fetchUntil(id, TemplateTableModel::SearchRows) >= 0)
        return;
    if (m_filters->isActive()) {
        m_filters->clear();
        if (m_model->fetchUntil(id, TemplateTableModel::SearchRows) >= 0)
            return;
    }
    // Far down the list: its name, unique among a partner's templates, finds it in a few rows.
    std::optional<VoucherTemplate> t;
    try {
        t = TemplateRepository(m_session.db()).find(id);
    } catch (const StoreError &) {
    }
    if (!t || !m_session.actor().canSee(t->partnerId))
        return;
    m_filters->nameField()->setText(t->name);
    m_model->fetchUntil(id, TemplateTableModel::SearchRows);
}

void TemplatesPage::focusSearch()
{
    m_filters->nameField()->setFocus(Qt::ShortcutFocusReason);
    m_filters->nameField()->selectAll();
}

void TemplatesPage::showItem(const QUuid &id)
{
    reveal(id);
    select(id);
    updateActions();
    m_view->setFocus();
}

QList<QAction *> TemplatesPage::menuActions() const
{
    return m_actions->all();
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
    m_statusRow->showMessage(message);
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
    if (m_actions->createAction()->isEnabled())
        openEditor(TemplateEditor::Mode::Create, {});
}

void TemplatesPage::viewTemplate()
{
    if (const auto t = selectedTemplate())
        openEditor(TemplateEditor::Mode::View, *t);
}

void TemplatesPage::editTemplate()
{
    if (!m_actions->editAction()->isEnabled())
        return;
    if (const auto t = selectedTemplate())
        openEditor(TemplateEditor::Mode::Edit, *t); // a template locked meanwhile opens read-only
}

void TemplatesPage::duplicateTemplate()
{
    if (!m_actions->duplicateAction()->isEnabled())
        return;
    const QUuid source = selectedId();
    const auto copy = m_session.commands().duplicateTemplate(source, m_session.context().newId());
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
    if (!m_actions->deleteAction()->isEnabled())
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
        const auto deleted = m_session.commands().deleteTemplate(id);
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
    if (!m_actions->applyAction()->isEnabled())
        return;
    auto *wizard = new ApplicationWizard(m_session, selectedId(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        const QUuid applicationId = wizard->applicationId();
        if (applicationId.isNull())
            return;
        // The wizard announced the application and the template it locked.
        emit showPageRequested(Page::Id::VoucherList, applicationId);
    });
    wizard->open();
}
