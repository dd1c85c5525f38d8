#include "templateeditor.h"

#include "blocklistlabel.h"
#include "database.h"
#include "displayformat.h"
#include "fieldmessage.h"
#include "icons.h"
#include "money.h"
#include "productpicker.h"
#include "session.h"
#include "storeerror.h"
#include "templatecommands.h"
#include "templaterepository.h"
#include "templaterules.h"
#include "templatesummary.h"
#include "templatetablemodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
const QString BannerWarningStyle =
    u"QLabel { background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; "
    u"border-radius: 4px; padding: 6px; }"_s;
const QString BannerInfoStyle = u"QLabel { background: #f3f4f6; color: #374151; border: 1px "
                                u"solid #d1d5db; border-radius: 4px; padding: 6px; }"_s;
} // namespace

TemplateEditor::TemplateEditor(Session &session, Mode mode, const VoucherTemplate &tmpl,
                               QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
    , m_newId(session.context().newId())
{
    setObjectName(u"templateEditor"_s);
    const auto partner = m_session.partner();
    m_currency = partner ? partner->currency : tmpl.currency;
    if (mode == Mode::View && !tmpl.currency.isEmpty())
        m_currency = tmpl.currency;
    QString loadProblem;
    try {
        m_scope = ProductScope::load(m_session.db(), m_session.now());
    } catch (const StoreError &) {
        loadProblem = tr("The product catalogue could not be read; product names may be missing.");
    }

    m_banner = new QLabel;
    m_banner->setObjectName(u"editorMessage"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();
    m_info = new QLabel;
    m_info->setObjectName(u"editorInfo"_s);
    m_info->setStyleSheet(u"color: palette(mid);"_s);
    m_info->setVisible(mode != Mode::Create);

    m_steps = new QStackedWidget;
    m_steps->addWidget(buildDetailsPage());
    m_steps->addWidget(buildConfirmPage());

    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(u"cancelButton"_s);
    m_back = new QPushButton(tr("◂ &Back"));
    m_back->setObjectName(u"backButton"_s);
    m_next = new QPushButton(tr("Ne&xt ▸"));
    m_next->setObjectName(u"nextButton"_s);
    m_confirm = new QPushButton(tr("&Confirm"));
    m_confirm->setObjectName(u"confirmButton"_s);
    m_close = new QPushButton(tr("Close"));
    m_close->setObjectName(u"closeButton"_s);
    for (QPushButton *button : {m_cancel, m_back, m_next, m_confirm, m_close})
        button->setAccessibleName(button->text().remove(u'&').remove(u'◂').remove(u'▸').trimmed());
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &TemplateEditor::back);
    connect(m_next, &QPushButton::clicked, this, &TemplateEditor::next);
    connect(m_confirm, &QPushButton::clicked, this, &TemplateEditor::confirm);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QPushButton *button : {m_cancel, m_back, m_next, m_confirm, m_close})
        buttons->addWidget(button);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_info);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buttons);

    if (mode == Mode::Create) {
        setWindowTitle(tr("Create Template"));
        m_faceValue->clear();
        m_minSpend->setText(Money(0, m_currency).toEditString());
    } else {
        loadTemplate(tmpl);
    }
    setMode(mode == Mode::Edit && tmpl.locked ? Mode::View : mode);
    if (mode == Mode::Edit && tmpl.locked)
        showBanner(TemplateTableModel::lockedReason(), true);
    else if (!loadProblem.isEmpty())
        showBanner(loadProblem, true);
    resize(sizeHint().expandedTo(QSize(640, 620)));
}

QWidget *TemplateEditor::withMessage(QWidget *field, FieldMessage *message)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    box->setFocusProxy(field);
    return box;
}

QWidget *TemplateEditor::buildDetailsPage()
{
    auto *page = new QWidget;
    m_form = new QFormLayout(page);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit;
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(VoucherTemplate::MaxNameLength + 20); // longer input gets a message
    m_nameMessage = new FieldMessage(m_name);
    m_nameMessage->setObjectName(u"nameMessage"_s);
    m_form->addRow(tr("&Name:"), withMessage(m_name, m_nameMessage));

    m_specific = new QRadioButton(tr("&Specific products"));
    m_specific->setObjectName(u"specificRadio"_s);
    m_specific->setAccessibleName(tr("Specific product voucher"));
    m_universal = new QRadioButton(tr("&Universal products"));
    m_universal->setObjectName(u"universalRadio"_s);
    m_universal->setAccessibleName(tr("Universal product voucher"));
    m_blocklist = new BlocklistLabel;
    m_blocklist->setObjectName(u"blocklistLabel"_s);
    m_blocklist->setScope(m_scope);
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
    connect(m_specific, &QRadioButton::toggled, this, &TemplateEditor::updateKind);

    m_products = new ProductPicker;
    m_products->setObjectName(u"productPicker"_s);
    m_products->setProducts(m_scope.products());
    m_productsMessage = new FieldMessage(m_products->list());
    m_productsMessage->setObjectName(u"productsMessage"_s);
    m_productsRow = withMessage(m_products, m_productsMessage);
    m_form->addRow(tr("&Products:"), m_productsRow);

    m_faceValue = new QLineEdit;
    m_faceValue->setObjectName(u"faceValueEdit"_s);
    m_faceValue->setAccessibleName(tr("Face value"));
    m_faceValue->setAlignment(Qt::AlignRight);
    m_faceValueMessage = new FieldMessage(m_faceValue);
    m_faceValueMessage->setObjectName(u"faceValueMessage"_s);
    auto *faceRow = new QWidget;
    auto *faceLayout = new QHBoxLayout(faceRow);
    faceLayout->setContentsMargins(0, 0, 0, 0);
    faceLayout->addWidget(m_faceValue);
    auto *currency = new QLabel(m_currency);
    currency->setObjectName(u"currencyLabel"_s);
    currency->setToolTip(tr("Your quota pool's currency"));
    faceLayout->addWidget(currency);
    faceLayout->addStretch();
    faceRow->setFocusProxy(m_faceValue);
    m_form->addRow(tr("&Face value:"), withMessage(faceRow, m_faceValueMessage));

    m_validity = new QSpinBox;
    m_validity->setObjectName(u"validitySpin"_s);
    m_validity->setAccessibleName(tr("Validity in days after issue"));
    m_validity->setRange(VoucherTemplate::MinValidityDays, VoucherTemplate::MaxValidityDays);
    m_validity->setValue(30);
    m_validityMessage = new FieldMessage(m_validity);
    m_validityMessage->setObjectName(u"validityMessage"_s);
    auto *validityRow = new QWidget;
    auto *validityLayout = new QHBoxLayout(validityRow);
    validityLayout->setContentsMargins(0, 0, 0, 0);
    validityLayout->addWidget(m_validity);
    validityLayout->addWidget(new QLabel(tr("days after issue")));
    validityLayout->addStretch();
    validityRow->setFocusProxy(m_validity);
    m_form->addRow(tr("&Validity:"), withMessage(validityRow, m_validityMessage));

    m_minSpend = new QLineEdit;
    m_minSpend->setObjectName(u"minSpendEdit"_s);
    m_minSpend->setAccessibleName(tr("Minimum spend"));
    m_minSpend->setAlignment(Qt::AlignRight);
    m_minSpend->setToolTip(tr("Orders below this amount cannot be paid with the voucher."));
    m_minSpendMessage = new FieldMessage(m_minSpend);
    m_minSpendMessage->setObjectName(u"minSpendMessage"_s);
    auto *minSpendRow = new QWidget;
    auto *minSpendLayout = new QHBoxLayout(minSpendRow);
    minSpendLayout->setContentsMargins(0, 0, 0, 0);
    minSpendLayout->addWidget(m_minSpend);
    minSpendLayout->addWidget(new QLabel(m_currency));
    minSpendLayout->addStretch();
    minSpendRow->setFocusProxy(m_minSpend);
    m_form->addRow(tr("&Min spend:"), withMessage(minSpendRow, m_minSpendMessage));

    m_payMode = new QComboBox;
    m_payMode->setObjectName(u"payModeCombo"_s);
    m_payMode->setAccessibleName(tr("Pay mode"));
    m_payMode->addItem(tr("All"), int(PayMode::All));
    m_payMode->addItem(tr("Prepaid"), int(PayMode::Prepaid));
    m_payMode->addItem(tr("Postpaid"), int(PayMode::Postpaid));
    m_payMode->setToolTip(tr("Which bills the voucher may pay: prepaid, postpaid, or both."));
    auto *payModeRow = new QWidget;
    auto *payModeLayout = new QHBoxLayout(payModeRow);
    payModeLayout->setContentsMargins(0, 0, 0, 0);
    payModeLayout->addWidget(m_payMode);
    payModeLayout->addStretch();
    payModeRow->setFocusProxy(m_payMode);
    m_form->addRow(tr("Pa&y mode:"), payModeRow);

    m_note = new QPlainTextEdit;
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_note->setPlaceholderText(
        tr("Optional, up to %1 characters").arg(VoucherTemplate::MaxNoteLength));
    m_noteMessage = new FieldMessage(m_note);
    m_noteMessage->setObjectName(u"noteMessage"_s);
    m_form->addRow(tr("N&ote:"), withMessage(m_note, m_noteMessage));

    updateKind();
    return page;
}

QWidget *TemplateEditor::buildConfirmPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Review the template before saving it:"));
    QFont bold = intro->font();
    bold.setBold(true);
    intro->setFont(bold);
    layout->addWidget(intro);
    m_summary = new TemplateSummary;
    m_summary->setObjectName(u"summary"_s);
    layout->addWidget(m_summary);
    auto *lockNote =
        new QLabel(tr("After an application is submitted this template can no longer be edited."));
    lockNote->setObjectName(u"lockNote"_s);
    lockNote->setWordWrap(true);
    lockNote->setStyleSheet(BannerInfoStyle);
    layout->addSpacing(8);
    layout->addWidget(lockNote);
    layout->addStretch();
    return page;
}

void TemplateEditor::loadTemplate(const VoucherTemplate &t)
{
    m_base = t;
    m_name->setText(t.name);
    (t.kind == VoucherKind::Universal ? m_universal : m_specific)->setChecked(true);
    m_products->setCheckedCodes(t.productCodes);
    const QString currency = t.currency.isEmpty() ? m_currency : t.currency;
    m_faceValue->setText(Money(t.faceValueMinor, currency).toEditString());
    m_validity->setValue(t.validityDays);
    m_minSpend->setText(Money(t.minSpendMinor, currency).toEditString());
    m_payMode->setCurrentIndex(m_payMode->findData(int(t.payMode)));
    m_note->setPlainText(t.note);
    QString info =
        tr("Version %1 · created %2 · last changed %3")
            .arg(t.version)
            .arg(DisplayFormat::dateTime(t.createdAt), DisplayFormat::dateTime(t.updatedAt));
    if (t.locked)
        info += u" · "_s + TemplateTableModel::lockedReason();
    m_info->setText(info);
    updateKind();
}

void TemplateEditor::setMode(Mode mode)
{
    m_mode = mode;
    const bool readOnly = mode == Mode::View;
    m_name->setReadOnly(readOnly);
    m_specific->setEnabled(!readOnly);
    m_universal->setEnabled(!readOnly);
    m_products->setReadOnly(readOnly);
    m_faceValue->setReadOnly(readOnly);
    m_validity->setReadOnly(readOnly);
    m_minSpend->setReadOnly(readOnly);
    m_payMode->setEnabled(!readOnly);
    m_note->setReadOnly(readOnly);
    if (mode == Mode::Edit)
        setWindowTitle(tr("Edit Template — %1").arg(m_base.name));
    else if (mode == Mode::View)
        setWindowTitle(tr("Template — %1").arg(m_base.name));
    m_steps->setCurrentIndex(0);
    updateButtons();
}

void TemplateEditor::updateKind()
{
    const bool specific = m_specific->isChecked();
    m_form->setRowVisible(m_productsRow, specific);
    if (!specific)
        m_productsMessage->clearMessage();
}

void TemplateEditor::updateButtons()
{
    const bool view = m_mode == Mode::View;
    const bool confirmStep = m_steps->currentIndex() == 1;
    m_cancel->setVisible(!view);
    m_close->setVisible(view);
    m_next->setVisible(!view && !confirmStep);
    m_back->setVisible(!view && confirmStep);
    m_confirm->setVisible(!view && confirmStep);
    QPushButton *defaultButton = view ? m_close : confirmStep ? m_confirm : m_next;
    for (QPushButton *button : {m_cancel, m_back, m_next, m_confirm, m_close})
        button->setDefault(button == defaultButton);
}

void TemplateEditor::clearMessages()
{
    for (FieldMessage *message : {m_nameMessage, m_productsMessage, m_faceValueMessage,
                                  m_validityMessage, m_minSpendMessage, m_noteMessage})
        message->clearMessage();
    m_banner->hide();
    m_banner->clear();
}

void TemplateEditor::showBanner(const QString &message, bool warning)
{
    m_banner->setText(message);
    m_banner->setStyleSheet(warning ? BannerWarningStyle : BannerInfoStyle);
    m_banner->setAccessibleName(message);
    m_banner->show();
}

bool TemplateEditor::readDraft()
{
    clearMessages();
    FieldErrors errors;
    VoucherTemplate draft = m_mode == Mode::Create ? VoucherTemplate() : m_base;
    draft.id = m_mode == Mode::Create ? m_newId : m_base.id;
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

    try {
        TemplateRuleContext rules;
        for (const Product &product : m_scope.products()) {
            if (product.active)
                rules.activeProductCodes.insert(product.code);
        }
        rules.faceValueCapMinor = m_session.context().faceValueCapMinor();
        rules.partnerCurrency = m_currency;
        // An amount that could not be read already has its message; the rules would only
        // add "must be greater than 0" to it.
        QSet<QString> unreadable;
        for (const FieldError &error : std::as_const(errors))
            unreadable.insert(error.field);
        bool nameInvalid = false;
        for (const FieldError &error : TemplateRules::validate(draft, rules)) {
            if (!unreadable.contains(error.field))
                errors.append(error);
            nameInvalid = nameInvalid || error.field == u"name"_s;
        }
        if (!nameInvalid && TemplateRepository(m_session.db())
                                .nameTaken(m_session.actor().partnerId, draft.name, draft.id)) {
            errors.append({u"name"_s, tr("You already have a template named \"%1\". Choose "
                                         "another name.")
                                          .arg(draft.name)});
        }
    } catch (const StoreError &) {
        // The command checks again when saving; it reports what could not be checked here.
    }
    m_draft = draft;
    showFieldErrors(errors);
    return errors.isEmpty();
}

void TemplateEditor::showFieldErrors(const FieldErrors &errors)
{
    const QList<std::pair<QStringList, FieldMessage *>> targets = {
        {{u"name"_s}, m_nameMessage},
        {{u"productCodes"_s, u"kind"_s}, m_productsMessage},
        {{u"faceValueMinor"_s, u"currency"_s}, m_faceValueMessage},
        {{u"validityDays"_s}, m_validityMessage},
        {{u"minSpendMinor"_s, u"payMode"_s}, m_minSpendMessage},
        {{u"note"_s}, m_noteMessage},
    };
    QStringList unplaced;
    QWidget *firstInvalid = nullptr;
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
    }
    for (const auto &[fields, message] : targets) {
        if (message->hasMessage() && !firstInvalid)
            firstInvalid = message->field();
    }
    if (!unplaced.isEmpty())
        showBanner(unplaced.join(u'\n'), true);
    if (firstInvalid)
        firstInvalid->setFocus();
}

void TemplateEditor::next()
{
    if (!readDraft())
        return;
    m_summary->setTemplate(m_draft, m_scope);
    m_steps->setCurrentIndex(1);
    updateButtons();
    m_confirm->setFocus();
}

void TemplateEditor::back()
{
    m_steps->setCurrentIndex(0);
    updateButtons();
    m_name->setFocus();
}

void TemplateEditor::confirm()
{
    const TemplateCommands commands(m_session.context());
    const Result<VoucherTemplate> result = m_mode == Mode::Create
                                               ? commands.createTemplate(m_draft)
                                               : commands.updateTemplate(m_draft, m_base.version);
    if (result.ok()) {
        m_saved = result.value();
        m_session.notifyChanged(Session::Change::Templates);
        accept();
        return;
    }
    handleSaveError(result.error());
}

void TemplateEditor::handleSaveError(const CommandError &error)
{
    back();
    const QString code = error.code();
    if (code == u"FailedOperation.VersionConflict"_s ||
        code == u"FailedOperation.TemplateLocked"_s) {
        std::optional<VoucherTemplate> fresh;
        try {
            fresh = TemplateRepository(m_session.db()).find(m_base.id);
        } catch (const StoreError &) {
        }
        if (fresh) {
            loadTemplate(*fresh);
            setMode(fresh->locked ? Mode::View : Mode::Edit);
        }
        showBanner(error.message(), true);
        // Other views still show the version this edit was based on.
        m_session.notifyChanged(Session::Change::Templates);
        return;
    }
    if (error.kind() == CommandError::Kind::NotFound) {
        showBanner(error.message(), true);
        m_next->setEnabled(false);
        return;
    }
    if (!error.fieldErrors().isEmpty()) {
        showFieldErrors(error.fieldErrors());
        return;
    }
    showBanner(error.message(), true);
}
