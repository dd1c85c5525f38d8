#pragma once

#include "core/domain/vouchertemplate.h"
#include "ui/templates/productscope.h"

#include <QWidget>

class QFormLayout;
class QLabel;

// The confirm step of the template editor: every field of the template as it will be saved.
class TemplateSummary : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateSummary(QWidget *parent = nullptr);

    void setTemplate(const VoucherTemplate &t, const ProductScope &scope);
    // The whole summary as plain text (for tests and screen readers).
    QString text() const;

private:
    QLabel *addRow(const QString &label, const QString &objectName);

    QFormLayout *m_form;
    QLabel *m_name;
    QLabel *m_kind;
    QLabel *m_faceValue;
    QLabel *m_validity;
    QLabel *m_minSpend;
    QLabel *m_payMode;
    QLabel *m_products;
    QLabel *m_note;
};
