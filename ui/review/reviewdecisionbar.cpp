#include "ui/review/reviewdecisionbar.h"

#include "core/domain/application.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/icons.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

ReviewDecisionBar::ReviewDecisionBar(QWidget *parent)
    : QWidget(parent)
    , m_comment(new QLineEdit)
    , m_approve(new QPushButton(Icons::get(u"apply"_s), tr("Approve (A)")))
    , m_reason(new QComboBox)
    , m_reject(new QPushButton(Icons::get(u"cancel"_s), tr("Reject (R)")))
    , m_keys(new QLabel(tr("J/K: next/previous · Esc: back to the queue")))
    , m_commentMessage(new FieldMessage(m_comment))
    , m_reasonMessage(new FieldMessage(m_reason))
{
    m_comment->setObjectName(u"comment"_s);
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("Optional comment for the partner"));
    m_comment->setMaxLength(Application::MaxCommentLength);
    ClearButton::enable(m_comment);
    m_comment->setToolTip(tr("Optional; Enter approves"));
    connect(m_comment, &QLineEdit::returnPressed, this, &ReviewDecisionBar::approveRequested);
    connect(m_comment, &QLineEdit::textEdited, m_commentMessage, &FieldMessage::clearMessage);

    m_approve->setObjectName(u"approve"_s);
    m_approve->setAccessibleName(tr("Approve"));
    m_approve->setToolTip(tr("Approve the application and issue the voucher (A)"));
    connect(m_approve, &QPushButton::clicked, this, &ReviewDecisionBar::approveRequested);

    m_reason->setObjectName(u"reason"_s);
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems(presetReasons());
    m_reason->setCurrentIndex(-1);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setToolTip(tr("Pick a preset reason or type your own; the partner sees it. Enter "
                            "rejects"));
    m_reason->lineEdit()->setPlaceholderText(tr("Reason for a rejection (required)"));
    m_reason->lineEdit()->setAccessibleName(tr("Reason"));
    m_reason->lineEdit()->setMaxLength(Application::MaxRejectReasonLength);
    m_reason->setMinimumContentsLength(28);
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_reason->lineEdit(), &QLineEdit::returnPressed, this,
            &ReviewDecisionBar::rejectRequested);
    connect(m_reason, &QComboBox::currentTextChanged, m_reasonMessage, [this](const QString &text) {
        if (!text.trimmed().isEmpty())
            m_reasonMessage->clearMessage();
    });

    m_reject->setObjectName(u"reject"_s);
    m_reject->setAccessibleName(tr("Reject"));
    m_reject->setToolTip(tr("Reject the application with the reason (R)"));
    connect(m_reject, &QPushButton::clicked, this, &ReviewDecisionBar::rejectRequested);

    m_keys->setStyleSheet(u"color: palette(mid);"_s);

    for (QWidget *field : std::initializer_list<QWidget *>{m_comment, m_reason->lineEdit()})
        field->installEventFilter(this);

    auto *commentLabel = new QLabel(tr("&Comment:"));
    commentLabel->setBuddy(m_comment);
    auto *reasonLabel = new QLabel(tr("R&eason:"));
    reasonLabel->setBuddy(m_reason);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(commentLabel, 0, 0);
    layout->addWidget(m_comment, 0, 1);
    layout->addWidget(m_approve, 0, 2);
    layout->addItem(new QSpacerItem(16, 1), 0, 3);
    layout->addWidget(reasonLabel, 0, 4);
    layout->addWidget(m_reason, 0, 5);
    layout->addWidget(m_reject, 0, 6);
    layout->addWidget(m_commentMessage, 1, 1, 1, 2);
    layout->addWidget(m_reasonMessage, 1, 5, 1, 2);
    layout->addWidget(m_keys, 2, 0, 1, 7);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(5, 1);

    setTabOrder(m_comment, m_approve);
    setTabOrder(m_approve, m_reason);
    setTabOrder(m_reason, m_reject);
    setDecidable(false);
}

QStringList ReviewDecisionBar::presetReasons()
{
    return {
        tr("Scenario too vague"),
        tr("Customer not eligible for testing"),
        tr("Amount exceeds the scenario's needs"),
        tr("Duplicate application"),
        tr("Partner quota insufficient"),
    };
}

QString ReviewDecisionBar::comment() const
{
    return m_comment->text().trimmed();
}

QString ReviewDecisionBar::reason() const
{
    return m_reason->currentText().trimmed();
}

void ReviewDecisionBar::clear()
{
    m_comment->clear();
    m_reason->setCurrentIndex(-1);
    m_reason->clearEditText();
    m_commentMessage->clearMessage();
    m_reasonMessage->clearMessage();
}

void ReviewDecisionBar::setDecidable(bool decidable, const QString &why)
{
    m_decidable = decidable;
    for (QWidget *control :
         std::initializer_list<QWidget *>{m_comment, m_approve, m_reason, m_reject})
        control->setEnabled(decidable);
    // A disabled button shows no tooltip of its own on every platform: the bar says why.
    setToolTip(decidable ? QString() : why);
    if (!decidable) {
        m_commentMessage->clearMessage();
        m_reasonMessage->clearMessage();
    }
}

void ReviewDecisionBar::showCommentMessage(const QString &message)
{
    m_commentMessage->showMessage(message);
}

void ReviewDecisionBar::showReasonMessage(const QString &message)
{
    m_reasonMessage->showMessage(message);
}

void ReviewDecisionBar::focusReason()
{
    m_reason->setFocus(Qt::ShortcutFocusReason);
    m_reason->lineEdit()->selectAll();
}

void ReviewDecisionBar::focusComment()
{
    m_comment->setFocus(Qt::ShortcutFocusReason);
}

bool ReviewDecisionBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            emit leaveRequested();
            return true;
        }
        // Ctrl+Return decides from either field: approve from the comment, reject from the
        // reason (plain Return does the same; Ctrl+Return also works where Return is taken).
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::ControlModifier) {
            if (watched == m_comment)
                emit approveRequested();
            else
                emit rejectRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
