#include "templatechoicepage.h"

#include "badgedelegate.h"
#include "emptystate.h"
#include "itemroles.h"
#include "searchfield.h"
#include "session.h"
#include "templatetablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::StringLiterals;

TemplateChoicePage::TemplateChoicePage(Session &session, const QUuid &preselectedId,
                                       QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_model(new TemplateTableModel(session.db(), this))
    , m_search(new SearchField(tr("Search template name…"), tr("Search templates by name")))
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
{
    setTitle(tr("Template"));
    setSubTitle(tr("Choose the voucher template to apply with. Locked templates can be applied "
                   "with again; only editing them is locked."));

    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Templates"));
    m_view->setItemDelegate(new BadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    for (int column :
         {TemplateTableModel::Validity, TemplateTableModel::Scope, TemplateTableModel::Created})
        m_view->hideColumn(column);
    m_view->setColumnWidth(TemplateTableModel::Name, 240);
    m_view->setColumnWidth(TemplateTableModel::Kind, 100);
    m_view->setColumnWidth(TemplateTableModel::FaceValue, 130);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_emptyState, 1);

    // Each search reads the store: wait for a pause in typing, or Enter, which then also
    // reaches the wizard's default button (Next).
    m_search->setDelay(SearchDelayMs);
    m_search->setResultView(m_view);
    connect(m_search, &SearchField::searchChanged, this, &TemplateChoicePage::applySearch);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QWizardPage::completeChanged);
    // Not activated(): Enter already reaches the wizard's default button (Next).
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] {
        if (isComplete())
            wizard()->next();
    });

    applySearch();
    if (!preselectedId.isNull())
        select(preselectedId);
}

std::optional<VoucherTemplate> TemplateChoicePage::selectedTemplate() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    if (const VoucherTemplate *tmpl = m_model->templateAt(rows.constFirst().row()))
        return *tmpl;
    return std::nullopt;
}

bool TemplateChoicePage::isComplete() const
{
    return selectedTemplate().has_value();
}

bool TemplateChoicePage::validatePage()
{
    if (m_search->isPending())
        m_search->applyNow();
    return isComplete();
}

void TemplateChoicePage::applySearch()
{
    const std::optional<VoucherTemplate> selected = selectedTemplate();
    TemplateFilter filter;
    filter.partnerId = m_session.actor().partnerId;
    filter.nameContains = m_search->text().trimmed();
    m_model->setFilter(filter);
    // Only among the loaded rows: looking further would read every page on each keystroke.
    if (selected) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->templateAt(row)->id == selected->id)
                m_view->selectRow(row);
        }
    }
    updateEmptyState();
    emit completeChanged();
}

void TemplateChoicePage::select(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, TemplateTableModel::Name),
                     QAbstractItemView::PositionAtCenter);
}

void TemplateChoicePage::updateEmptyState()
{
    if (!m_model->errorMessage().isEmpty())
        m_emptyState->setMessage(tr("Templates unavailable"), m_model->errorMessage());
    else if (m_model->filter().nameContains.isEmpty())
        m_emptyState->setMessage(tr("No templates yet"),
                                 tr("Create a template on the Vendor Voucher Application page "
                                    "first, then apply with it."));
    else
        m_emptyState->setMessage(tr("No template matches “%1”").arg(m_model->filter().nameContains),
                                 tr("Search by part of the template's name."));
    m_emptyState->setEmpty(m_model->rowCount() == 0);
}
