#include "ui/vouchers/paydialog.h"

#include "core/commands/session.h"
#include "core/domain/money.h"
#include "core/repositories/productrepository.h"
#include "core/rules/deductionrules.h"
#include "core/store/database.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/icons.h"

#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
const QString kOrderId = u"orderId"_s;
const QString kProduct = u"productCode"_s;
const QString kPayMode = u"payMode"_s;
const QString kAmount = u"orderAmountMinor"_s;
} // namespace

PayDialog::PayDialog(Session &session, const Voucher &voucher, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_voucher(voucher)
    , m_requestId(session.context().newId())
    , m_orderId(new QLineEdit)
    , m_product(new QComboBox)
    , m_payMode(new QComboBox)
    , m_amount(new QLineEdit)
    , m_preview(new QLabel)
    , m_message(new QLabel)
{
    setWindowTitle(tr("Pay with voucher %1").arg(voucher.code));
    setUpInputs();
    QFormLayout *form = createForm();
    QDialogButtonBox *buttons = createButtons();
    fillProducts();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTerms());
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setTabOrder(m_orderId, m_product);
    setTabOrder(m_product, m_payMode);
    setTabOrder(m_payMode, m_amount);
    setTabOrder(m_amount, m_payButton);
    setTabOrder(m_payButton, buttons->button(QDialogButtonBox::Cancel));

    connect(m_amount, &QLineEdit::textChanged, this, &PayDialog::updatePreview);
    m_orderId->setFocus();
    updatePreview();
    resize(sizeHint().expandedTo(QSize(480, 0)));
}

// The voucher's terms, one labelled row each: what a translator gets as whole phrases, and what
// a screen reader reads as label and value.
QWidget *PayDialog::createTerms()
{
    auto *box = new QGroupBox(tr("Voucher %1").arg(m_voucher.code));
    auto *rows = new QFormLayout(box);
    const auto addRow = [&](const QString &label, const QString &value, const QString &name) {
        auto *shown = new QLabel(value);
        shown->setObjectName(name);
        shown->setTextFormat(Qt::PlainText);
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        rows->addRow(label, shown);
    };
    const QString currency = m_voucher.currency;
    addRow(tr("Balance:"),
           tr("%1 of %2 left")
               .arg(DisplayFormat::money(m_voucher.balanceMinor, currency),
                    DisplayFormat::money(m_voucher.faceValueMinor, currency)),
           u"balanceTerm"_s);
    addRow(tr("Pays for:"),
           m_voucher.payMode == PayMode::All       ? tr("Prepaid and postpaid bills")
           : m_voucher.payMode == PayMode::Prepaid ? tr("Prepaid bills only")
                                                   : tr("Postpaid bills only"),
           u"payModeTerm"_s);
    if (m_voucher.minSpendMinor > 0) {
        addRow(tr("Minimum bill:"), DisplayFormat::money(m_voucher.minSpendMinor, currency),
               u"minSpendTerm"_s);
    }
    addRow(tr("Usable until:"), DisplayFormat::dateTime(m_voucher.expiresAt), u"expiryTerm"_s);
    return box;
}

void PayDialog::setUpInputs()
{
    m_orderId->setAccessibleName(tr("Order number"));
    m_orderId->setMaxLength(Deduction::MaxOrderIdLength);
    m_orderId->setPlaceholderText(tr("The bill's order number"));
    m_product->setAccessibleName(tr("Product"));
    m_payMode->setAccessibleName(tr("Order pay mode"));
    m_payMode->addItem(payModeDisplayName(PayMode::Prepaid), int(PayMode::Prepaid));
    m_payMode->addItem(payModeDisplayName(PayMode::Postpaid), int(PayMode::Postpaid));
    if (m_voucher.payMode == PayMode::Postpaid)
        m_payMode->setCurrentIndex(1);
    m_amount->setAccessibleName(tr("Order amount"));
    m_amount->setPlaceholderText(
        tr("for example %1").arg(Money(100000, m_voucher.currency).toEditString()));

    m_preview->setObjectName(u"preview"_s);
    m_preview->setTextFormat(Qt::PlainText);
    m_message->setObjectName(u"message"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(FieldMessage::errorStyleSheet());
    m_message->hide();
}

// The inputs with their labels and, below each, the message about its value; editing a field
// retires its message.
QFormLayout *PayDialog::createForm()
{
    auto *form = new QFormLayout;
    // Every message wraps below its field over the field's whole width.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](const QString &label, QWidget *input, const QString &field,
                            QWidget *trailing = nullptr) {
        auto *message = new FieldMessage(input);
        m_fieldMessages.insert(field, message);
        auto *labelWidget = new QLabel(label);
        labelWidget->setBuddy(input);
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(input, 1);
        if (trailing)
            row->addWidget(trailing);
        form->addRow(labelWidget, FieldMessage::wrap(row, message));
        return message;
    };
    FieldMessage *orderMessage = addRow(tr("&Order number:"), m_orderId, kOrderId);
    FieldMessage *productMessage = addRow(tr("P&roduct:"), m_product, kProduct);
    FieldMessage *payModeMessage = addRow(tr("Order pay &mode:"), m_payMode, kPayMode);
    FieldMessage *amountMessage =
        addRow(tr("Order &amount:"), m_amount, kAmount, new QLabel(m_voucher.currency));

    connect(m_orderId, &QLineEdit::textEdited, orderMessage, &FieldMessage::clearMessage);
    connect(m_amount, &QLineEdit::textEdited, amountMessage, &FieldMessage::clearMessage);
    connect(m_product, &QComboBox::currentIndexChanged, productMessage,
            &FieldMessage::clearMessage);
    connect(m_payMode, &QComboBox::currentIndexChanged, payModeMessage,
            &FieldMessage::clearMessage);
    return form;
}

QDialogButtonBox *PayDialog::createButtons()
{
    auto *buttons = new QDialogButtonBox;
    m_payButton = buttons->addButton(tr("&Pay"), QDialogButtonBox::AcceptRole);
    m_payButton->setIcon(Icons::get(u"pay"_s));
    m_payButton->setAccessibleName(tr("Pay"));
    m_payButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_payButton, &QPushButton::clicked, this, &PayDialog::pay);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void PayDialog::fillProducts()
{
    const Result<QList<Product>> catalogue = m_session.db().read(
        [&]() -> Result<QList<Product>> { return ProductRepository(m_session.db()).all(); });
    if (!catalogue)
        showMessage(catalogue.error().message());
    QList<Product> covered;
    QList<Product> others;
    for (const Product &product : catalogue.value_or({})) {
        if (product.active)
            (m_voucher.covers(product.code) ? covered : others).append(product);
    }
    QCollator collator;
    const auto byName = [&](const Product &a, const Product &b) {
        return collator.compare(a.displayName(), b.displayName()) < 0;
    };
    std::sort(covered.begin(), covered.end(), byName);
    std::sort(others.begin(), others.end(), byName);
    // The products the voucher pays for first; the others stay choosable so that the refusal
    // explains itself rather than the product silently missing.
    for (const Product &product : std::as_const(covered))
        m_product->addItem(product.displayName(), product.code);
    if (!covered.isEmpty() && !others.isEmpty())
        m_product->insertSeparator(m_product->count());
    for (const Product &product : std::as_const(others)) {
        m_product->addItem(tr("%1 (not covered by this voucher)").arg(product.displayName()),
                           product.code);
    }
    m_product->setCurrentIndex(0);
}

void PayDialog::updatePreview()
{
    const std::optional<Money> amount =
        Money::parse(m_amount->text(), m_voucher.currency, QLocale());
    if (!amount || amount->minor() <= 0) {
        m_preview->setText(tr("Enter the order amount to see what the voucher pays."));
    } else {
        const qint64 deducted = std::min(m_voucher.balanceMinor, amount->minor());
        m_preview->setText(
            tr("Will deduct %1; balance after %2")
                .arg(DisplayFormat::money(deducted, m_voucher.currency),
                     DisplayFormat::money(m_voucher.balanceMinor - deducted, m_voucher.currency)));
    }
    m_preview->setAccessibleName(m_preview->text());
}

void PayDialog::pay()
{
    clearMessages();
    Deduction request;
    request.id = m_requestId;
    request.voucherId = m_voucher.id;
    request.customerId = m_voucher.customerId;
    request.orderId = m_orderId->text().trimmed();
    request.productCode = m_product->currentData().toString();
    request.payMode = PayMode(m_payMode->currentData().toInt());
    QString amountError;
    const std::optional<Money> amount =
        Money::parse(m_amount->text(), m_voucher.currency, QLocale(), &amountError);
    request.orderAmountMinor = amount ? amount->minor() : 0;

    // Every field's problem at once, before asking the store.
    FieldErrors errors = DeductionRules::validateRequest(request);
    if (!amount) {
        errors.removeIf([](const FieldError &error) { return error.field == kAmount; });
        errors.append({kAmount, amountError});
    }
    if (!errors.isEmpty()) {
        showFieldErrors(errors);
        return;
    }

    const Result<Deduction> result = m_session.commands().recordDeduction(request);
    if (!result) {
        if (result.error().kind() == CommandError::Kind::InvalidParameter &&
            !result.error().fieldErrors().isEmpty())
            showFieldErrors(result.error().fieldErrors());
        else
            showMessage(result.error().message());
        return;
    }
    m_recorded = result.value();
    m_session.notifyChanged(Session::Change::Vouchers | Session::Change::Applications);
    accept();
}

void PayDialog::clearMessages()
{
    for (FieldMessage *message : std::as_const(m_fieldMessages))
        message->clearMessage();
    m_message->clear();
    m_message->hide();
}

void PayDialog::showFieldErrors(const FieldErrors &errors)
{
    QWidget *first = nullptr;
    QStringList elsewhere;
    for (const FieldError &error : errors) {
        FieldMessage *message = m_fieldMessages.value(error.field);
        if (!message) {
            elsewhere.append(error.message);
            continue;
        }
        message->showMessage(error.message);
        if (!first)
            first = message->field();
    }
    if (!elsewhere.isEmpty())
        showMessage(elsewhere.join(u'\n'));
    growToFit();
    if (first)
        first->setFocus();
}

// A wrapped message needs the height its width gives it; the dialog was sized before it
// showed, and Qt gives a word-wrapped label one line of a fixed-height dialog.
void PayDialog::growToFit()
{
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void PayDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->show();
    growToFit();
}
