#pragma once

#include "customer.h"

#include <QWizardPage>

#include <optional>

class CustomerTableModel;
class EmptyState;
class QLineEdit;
class QTableView;
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search(const QString &text);
    void updateEmptyState();

    CustomerTableModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    EmptyState *m_emptyState;
};
