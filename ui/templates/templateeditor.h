#pragma once

#include "fielderror.h"
#include "productscope.h"
#include "vouchertemplate.h"

#include <QDialog>

class BlocklistLabel;
class CommandError;
class FieldMessage;
class ProductPicker;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class Session;
class TemplateSummary;

// Creates, edits or shows one voucher template in two steps: the details, each invalid field
// marked with its own message; then a summary to confirm before anything is saved. An edit is
// based on the version it was opened with: when the template changed or locked meanwhile, the
// editor says so and shows the fresh version instead.
class TemplateEditor : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit, View };

    // `tmpl` is the template to edit or show; ignored for Create.
    TemplateEditor(Session &session, Mode mode, const VoucherTemplate &tmpl = {},
                   QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The template as stored by the confirm step; null id until then.
    VoucherTemplate savedTemplate() const { return m_saved; }
    // The stored template the editor is based on (Edit, View).
    VoucherTemplate baseTemplate() const { return m_base; }

private:
    QWidget *buildDetailsPage();
    QWidget *buildConfirmPage();
    QWidget *withMessage(QWidget *field, FieldMessage *message);
    void loadTemplate(const VoucherTemplate &t);
    void setMode(Mode mode);
    void updateKind();
    void updateButtons();
    // Reads the fields into m_draft; false with every field's message shown when any is bad.
    bool readDraft();
    void showFieldErrors(const FieldErrors &errors);
    void clearMessages();
    void showBanner(const QString &message, bool warning);
    void next();
    void back();
    void confirm();
    void handleSaveError(const CommandError &error);

    Session &m_session;
    Mode m_mode;
    VoucherTemplate m_base;
    VoucherTemplate m_draft;
    VoucherTemplate m_saved;
    QUuid m_newId; // kept across retries, so that a repeated create is the same create
    QString m_currency;
    ProductScope m_scope;

    QLabel *m_banner = nullptr;
    QLabel *m_info = nullptr;
    QStackedWidget *m_steps = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_specific = nullptr;
    QRadioButton *m_universal = nullptr;
    BlocklistLabel *m_blocklist = nullptr;
    ProductPicker *m_products = nullptr;
    QLineEdit *m_faceValue = nullptr;
    QSpinBox *m_validity = nullptr;
    QLineEdit *m_minSpend = nullptr;
    QComboBox *m_payMode = nullptr;
    QPlainTextEdit *m_note = nullptr;
    FieldMessage *m_nameMessage = nullptr;
    FieldMessage *m_productsMessage = nullptr;
    FieldMessage *m_faceValueMessage = nullptr;
    FieldMessage *m_validityMessage = nullptr;
    FieldMessage *m_minSpendMessage = nullptr;
    FieldMessage *m_noteMessage = nullptr;
    QWidget *m_productsRow = nullptr;
    TemplateSummary *m_summary = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_close = nullptr;
};
