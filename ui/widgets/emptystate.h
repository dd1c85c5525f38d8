#pragma once

#include <QStackedWidget>

class QLabel;
class QPushButton;

// Shows a view, or in its place a message that tells the user what to do when the view has
// nothing to show ("No templates yet …" with a button to create one).
class EmptyState : public QStackedWidget
{
    Q_OBJECT

public:
    explicit EmptyState(QWidget *content, QWidget *parent = nullptr);

    void setMessage(const QString &title, const QString &hint);
    // A button under the message that triggers `action` (hidden when null).
    void setAction(QAction *action);
    void setEmpty(bool empty);
    bool isEmpty() const { return currentIndex() == 1; }
    QString title() const;
    QString hint() const;

private:
    QWidget *m_content;
    QLabel *m_title;
    QLabel *m_hint;
    QPushButton *m_button;
    QMetaObject::Connection m_buttonConnection;
};
