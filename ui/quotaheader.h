#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class Session;

// The partner's quota pool at the top of every page: total, issued and remaining. Re-read
// whenever a command may have moved it.
class QuotaHeader : public QWidget
{
    Q_OBJECT

public:
    explicit QuotaHeader(Session &session, QWidget *parent = nullptr);

    void refresh();
    QString summaryText() const;

private:
    Session &m_session;
    QLabel *m_total;
    QLabel *m_detail;
    QProgressBar *m_bar;
};
