#include "ui/widgets/searchfield.h"

#include "ui/widgets/clearbutton.h"
#include "ui/widgets/icons.h"

#include <QAbstractItemView>
#include <QAction>
#include <QKeyEvent>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

SearchField::SearchField(const QString &placeholder, const QString &accessibleName, QWidget *parent)
    : QLineEdit(parent)
    , m_timer(new QTimer(this))
{
    setPlaceholderText(placeholder);
    setAccessibleName(accessibleName);
    ClearButton::enable(this);
    // A screen reader reads the icon as a button, by its action's text.
    addAction(Icons::get(u"search"_s), QLineEdit::LeadingPosition)->setText(tr("Search"));

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SearchField::applyNow);
    connect(this, &QLineEdit::textChanged, this, &SearchField::edited);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        // Without a delay every edit has been announced already.
        if (m_delay > 0)
            applyNow();
    });
}

void SearchField::setDelay(int milliseconds)
{
    m_delay = milliseconds;
    m_timer->setInterval(milliseconds);
}

bool SearchField::isPending() const
{
    return m_timer->isActive();
}

void SearchField::applyNow()
{
    m_timer->stop();
    emit searchChanged(text());
}

void SearchField::cancelPending()
{
    m_timer->stop();
}

void SearchField::setResultView(QAbstractItemView *view, ResultEntry entry)
{
    m_resultView = view;
    m_resultEntry = entry;
}

void SearchField::edited()
{
    if (m_delay > 0)
        m_timer->start();
    else
        emit searchChanged(text());
}

void SearchField::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Down && m_resultView && enterResultView())
        return;
    QLineEdit::keyPressEvent(event);
}

bool SearchField::enterResultView()
{
    if (isPending())
        applyNow();
    const QAbstractItemModel *model = m_resultView->model();
    if (!model || model->rowCount(m_resultView->rootIndex()) == 0)
        return false;
    const QModelIndex first = model->index(0, 0, m_resultView->rootIndex());
    if (m_resultEntry == ResultEntry::SelectFirstRow &&
        !m_resultView->selectionModel()->hasSelection()) {
        if (auto *table = qobject_cast<QTableView *>(m_resultView.data()))
            table->selectRow(0);
        else
            m_resultView->setCurrentIndex(first);
    }
    m_resultView->setFocus();
    // After the focus: a view taking it picks a current item of its own.
    if (m_resultEntry == ResultEntry::FocusCurrentItem && !m_resultView->currentIndex().isValid())
        m_resultView->setCurrentIndex(first);
    return true;
}
