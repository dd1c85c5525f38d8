#include "ui/widgets/fieldmessage.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FieldMessage::FieldMessage(QWidget *field, QWidget *parent)
    : QLabel(parent)
    , m_field(field)
{
    setWordWrap(true);
    setStyleSheet(errorStyleSheet());
    setTextFormat(Qt::PlainText);
    hide();
}

void FieldMessage::showMessage(const QString &message)
{
    setText(message);
    const QString fieldName = m_field ? m_field->accessibleName() : QString();
    setAccessibleName(fieldName.isEmpty() ? message : fieldName + u": "_s + message);
    if (m_field) {
        // A screen reader on the field hears what is wrong with it.
        m_field->setAccessibleDescription(message);
        if (!m_field->property("invalid").toBool()) {
            m_field->setProperty("invalid", true);
            m_fieldStyle = m_field->styleSheet();
            m_field->setStyleSheet(m_fieldStyle + u"border: 1px solid #dc2626;"_s);
        }
    }
    show();
}

void FieldMessage::clearMessage()
{
    clear();
    setAccessibleName({});
    if (m_field && m_field->property("invalid").toBool()) {
        m_field->setAccessibleDescription({});
        m_field->setProperty("invalid", false);
        m_field->setStyleSheet(m_fieldStyle);
    }
    hide();
}

QLayout *FieldMessage::wrap(QWidget *field, FieldMessage *message)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(field);
    return wrap(row, message);
}

QLayout *FieldMessage::wrap(QLayout *field, FieldMessage *message)
{
    auto *cell = new QVBoxLayout;
    cell->setContentsMargins(0, 0, 0, 0);
    cell->setSpacing(2);
    cell->addLayout(field);
    cell->addWidget(message);
    return cell;
}

QString FieldMessage::errorStyleSheet()
{
    return u"color: #b91c1c;"_s;
}
