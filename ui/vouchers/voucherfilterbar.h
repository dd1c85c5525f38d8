#pragma once

#include "core/queries/voucherlistfilter.h"

#include <QHash>
#include <QWidget>

class FieldMessage;
class OptionalDateEdit;
class QCheckBox;
class QComboBox;
class QCompleter;
class QLineEdit;
class QStringListModel;
class QTimer;
class QToolButton;
class SearchField;
class Session;
struct Customer;

// The conditions of the Vendor Voucher List: status, customer (completed from the store, twenty
// at a time), kind, applied between, expires before, "Balance > 0" and a free-text search over
// code, customer name and UIN. Announces each change once (the search after a pause in typing);
// an impossible date range is refused with a message beside it instead.
class VoucherFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit VoucherFilterBar(Session &session, QWidget *parent = nullptr);

    // The conditions in force; dates are local days turned into UTC bounds. partnerId is the
    // partner chosen by a reviewer or an admin (null: all); a partner manager's list is scoped
    // to its own partner by the model.
    VoucherListFilter filter() const { return m_filter; }
    // True when no condition is set.
    bool isClear() const { return m_filter == VoucherListFilter(); }
    // Resets every condition, announcing one change.
    void clear();
    // Narrows the list to one customer.
    void setCustomer(const Customer &customer);
    void focusSearch();
    // The Export button's action, placed at the end of the bar.
    void setExportAction(QAction *action);

    static constexpr int SearchDelayMs = 250;
    static constexpr int CustomerSuggestions = 20;

signals:
    void filterChanged();

private:
    void setUpChoices();
    void setUpCustomer();
    void setUpDates();
    void setUpSearch();
    void setUpButtons();
    void layOut();
    void update();
    void suggestCustomers();
    void pickCustomer(const QString &text);
    void commitCustomerText();
    QDate today() const;
    QDateTime startOfDay(const QDate &date) const;

    Session &m_session;
    void reloadPartners();

    QComboBox *m_partner = nullptr; // vendor roles only
    QComboBox *m_status;
    QLineEdit *m_customer;
    QCompleter *m_customerCompleter;
    QStringListModel *m_customerSuggestions;
    QHash<QString, QUuid> m_suggestedIds; // suggestion text -> customer id
    QUuid m_customerId;
    QTimer *m_customerDelay;
    QComboBox *m_kind;
    OptionalDateEdit *m_appliedFrom;
    OptionalDateEdit *m_appliedTo;
    OptionalDateEdit *m_expiresBefore;
    QCheckBox *m_positiveBalance;
    SearchField *m_search;
    QAction *m_clearAction;
    QToolButton *m_clearButton;
    QToolButton *m_exportButton;
    FieldMessage *m_customerMessage;
    FieldMessage *m_dateMessage;
    VoucherListFilter m_filter;
    bool m_resetting = false;
};
