#pragma once

#include <QWidget>

class QLabel;

// The line under the templates table: how many templates match, why the selected one is locked,
// and what the last action did or why it failed.
class TemplateStatusRow : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateStatusRow(QWidget *parent = nullptr);

    // E.g. "3 templates"; worded by the page, whose context holds the plural forms.
    void setCountText(const QString &text);
    void setLocked(bool locked);
    void showMessage(const QString &message);

private:
    QLabel *m_count;
    QLabel *m_lockIcon;
    QLabel *m_lockReason;
    QLabel *m_status;
};
