#pragma once

#include <QLabel>

class QLayout;

// The message shown beside (below) one input field when its value breaks a rule. Hidden while
// empty; announces itself to screen readers with the field's name.
class FieldMessage : public QLabel
{
    Q_OBJECT

public:
    // `field` is the input the message belongs to: it gets a red frame while a message shows.
    explicit FieldMessage(QWidget *field, QWidget *parent = nullptr);

    void showMessage(const QString &message);
    void clearMessage();
    bool hasMessage() const { return !text().isEmpty(); }
    QWidget *field() const { return m_field; }

    // `field` with `message` below it, as one cell of a form (the caller lays it out). A layout,
    // not a widget: the input stays a sibling of the form's label, and only a sibling label's
    // buddy becomes the input's labelled-by relation for a screen reader.
    static QLayout *wrap(QWidget *field, FieldMessage *message);
    static QLayout *wrap(QLayout *field, FieldMessage *message);
    // The colour of every error text: these messages, and a form's message about the whole
    // input.
    static QString errorStyleSheet();

private:
    QWidget *m_field;
    QString m_fieldStyle; // the field's own style sheet, restored when the message goes
};
