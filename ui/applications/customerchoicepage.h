#pragma once

#include "core/domain/customer.h"
#include "ui/applications/choicepage.h"

#include <optional>

class CustomerTableModel;
class Session;

// Step 2 of the application wizard: the partner's eligible customers, searched by name or by
// the start of the UIN. Ineligible ones are never offered.
class CustomerChoicePage : public ChoicePage
{
    Q_OBJECT

public:
    explicit CustomerChoicePage(Session &session, QWidget *parent = nullptr);

    std::optional<Customer> selectedCustomer() const;

private:
    void applySearch() override;
    void updateEmptyState();

    CustomerTableModel *m_model;
};
