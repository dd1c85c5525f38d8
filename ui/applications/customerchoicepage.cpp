#include "ui/applications/customerchoicepage.h"

#include "core/commands/session.h"
#include "ui/customers/customertablemodel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/searchfield.h"

#include <QTableView>

using namespace Qt::StringLiterals;

CustomerChoicePage::CustomerChoicePage(Session &session, QWidget *parent)
    : ChoicePage(tr("Search name or UIN…"), tr("Search customers by name or UIN"), parent)
    , m_model(new CustomerTableModel(session, this))
{
    setTitle(tr("Customer"));
    setSubTitle(tr("Choose the customer whose product test the voucher pays for. Only eligible "
                   "customers are listed."));
    m_model->setEligibleOnly(true);
    setModel(m_model, tr("Eligible customers"));
    view()->hideColumn(CustomerTableModel::EligibleColumn);
    view()->hideColumn(CustomerTableModel::CreatedColumn);
    view()->setColumnWidth(CustomerTableModel::NameColumn, 320);
    updateEmptyState();
}

std::optional<Customer> CustomerChoicePage::selectedCustomer() const
{
    const int row = selectedRow();
    return row < 0 ? std::nullopt : std::optional<Customer>(m_model->customerAt(row));
}

void CustomerChoicePage::applySearch()
{
    const std::optional<Customer> selected = selectedCustomer();
    m_model->setFilterText(search()->text());
    // Only among the loaded rows: looking further would read every page on each keystroke.
    if (const int row = selected ? m_model->rowOf(selected->id) : -1; row >= 0)
        selectRow(row);
    else if (m_model->rowCount() == 1 && !m_model->canFetchMore({}))
        selectRow(0); // the one match: Enter goes on with it
    updateEmptyState();
    emit completeChanged();
}

void CustomerChoicePage::updateEmptyState()
{
    if (!m_model->errorMessage().isEmpty())
        emptyState()->setMessage(tr("Customers unavailable"), m_model->errorMessage());
    else if (!m_model->hasAnyCustomer())
        emptyState()->setMessage(tr("No eligible customers"),
                                 tr("Add a customer, or mark one eligible, on the Customers "
                                    "page first."));
    else
        emptyState()->setMessage(tr("No eligible customer matches “%1”").arg(m_model->filterText()),
                                 tr("Search by part of the name or by the first digits of the "
                                    "UIN."));
    emptyState()->setEmpty(m_model->rowCount() == 0);
}
