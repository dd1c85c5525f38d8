#include "ui/applications/choicepage.h"

#include "ui/widgets/emptystate.h"
#include "ui/widgets/searchfield.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

ChoicePage::ChoicePage(const QString &placeholder, const QString &searchName, QWidget *parent)
    : QWizardPage(parent)
    , m_search(new SearchField(placeholder, searchName))
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
{
    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);

    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

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
    // Not activated(): Enter already reaches the wizard's default button (Next).
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] {
        if (isComplete())
            wizard()->next();
    });
}

void ChoicePage::setModel(QAbstractItemModel *model, const QString &viewName)
{
    m_view->setModel(model);
    m_view->setAccessibleName(viewName);
    connect(m_search, &SearchField::searchChanged, this, [this] { applySearch(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QWizardPage::completeChanged);
}

bool ChoicePage::isComplete() const
{
    return selectedRow() >= 0;
}

bool ChoicePage::validatePage()
{
    if (m_search->isPending())
        m_search->applyNow();
    return isComplete();
}

int ChoicePage::selectedRow() const
{
    if (!m_view->selectionModel())
        return -1;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void ChoicePage::selectRow(int row, bool scroll)
{
    m_view->selectRow(row);
    if (scroll)
        m_view->scrollTo(m_view->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
}
