#pragma once

#include "core/domain/customer.h"

#include <QDialog>

class FieldMessage;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class Session;

// Adds one customer of the signed-in partner (AddCustomer): name, UIN and whether vouchers may
// be applied for it. A refusal shows each message beside its field and keeps the dialog open;
// nothing is saved until the command accepts.
class CustomerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CustomerDialog(Session &session, QWidget *parent = nullptr);

    // The saved customer, once the dialog was accepted.
    Customer customer() const { return m_customer; }

    void accept() override;

private:
    void clearMessages();

    Session &m_session;
    // Chosen once, so that pressing Add again after a failure is the same request.
    QUuid m_customerId;
    Customer m_customer;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QLineEdit *m_uin;
    FieldMessage *m_uinMessage;
    QCheckBox *m_eligible;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
