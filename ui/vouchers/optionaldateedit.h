#pragma once

#include <QDateEdit>

#include <functional>

// A date field that may also say "Any" (no date): the lowest date of the field stands for it.
// Delete returns to "Any"; stepping from "Any" starts at today, and the calendar of an "Any"
// field opens on today's month, "today" being what `today` says (the session's clock, so that
// the field agrees with the rest of the window and with tests on a fixed clock).
class OptionalDateEdit : public QDateEdit
{
    Q_OBJECT

public:
    using Today = std::function<QDate()>;

    explicit OptionalDateEdit(Today today, QWidget *parent = nullptr);

    // Null while the field says "Any".
    QDate optionalDate() const;
    void setOptionalDate(const QDate &date);
    bool isAny() const { return date() == minimumDate(); }
    void clear() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void stepBy(int steps) override;
    bool focusNextPrevChild(bool next) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Today m_today;
};
