#pragma once

#include <QWidget>

class FieldMessage;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// The reviewer's two answers: Approve with an optional comment, Reject with a reason picked
// from the preset ones or typed. The bar only collects them; the window runs the commands.
class ReviewDecisionBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewDecisionBar(QWidget *parent = nullptr);

    static QStringList presetReasons();

    QString comment() const;
    QString reason() const;
    // Empties both fields and their messages (another application is shown).
    void clear();
    // Enables the fields and buttons; `why` (when disabled) becomes their tooltip.
    void setDecidable(bool decidable, const QString &why = {});
    bool isDecidable() const { return m_decidable; }

    void showCommentMessage(const QString &message);
    void showReasonMessage(const QString &message);
    void focusReason();
    void focusComment();

    QLineEdit *commentField() const { return m_comment; }
    QComboBox *reasonField() const { return m_reason; }

signals:
    void approveRequested();
    void rejectRequested();
    // Escape in a field: back to the queue, where the letter keys work again.
    void leaveRequested();

private:
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *m_comment;
    QPushButton *m_approve;
    QComboBox *m_reason;
    QPushButton *m_reject;
    QLabel *m_keys;
    FieldMessage *m_commentMessage;
    FieldMessage *m_reasonMessage;
    bool m_decidable = false;
};
