#include "ui/templates/templatedetailsform.h"

#include "core/domain/money.h"
#include "ui/templates/blocklistlabel.h"
#include "ui/templates/productpicker.h"
#include "ui/templates/productscope.h"
#include "ui/widgets/fieldmessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TemplateDetailsForm::TemplateDetailsForm(const ProductScope &scope, const QString &currency,
                                         QWidget *parent)
    : QWidget(parent)
    , m_currency(currency)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Created in the order of the rows: that is the tab order.
    m_name = new QLineEdit;
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(VoucherTemplate::MaxNameLength + 20); // longer input gets a message
    m_nameMessage = messageFor(m_name, u"nameMessage"_s);
    addLabelledRow(tr("&Name:"), m_name, FieldMessage::wrap(m_name, m_nameMessage));
    addKindRows(scope);
    addValueRows();
    addTermsRows();
    updateKind();

    // What the user changes; setTemplate() fills the fields without a word.
    const auto byUser = [this] {
        if (!m_loading)
            emit edited();
    };
    connect(m_name, &QLineEdit::textEdited, this, byUser);
    connect(m_specific, &QRadioButton::toggled, this, byUser);
    connect(m_products, &ProductPicker::checkedCodesChanged, this, byUser);
    connect(m_faceValue, &QLineEdit::textEdited, this, byUser);
    connect(m_validity, &QSpinBox::valueChanged, this, byUser);
    connect(m_minSpend, &QLineEdit::textEdited, this, byUser);
    connect(m_payMode, &QComboBox::currentIndexChanged, this, byUser);
    connect(m_note, &QPlainTextEdit::textChanged, this, byUser);
}

// The label's buddy is the input itself, a sibling in this form (never a wrapping widget): its
// mnemonic focuses the input, and a screen reader reads the label as the input's.
void TemplateDetailsForm::addLabelledRow(const QString &label, QWidget *input, QLayout *field)
{
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(input);
    m_form->addRow(labelWidget, field);
}

QLayout *TemplateDetailsForm::rowWith(QWidget *field, QWidget *trailing)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(field);
    if (trailing)
        row->addWidget(trailing);
    row->addStretch();
    return row;
}

FieldMessage *TemplateDetailsForm::messageFor(QWidget *field, const QString &name)
{
    auto *message = new FieldMessage(field);
    message->setObjectName(name);
    return message;
}

void TemplateDetailsForm::addKindRows(const ProductScope &scope)
{
    m_specific = new QRadioButton(tr("&Specific products"));
    m_specific->setObjectName(u"specificRadio"_s);
    m_specific->setAccessibleName(tr("Specific product voucher"));
    m_universal = new QRadioButton(tr("&Universal products"));
    m_universal->setObjectName(u"universalRadio"_s);
    m_universal->setAccessibleName(tr("Universal product voucher"));
    m_blocklist = new BlocklistLabel;
    m_blocklist->setObjectName(u"blocklistLabel"_s);
    m_blocklist->setScope(scope);
    auto *kindBox = new QWidget;
    auto *kindLayout = new QVBoxLayout(kindBox);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(m_specific);
    auto *universalRow = new QHBoxLayout;
    universalRow->setSpacing(4);
    universalRow->addWidget(m_universal);
    universalRow->addWidget(m_blocklist);
    universalRow->addStretch();
    kindLayout->addLayout(universalRow);
    kindBox->setFocusProxy(m_specific);
    m_specific->setChecked(true);
    m_form->addRow(tr("Kind:"), kindBox);
    connect(m_specific, &QRadioButton::toggled, this, &TemplateDetailsForm::updateKind);

    m_products = new ProductPicker;
    m_products->setObjectName(u"productPicker"_s);
    m_products->setProducts(scope.products());
    m_productsMessage = messageFor(m_products->list(), u"productsMessage"_s);
    m_productsRow = FieldMessage::wrap(m_products, m_productsMessage);
    addLabelledRow(tr("&Products:"), m_products, m_productsRow);
}

void TemplateDetailsForm::addValueRows()
{
    m_faceValue = new QLineEdit;
    m_faceValue->setObjectName(u"faceValueEdit"_s);
    m_faceValue->setAccessibleName(tr("Face value"));
    m_faceValue->setAlignment(Qt::AlignRight);
    m_faceValueMessage = messageFor(m_faceValue, u"faceValueMessage"_s);
    auto *currency = new QLabel(m_currency);
    currency->setObjectName(u"currencyLabel"_s);
    currency->setToolTip(tr("Your quota pool's currency"));
    addLabelledRow(tr("&Face value:"), m_faceValue,
                   FieldMessage::wrap(rowWith(m_faceValue, currency), m_faceValueMessage));

    m_validity = new QSpinBox;
    m_validity->setObjectName(u"validitySpin"_s);
    m_validity->setAccessibleName(tr("Validity in days after issue"));
    // Wider than the rule: a spin box clamps what is typed ("400" became 40 as the 0 was
    // refused), where the rule's message says what is allowed.
    m_validity->setRange(VoucherTemplate::MinValidityDays, 9999);
    m_validity->setValue(30);
    m_validityMessage = messageFor(m_validity, u"validityMessage"_s);
    addLabelledRow(tr("&Validity:"), m_validity,
                   FieldMessage::wrap(rowWith(m_validity, new QLabel(tr("days after issue"))),
                                      m_validityMessage));

    m_minSpend = new QLineEdit;
    m_minSpend->setObjectName(u"minSpendEdit"_s);
    m_minSpend->setAccessibleName(tr("Minimum spend"));
    m_minSpend->setAlignment(Qt::AlignRight);
    m_minSpend->setToolTip(tr("Orders below this amount cannot be paid with the voucher."));
    m_minSpend->setText(Money(0, m_currency).toEditString());
    m_minSpendMessage = messageFor(m_minSpend, u"minSpendMessage"_s);
    addLabelledRow(
        tr("&Min spend:"), m_minSpend,
        FieldMessage::wrap(rowWith(m_minSpend, new QLabel(m_currency)), m_minSpendMessage));
}

void TemplateDetailsForm::addTermsRows()
{
    m_payMode = new QComboBox;
    m_payMode->setObjectName(u"payModeCombo"_s);
    m_payMode->setAccessibleName(tr("Pay mode"));
    // The words of every other place (the summary, the list, the Pay dialog): "All" here read
    // as another choice than "Prepaid and postpaid" on the confirm step.
    for (const PayMode mode : {PayMode::All, PayMode::Prepaid, PayMode::Postpaid})
        m_payMode->addItem(payModeDisplayName(mode), int(mode));
    m_payMode->setToolTip(tr("Which bills the voucher may pay: prepaid, postpaid, or both."));
    addLabelledRow(tr("Pa&y mode:"), m_payMode, rowWith(m_payMode));

    m_note = new QPlainTextEdit;
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_note->setPlaceholderText(
        tr("Optional, up to %1 characters").arg(VoucherTemplate::MaxNoteLength));
    m_noteMessage = messageFor(m_note, u"noteMessage"_s);
    addLabelledRow(tr("N&ote:"), m_note, FieldMessage::wrap(m_note, m_noteMessage));
}

void TemplateDetailsForm::setTemplate(const VoucherTemplate &t)
{
    const QScopedValueRollback loading(m_loading, true);
    m_name->setText(t.name);
    (t.kind == VoucherKind::Universal ? m_universal : m_specific)->setChecked(true);
    m_products->setCheckedCodes(t.productCodes);
    const QString currency = t.currency.isEmpty() ? m_currency : t.currency;
    m_faceValue->setText(Money(t.faceValueMinor, currency).toEditString());
    m_validity->setValue(t.validityDays);
    m_minSpend->setText(Money(t.minSpendMinor, currency).toEditString());
    m_payMode->setCurrentIndex(m_payMode->findData(int(t.payMode)));
    m_note->setPlainText(t.note);
    updateKind();
}

void TemplateDetailsForm::setReadOnly(bool readOnly)
{
    const QScopedValueRollback loading(m_loading, true);
    m_name->setReadOnly(readOnly);
    m_specific->setEnabled(!readOnly);
    m_universal->setEnabled(!readOnly);
    m_products->setReadOnly(readOnly);
    m_faceValue->setReadOnly(readOnly);
    m_validity->setReadOnly(readOnly);
    m_minSpend->setReadOnly(readOnly);
    m_payMode->setEnabled(!readOnly);
    m_note->setReadOnly(readOnly);
}

void TemplateDetailsForm::updateKind()
{
    const bool specific = m_specific->isChecked();
    m_form->setRowVisible(m_productsRow, specific);
    if (!specific)
        m_productsMessage->clearMessage();
}

FieldErrors TemplateDetailsForm::read(VoucherTemplate &draft) const
{
    FieldErrors errors;
    draft.name = m_name->text().trimmed();
    draft.kind = m_universal->isChecked() ? VoucherKind::Universal : VoucherKind::Specific;
    draft.currency = m_currency;
    QString problem;
    if (const auto face = Money::parse(m_faceValue->text(), m_currency, QLocale(), &problem))
        draft.faceValueMinor = face->minor();
    else
        errors.append({u"faceValueMinor"_s, problem});
    if (m_minSpend->text().trimmed().isEmpty())
        draft.minSpendMinor = 0;
    else if (const auto minSpend =
                 Money::parse(m_minSpend->text(), m_currency, QLocale(), &problem))
        draft.minSpendMinor = minSpend->minor();
    else
        errors.append({u"minSpendMinor"_s, problem});
    draft.validityDays = m_validity->value();
    draft.payMode = PayMode(m_payMode->currentData().toInt());
    draft.productCodes =
        draft.kind == VoucherKind::Specific ? m_products->checkedCodes() : QStringList();
    draft.note = m_note->toPlainText().trimmed();
    return errors;
}

QList<std::pair<QStringList, FieldMessage *>> TemplateDetailsForm::messageTargets() const
{
    return {
        {{u"name"_s}, m_nameMessage},
        {{u"productCodes"_s, u"kind"_s}, m_productsMessage},
        {{u"faceValueMinor"_s, u"currency"_s}, m_faceValueMessage},
        {{u"validityDays"_s}, m_validityMessage},
        {{u"minSpendMinor"_s, u"payMode"_s}, m_minSpendMessage},
        {{u"note"_s}, m_noteMessage},
    };
}

void TemplateDetailsForm::updateShownErrors(const FieldErrors &errors)
{
    for (const auto &[fields, message] : messageTargets()) {
        if (!m_live.contains(message))
            continue;
        QStringList texts;
        for (const FieldError &error : errors) {
            if (fields.contains(error.field))
                texts.append(error.message);
        }
        if (texts.isEmpty()) {
            QSizePolicy keep = message->sizePolicy();
            keep.setRetainSizeWhenHidden(true);
            message->setSizePolicy(keep);
            message->clearMessage();
        } else if (texts.join(u'\n') != message->text()) {
            message->showMessage(texts.join(u'\n'));
        }
    }
}

bool TemplateDetailsForm::hasMessages() const
{
    return !m_live.isEmpty();
}

QStringList TemplateDetailsForm::showErrors(const FieldErrors &errors)
{
    const QList<std::pair<QStringList, FieldMessage *>> targets = messageTargets();
    QStringList unplaced;
    for (const FieldError &error : errors) {
        FieldMessage *target = nullptr;
        for (const auto &[fields, message] : targets) {
            if (fields.contains(error.field))
                target = message;
        }
        if (!target || (target == m_productsMessage && !m_specific->isChecked())) {
            unplaced.append(error.message);
            continue;
        }
        target->showMessage(target->hasMessage() ? target->text() + u'\n' + error.message
                                                 : error.message);
        m_live.insert(target);
    }
    for (const auto &[fields, message] : targets) {
        if (message->hasMessage()) {
            message->field()->setFocus();
            break;
        }
    }
    return unplaced;
}

void TemplateDetailsForm::clearMessages()
{
    for (const auto &[fields, message] : messageTargets()) {
        QSizePolicy free = message->sizePolicy();
        free.setRetainSizeWhenHidden(false);
        message->setSizePolicy(free);
        message->clearMessage();
    }
    m_live.clear();
}

void TemplateDetailsForm::focusFirstField()
{
    m_name->setFocus();
}
