#include "customerchoicepage.h"

#include "customertablemodel.h"
#include "emptystate.h"
#include "searchfield.h"
#include "session.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::StringLiterals;

CustomerChoicePage::CustomerChoicePage(Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_model(new CustomerTableModel(session, this))
    , m_search(new SearchField(tr("Search name or UIN…"), tr("Search customers by name or UIN")))
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
{
    setTitle(tr("Customer"));
    setSubTitle(tr("Choose the customer whose product test the voucher pays for. Only eligible "
                   "customers are listed."));
    m_model->setEligibleOnly(true);

    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Eligible customers"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->hideColumn(CustomerTableModel::EligibleColumn);
    m_view->hideColumn(CustomerTableModel::CreatedColumn);
    m_view->setColumnWidth(CustomerTableModel::NameColumn, 320);

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
    connect(m_search, &SearchField::searchChanged, this, &CustomerChoicePage::applySearch);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QWizardPage::completeChanged);
    // Not activated(): Enter already reaches the wizard's default button (Next).
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] {
        if (isComplete())
            wizard()->next();
    });
    updateEmptyState();
}

std::optional<Customer> CustomerChoicePage::selectedCustomer() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->customerAt(rows.constFirst().row());
}

bool CustomerChoicePage::isComplete() const
{
    return selectedCustomer().has_value();
}

bool CustomerChoicePage::validatePage()
{
    if (m_search->isPending())
        m_search->applyNow();
    return isComplete();
}

void CustomerChoicePage::applySearch()
{
    const std::optional<Customer> selected = selectedCustomer();
    m_model->setFilterText(m_search->text());
    // Only among the loaded rows: looking further would read every page on each keystroke.
    if (const int row = selected ? m_model->rowOf(selected->id) : -1; row >= 0)
        m_view->selectRow(row);
    updateEmptyState();
    emit completeChanged();
}

void CustomerChoicePage::updateEmptyState()
{
    if (!m_model->errorMessage().isEmpty())
        m_emptyState->setMessage(tr("Customers unavailable"), m_model->errorMessage());
    else if (!m_model->hasAnyCustomer())
        m_emptyState->setMessage(tr("No eligible customers"),
                                 tr("Add a customer, or mark one eligible, on the Customers "
                                    "page first."));
    else
        m_emptyState->setMessage(tr("No eligible customer matches “%1”").arg(m_model->filterText()),
                                 tr("Search by part of the name or by the first digits of the "
                                    "UIN."));
    m_emptyState->setEmpty(m_model->rowCount() == 0);
}
