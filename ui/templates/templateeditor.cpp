#include "ui/templates/templateeditor.h"

#include "core/commands/session.h"
#include "core/repositories/templaterepository.h"
#include "core/rules/templaterules.h"
#include "core/store/storeerror.h"
#include "ui/templates/templatedetailsform.h"
#include "ui/templates/templatesummary.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/mnemonicnames.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
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

    m_details = new TemplateDetailsForm(m_scope, m_currency);
    m_details->setObjectName(u"details"_s);
    connect(m_details, &TemplateDetailsForm::edited, this, &TemplateEditor::revalidate);
    connect(m_details, &TemplateDetailsForm::edited, this, [this] { m_edited = true; });
    m_steps = new QStackedWidget;
    m_steps->addWidget(m_details);
    m_steps->addWidget(buildConfirmPage());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_info);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buildButtons());

    if (mode == Mode::Create)
        setWindowTitle(tr("Create Template"));
    else
        loadTemplate(tmpl);
    setMode(mode == Mode::Edit && tmpl.locked ? Mode::View : mode);
    if (mode == Mode::Edit && tmpl.locked)
        showBanner(TemplateTableModel::lockedReason(), true);
    else if (!loadProblem.isEmpty())
        showBanner(loadProblem, true);
    resize(sizeHint().expandedTo(QSize(640, 620)));
}

QHBoxLayout *TemplateEditor::buildButtons()
{
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
    connect(m_cancel, &QPushButton::clicked, this, &TemplateEditor::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &TemplateEditor::back);
    connect(m_next, &QPushButton::clicked, this, &TemplateEditor::next);
    connect(m_confirm, &QPushButton::clicked, this, &TemplateEditor::confirm);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QPushButton *button : {m_cancel, m_back, m_next, m_confirm, m_close}) {
        button->setAccessibleName(
            MnemonicNames::spoken(button->text()).remove(u'◂').remove(u'▸').trimmed());
        buttons->addWidget(button);
    }
    return buttons;
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
    m_details->setTemplate(t);
    const QString version = QString::number(t.version);
    const QString created = DisplayFormat::dateTime(t.createdAt);
    const QString changed = DisplayFormat::dateTime(t.updatedAt);
    m_info->setText(
        t.locked ? tr("Version %1 · created %2 · last changed %3 · Locked: an "
                      "application was submitted")
                       .arg(version, created, changed)
                 : tr("Version %1 · created %2 · last changed %3").arg(version, created, changed));
}

void TemplateEditor::setMode(Mode mode)
{
    m_mode = mode;
    m_details->setReadOnly(mode == Mode::View);
    if (mode == Mode::Edit)
        setWindowTitle(tr("Edit Template — %1").arg(m_base.name));
    else if (mode == Mode::View)
        setWindowTitle(tr("Template — %1").arg(m_base.name));
    m_steps->setCurrentIndex(0);
    updateButtons();
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
    m_details->clearMessages();
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
    const FieldErrors errors = fieldsDraft(&m_draft);
    showFieldErrors(errors);
    return errors.isEmpty();
}

void TemplateEditor::cancelRequested()
{
    if (QMessageBox *asking = findChild<QMessageBox *>(u"discardQuestion"_s);
        asking && asking->isVisible())
        return;
    if (!m_edited || m_mode == Mode::View) {
        reject();
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Question,
        m_mode == Mode::Create ? tr("Discard Template") : tr("Discard Changes"),
        m_mode == Mode::Create ? tr("Discard the template you started? Nothing was saved.")
                               : tr("Discard your changes to “%1”?").arg(m_base.name),
        QMessageBox::NoButton, this);
    box->setObjectName(u"discardQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setIcon(Icons::get(u"delete"_s));
    QPushButton *keep = box->addButton(tr("&Keep Editing"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, discard](QAbstractButton *clicked) {
        if (clicked == discard)
            reject();
    });
    box->open();
}

void TemplateEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        cancelRequested();
        return;
    }
    QDialog::keyPressEvent(event);
}

void TemplateEditor::closeEvent(QCloseEvent *event)
{
    // Only the window's own close button (a spontaneous event); done() closes without asking.
    if (event->spontaneous() && m_edited && m_mode != Mode::View) {
        event->ignore();
        cancelRequested();
        return;
    }
    QDialog::closeEvent(event);
}

// A field changed while messages show: they follow what the fields now hold.
void TemplateEditor::revalidate()
{
    if (!m_details->hasMessages())
        return;
    VoucherTemplate draft;
    m_details->updateShownErrors(fieldsDraft(&draft));
}

// The template the fields describe (a new one, or the stored one changed), and every
// objection to it: what the form cannot read, the rules' and the store's.
FieldErrors TemplateEditor::fieldsDraft(VoucherTemplate *draft) const
{
    *draft = m_mode == Mode::Create ? VoucherTemplate() : m_base;
    draft->id = m_mode == Mode::Create ? m_newId : m_base.id;
    FieldErrors errors = m_details->read(*draft);
    errors.append(checkDraft(*draft, errors));
    return errors;
}

FieldErrors TemplateEditor::checkDraft(const VoucherTemplate &draft,
                                       const FieldErrors &unreadable) const
{
    FieldErrors errors;
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
        QSet<QString> unreadableFields;
        for (const FieldError &error : unreadable)
            unreadableFields.insert(error.field);
        bool nameInvalid = false;
        for (const FieldError &error : TemplateRules::validate(draft, rules)) {
            if (!unreadableFields.contains(error.field))
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
    return errors;
}

void TemplateEditor::showFieldErrors(const FieldErrors &errors)
{
    const QStringList unplaced = m_details->showErrors(errors);
    if (!unplaced.isEmpty())
        showBanner(unplaced.join(u'\n'), true);
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
    m_details->focusFirstField();
}

void TemplateEditor::confirm()
{
    CommandGateway &commands = m_session.commands();
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
