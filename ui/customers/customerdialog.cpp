#include "ui/customers/customerdialog.h"

#include "core/commands/session.h"
#include "ui/widgets/fieldmessage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CustomerDialog::CustomerDialog(Session &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_customerId(session.context().newId())
    , m_name(new QLineEdit)
    , m_nameMessage(new FieldMessage(m_name))
    , m_uin(new QLineEdit)
    , m_uinMessage(new FieldMessage(m_uin))
    , m_eligible(new QCheckBox(tr("&Eligible for vouchers")))
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Add Customer"));

    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("Company or person, as in the customer's account"));
    m_name->setMaxLength(Customer::MaxNameLength + 20); // longer input gets a message, not a cut
    m_uin->setAccessibleName(tr("UIN"));
    m_uin->setPlaceholderText(
        tr("Account ID, %1 to %2 digits").arg(Customer::MinUinLength).arg(Customer::MaxUinLength));
    m_uin->setToolTip(tr("The customer's Tencent Cloud account ID (UIN), digits only."));
    m_eligible->setChecked(true);
    m_eligible->setAccessibleName(tr("Eligible for vouchers"));
    m_eligible->setToolTip(tr("Only eligible customers can be chosen in an application."));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(FieldMessage::errorStyleSheet());
    m_error->hide();

    auto *form = new QFormLayout;
    auto *nameLabel = new QLabel(tr("&Name:"));
    nameLabel->setBuddy(m_name);
    auto *uinLabel = new QLabel(tr("&UIN:"));
    uinLabel->setBuddy(m_uin);
    form->addRow(nameLabel, FieldMessage::wrap(m_name, m_nameMessage));
    form->addRow(uinLabel, FieldMessage::wrap(m_uin, m_uinMessage));
    form->addRow(QString(), m_eligible);

    QPushButton *add = m_buttons->button(QDialogButtonBox::Ok);
    add->setText(tr("&Add"));
    add->setAccessibleName(tr("Add customer"));
    add->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CustomerDialog::reject);

    // A message describes the value it was given; once the value changes it is stale.
    connect(m_name, &QLineEdit::textEdited, m_nameMessage, &FieldMessage::clearMessage);
    connect(m_uin, &QLineEdit::textEdited, m_uinMessage, &FieldMessage::clearMessage);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_uin);
    setTabOrder(m_uin, m_eligible);
    setTabOrder(m_eligible, m_buttons);
    setMinimumWidth(440);
}

void CustomerDialog::accept()
{
    clearMessages();
    Customer draft;
    draft.id = m_customerId;
    draft.name = m_name->text();
    draft.uin = m_uin->text();
    draft.eligible = m_eligible->isChecked();

    const Result<Customer> result = m_session.commands().addCustomer(draft);
    if (!result.ok()) {
        const CommandError &error = result.error();
        QString unplaced;
        for (const FieldError &fieldError : error.fieldErrors()) {
            if (fieldError.field == u"name"_s)
                m_nameMessage->showMessage(fieldError.message);
            else if (fieldError.field == u"uin"_s)
                m_uinMessage->showMessage(fieldError.message);
            else
                unplaced = fieldError.message;
        }
        if (error.fieldErrors().isEmpty() || !unplaced.isEmpty()) {
            m_error->setText(unplaced.isEmpty() ? error.message() : unplaced);
            m_error->setAccessibleName(m_error->text());
            m_error->show();
        }
        if (m_nameMessage->hasMessage())
            m_name->setFocus();
        else if (m_uinMessage->hasMessage())
            m_uin->setFocus();
        return;
    }
    m_customer = result.value();
    m_session.notifyChanged(Session::Change::Customers);
    QDialog::accept();
}

void CustomerDialog::clearMessages()
{
    m_nameMessage->clearMessage();
    m_uinMessage->clearMessage();
    m_error->clear();
    m_error->hide();
}
