#include "ui/customers/customerspage.h"

#include "core/commands/session.h"
#include "core/repositories/customerrepository.h"
#include "core/store/storeerror.h"
#include "ui/customers/customerdialog.h"
#include "ui/customers/customertablemodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/searchfield.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcCustomersPage, "voucherdesk.ui.customerspage")
} // namespace

CustomersPage::CustomersPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_model(new CustomerTableModel(session, this))
    , m_search(new SearchField(tr("Search name or UIN…"), tr("Search customers by name or UIN")))
    , m_addAction(new QAction(Icons::get(u"add"_s), tr("&Add Customer…"), this))
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
    , m_countLabel(new QLabel)
{
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_addAction->setToolTip(
        tr("Add a customer (%1)").arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_addAction, &QAction::triggered, this, &CustomersPage::addCustomer);
    addAction(m_addAction);

    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(480);
    // Enter searches at once instead of waiting for the pause.
    m_search->setDelay(SearchDelayMs);
    connect(m_search, &SearchField::searchChanged, this, &CustomersPage::applySearch);

    auto *addButton = new QToolButton;
    addButton->setDefaultAction(m_addAction);
    addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addButton->setAccessibleName(tr("Add Customer"));

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Customers"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab leaves the table for the page's buttons and the navigation; the arrows move in it.
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(CustomerTableModel::NameColumn,
                                                     QHeaderView::Interactive);
    m_view->setColumnWidth(CustomerTableModel::NameColumn, 320);
    m_view->setColumnWidth(CustomerTableModel::UinColumn, 200);
    m_view->setColumnWidth(CustomerTableModel::EligibleColumn, 140);

    m_emptyState->setAction(m_addAction);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(addButton);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_search, 1);
    toolbar->addStretch();
    toolbar->addWidget(m_countLabel);

    auto *heading = new QLabel(tr("Customers"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(toolbar);
    layout->addWidget(m_emptyState, 1);

    setTabOrder(addButton, m_search);
    setTabOrder(m_search, m_view);

    connect(&m_session, &Session::changed, this, [this](Session::Changes changes) {
        if (changes.testFlag(Session::Change::Customers))
            refresh();
    });
    updateState();
}

QString CustomersPage::title() const
{
    return tr("Customers");
}

void CustomersPage::refresh()
{
    const QUuid selected = selectedId();
    const int loaded = m_model->rowCount();
    m_model->reload();
    updateState();
    if (!selected.isNull()) {
        // As far as the list was scrolled before, not to its end.
        m_model->fetchUntil(selected, std::max(loaded, ShowItemSearchRows));
        select(selected);
    }
}

void CustomersPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CustomersPage::showItem(const QUuid &id)
{
    if (m_model->fetchUntil(id, ShowItemSearchRows) < 0 && !m_search->text().isEmpty()) {
        // The search hides it: show every customer rather than nothing.
        m_search->clear();
        m_search->applyNow();
    }
    if (m_model->fetchUntil(id, ShowItemSearchRows) < 0) {
        // Far down a long list: narrow it to the customer rather than read every page.
        if (const std::optional<Customer> customer = readCustomer(id)) {
            m_search->setText(customer->uin);
            m_search->applyNow();
            m_model->fetchUntil(id, ShowItemSearchRows);
        }
    }
    select(id);
    m_view->setFocus();
}

QList<QAction *> CustomersPage::menuActions() const
{
    return {m_addAction};
}

void CustomersPage::saveState(QSettings &settings) const
{
    settings.beginGroup(u"customers"_s);
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    settings.endGroup();
}

void CustomersPage::restoreState(QSettings &settings)
{
    settings.beginGroup(u"customers"_s);
    const QByteArray header = settings.value(u"header"_s).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    settings.endGroup();
}

void CustomersPage::addCustomer()
{
    auto *dialog = new CustomerDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { showItem(dialog->customer().id); });
    dialog->open();
}

void CustomersPage::applySearch()
{
    m_model->setFilterText(m_search->text());
    updateState();
}

void CustomersPage::updateState()
{
    if (!m_model->errorMessage().isEmpty()) {
        m_emptyState->setMessage(tr("Customers unavailable"), m_model->errorMessage());
        m_emptyState->setAction(nullptr);
        m_emptyState->setEmpty(true);
        m_countLabel->clear();
        return;
    }
    if (!m_model->hasAnyCustomer()) {
        m_emptyState->setMessage(tr("No customers yet"),
                                 tr("Add the customers you apply for vouchers for: their name "
                                    "and Tencent Cloud account ID (UIN)."));
        m_emptyState->setAction(m_addAction);
    } else {
        m_emptyState->setMessage(
            tr("No customer matches “%1”").arg(m_model->filterText()),
            tr("Search by part of the name or by the first digits of the UIN."));
        m_emptyState->setAction(nullptr);
    }
    m_emptyState->setEmpty(m_model->totalCount() == 0);
    m_countLabel->setText(tr("Customers: %1").arg(DisplayFormat::count(m_model->totalCount())));
    m_countLabel->setAccessibleName(m_countLabel->text());
}

QUuid CustomersPage::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(ItemRoles::Id).toUuid() : QUuid();
}

std::optional<Customer> CustomersPage::readCustomer(const QUuid &id) const
{
    std::optional<Customer> customer;
    try {
        customer = CustomerRepository(m_session.db()).find(id);
    } catch (const StoreError &error) {
        qCWarning(lcCustomersPage) << "reading a customer failed:" << error.what();
        return std::nullopt;
    }
    if (!customer || !m_session.actor().canSee(customer->partnerId))
        return std::nullopt;
    return customer;
}

void CustomersPage::select(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, CustomerTableModel::NameColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}
