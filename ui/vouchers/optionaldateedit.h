#pragma once

#include <QDateEdit>

// A date field that may also say "Any" (no date): the lowest date of the field stands for it.
// Delete returns to "Any"; the calendar of an "Any" field opens on the current month.
class OptionalDateEdit : public QDateEdit
{
    Q_OBJECT

public:
    explicit OptionalDateEdit(QWidget *parent = nullptr);

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
};
