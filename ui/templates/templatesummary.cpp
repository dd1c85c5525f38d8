#include "ui/templates/templatesummary.h"

#include "ui/widgets/displayformat.h"

#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

TemplateSummary::TemplateSummary(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = addRow(tr("Name:"), u"summaryName"_s);
    m_kind = addRow(tr("Kind:"), u"summaryKind"_s);
    m_faceValue = addRow(tr("Face value:"), u"summaryFaceValue"_s);
    m_validity = addRow(tr("Validity:"), u"summaryValidity"_s);
    m_minSpend = addRow(tr("Min spend:"), u"summaryMinSpend"_s);
    m_payMode = addRow(tr("Pay mode:"), u"summaryPayMode"_s);
    m_products = addRow(tr("Products:"), u"summaryProducts"_s);
    m_note = addRow(tr("Note:"), u"summaryNote"_s);
}

QLabel *TemplateSummary::addRow(const QString &label, const QString &objectName)
{
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void TemplateSummary::setTemplate(const VoucherTemplate &t, const ProductScope &scope)
{
    m_name->setText(t.name);
    m_kind->setText(voucherKindDisplayName(t.kind));
    m_faceValue->setText(DisplayFormat::money(t.faceValueMinor, t.currency));
    m_validity->setText(tr("%n day(s) after issue", nullptr, t.validityDays));
    m_minSpend->setText(t.minSpendMinor == 0 ? tr("None")
                                             : DisplayFormat::money(t.minSpendMinor, t.currency));
    m_payMode->setText(payModeDisplayName(t.payMode));
    if (t.kind == VoucherKind::Specific) {
        m_form->labelForField(m_products)->setProperty("text", tr("Products:"));
        m_products->setText(DisplayFormat::list(scope.names(t.productCodes)));
    } else {
        m_form->labelForField(m_products)->setProperty("text", tr("Blocklist:"));
        const QStringList blocked = scope.blockedNames();
        m_products->setText(
            tr("Every product except the blocklist. Blocked now: %1. Products applicable now: "
               "%2. The blocklist in effect at approval binds the voucher.")
                .arg(blocked.isEmpty() ? tr("none") : DisplayFormat::list(blocked))
                .arg(scope.applicableNames().size()));
    }
    m_note->setText(t.note.isEmpty() ? tr("None") : t.note);
}

QString TemplateSummary::text() const
{
    QStringList lines;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const auto *label =
            qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value =
            qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value)
            lines.append(label->text() + u' ' + value->text());
    }
    return lines.join(u'\n');
}
