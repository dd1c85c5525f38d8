#pragma once

#include <QObject>

class QWidget;

// Tells when a widget is first painted: the moment a person sees it. For start-up timing
// (`voucherdesk --startup-probe`, voucherdesk-bench).
class FirstPaintWatcher : public QObject
{
    Q_OBJECT

public:
    explicit FirstPaintWatcher(QWidget *widget);

    bool isPainted() const { return m_painted; }

signals:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_painted = false;
};
