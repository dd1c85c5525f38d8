#pragma once

#include <QDateTime>
#include <QWidget>

class QGridLayout;
struct VoucherDetail;

// The life of one application and its voucher, one line per step: submitted, review due or
// the decision, issued, expires (or expired, invalidated).
class VoucherTimeline : public QWidget
{
    Q_OBJECT

public:
    enum class Mark { Done, Waiting, Late, Stopped };
    struct Step
    {
        QString title;
        QString detail;
        Mark mark = Mark::Done;
    };

    explicit VoucherTimeline(QWidget *parent = nullptr);

    void showDetail(const VoucherDetail &detail, const QDateTime &now);
    void clear();
    QList<Step> steps() const { return m_steps; }
    // One "title: detail" line per step, as a screen reader reads it.
    QString text() const;

    static QList<Step> stepsFor(const VoucherDetail &detail, const QDateTime &now);

private:
    void setSteps(const QList<Step> &steps);

    QGridLayout *m_grid;
    QList<Step> m_steps;
};
