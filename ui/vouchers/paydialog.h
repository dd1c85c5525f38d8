#pragma once

#include "core/base/commanderror.h"
#include "core/domain/deduction.h"
#include "core/domain/voucher.h"

#include <QDialog>
#include <QHash>

#include <optional>

class FieldMessage;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class Session;

// Pay with voucher: records one deduction from the voucher for a bill of its customer. Every
// refusal stays in the dialog with its reason and records nothing; a successful payment closes
// it and announces the change.
class PayDialog : public QDialog
{
    Q_OBJECT

public:
    PayDialog(Session &session, const Voucher &voucher, QWidget *parent = nullptr);

    // The deduction's client id: one per dialog, so a repeated Pay is the same payment.
    QUuid requestId() const { return m_requestId; }
    // The recorded deduction, once Pay succeeded.
    std::optional<Deduction> recorded() const { return m_recorded; }

private:
    QWidget *createTerms();
    void setUpInputs();
    QFormLayout *createForm();
    QDialogButtonBox *createButtons();
    void fillProducts();
    void updatePreview();
    void pay();
    void clearMessages();
    void showFieldErrors(const FieldErrors &errors);
    void showMessage(const QString &message);
    void growToFit();

    Session &m_session;
    Voucher m_voucher;
    QUuid m_requestId;
    std::optional<Deduction> m_recorded;

    QLineEdit *m_orderId;
    QComboBox *m_product;
    QComboBox *m_payMode;
    QLineEdit *m_amount;
    QHash<QString, FieldMessage *> m_fieldMessages; // by the command's field name
    QLabel *m_preview;
    QLabel *m_message;
    QPushButton *m_payButton;
};
