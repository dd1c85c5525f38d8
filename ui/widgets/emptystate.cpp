#include "ui/widgets/emptystate.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EmptyState::EmptyState(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_content(content)
    , m_title(new QLabel)
    , m_hint(new QLabel)
    , m_button(new QPushButton)
{
    addWidget(content);
    auto *message = new QWidget;
    auto *layout = new QVBoxLayout(message);
    layout->addStretch();
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(u"color: palette(mid);"_s);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_button);
    buttonRow->addStretch();
    layout->addLayout(buttonRow);
    layout->addStretch();
    m_button->hide();
    addWidget(message);
}

void EmptyState::setMessage(const QString &title, const QString &hint)
{
    m_title->setText(title);
    m_hint->setText(hint);
    m_title->setAccessibleName(title);
    m_hint->setAccessibleName(hint);
}

void EmptyState::setAction(QAction *action)
{
    disconnect(m_buttonConnection);
    m_button->setVisible(action != nullptr);
    if (!action)
        return;
    m_button->setText(action->text());
    m_button->setIcon(action->icon());
    m_button->setAccessibleName(action->iconText()); // the text without its mnemonic
    m_buttonConnection = connect(m_button, &QPushButton::clicked, action, &QAction::trigger);
}

void EmptyState::setEmpty(bool empty)
{
    setCurrentIndex(empty ? 1 : 0);
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::hint() const
{
    return m_hint->text();
}
