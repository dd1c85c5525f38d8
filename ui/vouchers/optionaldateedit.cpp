#include "ui/vouchers/optionaldateedit.h"

#include <QCalendarWidget>
#include <QKeyEvent>

OptionalDateEdit::OptionalDateEdit(Today today, QWidget *parent)
    : QDateEdit(parent)
    , m_today(std::move(today))
{
    setCalendarPopup(true);
    setMinimumDate(QDate(2000, 1, 1));
    //: A date filter that is not set.
    setSpecialValueText(tr("Any"));
    //: Date format of the date filters (QDate::toString).
    setDisplayFormat(tr("d MMM yyyy"));
    setDate(minimumDate());
    calendarWidget()->installEventFilter(this);
}

QDate OptionalDateEdit::optionalDate() const
{
    return isAny() ? QDate() : date();
}

void OptionalDateEdit::setOptionalDate(const QDate &date)
{
    setDate(date.isValid() ? date : minimumDate());
}

void OptionalDateEdit::clear()
{
    setDate(minimumDate());
}

void OptionalDateEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete) {
        clear();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}

void OptionalDateEdit::stepBy(int steps)
{
    // Stepping from "Any" starts at today, not in the year 2000.
    if (isAny()) {
        setDate(m_today());
        return;
    }
    QDateEdit::stepBy(steps);
}

bool OptionalDateEdit::focusNextPrevChild(bool next)
{
    // "Any" has no day, month or year to tab through: Tab leaves the field instead of being
    // caught in it.
    if (isAny())
        return QWidget::focusNextPrevChild(next);
    return QDateEdit::focusNextPrevChild(next);
}

bool OptionalDateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == calendarWidget() && event->type() == QEvent::Show && isAny()) {
        const QDate today = m_today();
        calendarWidget()->setCurrentPage(today.year(), today.month());
    }
    return QDateEdit::eventFilter(watched, event);
}
