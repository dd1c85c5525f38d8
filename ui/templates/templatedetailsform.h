#pragma once

#include "core/base/fielderror.h"
#include "core/domain/vouchertemplate.h"

#include <QSet>
#include <QWidget>

class BlocklistLabel;
class FieldMessage;
class ProductPicker;
class ProductScope;
class QComboBox;
class QFormLayout;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

// The fields of one voucher template, each with its own message below it: the editor's details
// step. It reads and shows a VoucherTemplate; the rules and the store are the editor's business.
class TemplateDetailsForm : public QWidget
{
    Q_OBJECT

public:
    // `currency` is the one amounts are typed in; `scope` names the products and the blocklist.
    TemplateDetailsForm(const ProductScope &scope, const QString &currency,
                        QWidget *parent = nullptr);

    void setTemplate(const VoucherTemplate &t);
    void setReadOnly(bool readOnly);
    // Fills the fields' part of `draft`; the amounts that cannot be read come back as errors.
    FieldErrors read(VoucherTemplate &draft) const;
    // Shows each error below its field and focuses the first field with a message. Returns the
    // messages that belong to no visible field.
    QStringList showErrors(const FieldErrors &errors);
    // While the user corrects the fields: the message of each field marked by the last
    // showErrors() follows its new errors, or goes, keeping its room so that the form does not
    // move under the pointer; a field that was not marked gets none until then.
    void updateShownErrors(const FieldErrors &errors);
    // Whether the last showErrors() marked a field, whose message now follows it.
    bool hasMessages() const;
    void clearMessages();
    void focusFirstField();

signals:
    // A field was changed by the user.
    void edited();

private:
    void addLabelledRow(const QString &label, QWidget *input, QLayout *field);
    // The field and a trailing label (unit or currency) in a row, kept to the field's own width.
    QLayout *rowWith(QWidget *field, QWidget *trailing = nullptr);
    FieldMessage *messageFor(QWidget *field, const QString &name);
    void addKindRows(const ProductScope &scope);
    void addValueRows();
    void addTermsRows();
    void updateKind();
    QList<std::pair<QStringList, FieldMessage *>> messageTargets() const;

    QString m_currency;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_specific = nullptr;
    QRadioButton *m_universal = nullptr;
    BlocklistLabel *m_blocklist = nullptr;
    ProductPicker *m_products = nullptr;
    QLayout *m_productsRow = nullptr;
    QSet<FieldMessage *> m_live; // marked by the last showErrors()
    bool m_loading = false;      // setTemplate() is filling the fields
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
};
