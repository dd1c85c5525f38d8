#pragma once

#include "core/base/fielderror.h"
#include "core/domain/vouchertemplate.h"
#include "ui/templates/productscope.h"

#include <QDialog>

class CommandError;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class Session;
class TemplateDetailsForm;
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

protected:
    // Esc and closing the window ask before typed input is thrown away (reject() does not).
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // Cancel, Esc or the window's close button: asks first when something was typed.
    void cancelRequested();
    QWidget *buildConfirmPage();
    QHBoxLayout *buildButtons();
    void loadTemplate(const VoucherTemplate &t);
    void setMode(Mode mode);
    void updateButtons();
    // Reads the fields into m_draft; false with every field's message shown when any is bad.
    bool readDraft();
    void revalidate();
    FieldErrors fieldsDraft(VoucherTemplate *draft) const;
    // The rules' and the store's objections to the draft beyond what the form itself reads.
    FieldErrors checkDraft(const VoucherTemplate &draft, const FieldErrors &unreadable) const;
    void showFieldErrors(const FieldErrors &errors);
    void clearMessages();
    void showBanner(const QString &message, bool warning);
    void next();
    void back();
    void confirm();
    void handleSaveError(const CommandError &error);

    Session &m_session;
    Mode m_mode;
    bool m_edited = false; // the user changed a field since the editor opened
    VoucherTemplate m_base;
    VoucherTemplate m_draft;
    VoucherTemplate m_saved;
    QUuid m_newId; // kept across retries, so that a repeated create is the same create
    QString m_currency;
    ProductScope m_scope;

    QLabel *m_banner = nullptr;
    QLabel *m_info = nullptr;
    QStackedWidget *m_steps = nullptr;
    TemplateDetailsForm *m_details = nullptr;
    TemplateSummary *m_summary = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_close = nullptr;
};
