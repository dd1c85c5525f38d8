#pragma once

#include "core/domain/customer.h"
#include "ui/page.h"

#include <optional>

class CustomerTableModel;
class EmptyState;
class QAction;
class QLabel;
class QTableView;
class SearchField;
class Session;

// Customer Business › Customers: the partner's customers, searched by name or UIN start, and
// added through CustomerDialog.
class CustomersPage : public Page
{
    Q_OBJECT

public:
    explicit CustomersPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::Customers; }
    QString title() const override;
    void refresh() override;
    void focusSearch() override;
    void showItem(const QUuid &id) override;
    QList<QAction *> menuActions() const override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    // How long typing pauses before the search runs.
    static constexpr int SearchDelayMs = 250;
    // showItem() reads pages for the customer up to this many rows; one further down is shown
    // by searching for its UIN instead.
    static constexpr int ShowItemSearchRows = 1000;

private:
    void addCustomer();
    void applySearch();
    void updateState();
    QUuid selectedId() const;
    void select(const QUuid &id);
    std::optional<Customer> readCustomer(const QUuid &id) const;

    Session &m_session;
    CustomerTableModel *m_model;
    SearchField *m_search;
    QAction *m_addAction;
    QTableView *m_view;
    EmptyState *m_emptyState;
    QLabel *m_countLabel;
};
