#pragma once

#include "customer.h"

#include <QWizardPage>

#include <optional>

class CustomerTableModel;
class EmptyState;
class QTableView;
class SearchField;
class Session;

// Step 2 of the application wizard: the partner's eligible customers, searched by name or by
// the start of the UIN. Ineligible ones are never offered.
class CustomerChoicePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CustomerChoicePage(Session &session, QWidget *parent = nullptr);

    std::optional<Customer> selectedCustomer() const;
    bool isComplete() const override;
    // Applies a search still waiting for the pause in typing: Next chooses what is shown.
    bool validatePage() override;

    // How long typing pauses before the search runs (as on the Customers page).
    static constexpr int SearchDelayMs = 250;

private:
    void applySearch();
    void updateEmptyState();

    CustomerTableModel *m_model;
    SearchField *m_search;
    QTableView *m_view;
    EmptyState *m_emptyState;
};
