#include "ui/templates/templatestatusrow.h"

#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

TemplateStatusRow::TemplateStatusRow(QWidget *parent)
    : QWidget(parent)
    , m_count(new QLabel)
    , m_lockIcon(new QLabel)
    , m_lockReason(new QLabel)
    , m_status(new QLabel)
{
    m_count->setObjectName(u"templateCount"_s);
    m_lockIcon->setPixmap(Icons::get(u"lock"_s).pixmap(16, 16));
    m_lockIcon->hide();
    m_lockReason->setObjectName(u"lockReason"_s);
    m_lockReason->setText(
        tr("Locked: an application was submitted. Duplicate it to make a changed copy."));
    m_lockReason->hide();
    m_status->setObjectName(u"templateStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_count);
    layout->addSpacing(16);
    layout->addWidget(m_lockIcon);
    layout->addWidget(m_lockReason);
    layout->addSpacing(16);
    layout->addWidget(m_status, 1);
}

void TemplateStatusRow::setCountText(const QString &text)
{
    m_count->setText(text);
}

void TemplateStatusRow::setLocked(bool locked)
{
    m_lockIcon->setVisible(locked);
    m_lockReason->setVisible(locked);
}

void TemplateStatusRow::showMessage(const QString &message)
{
    m_status->setText(message);
    m_status->setAccessibleName(message);
}
