#pragma once

#include <QDateTime>
#include <QTimeZone>
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

    // The review due day is the vendor's calendar day in `vendorZone` (the business calendar's
    // time zone; an invalid one means the shipped calendar's); instants are shown local.
    void showDetail(const VoucherDetail &detail, const QDateTime &now,
                    const QTimeZone &vendorZone = {});
    void clear();
    QList<Step> steps() const { return m_steps; }
    // One "title: detail" line per step, as a screen reader reads it.
    QString text() const;

    static QList<Step> stepsFor(const VoucherDetail &detail, const QDateTime &now,
                                const QTimeZone &vendorZone = {});

private:
    void setSteps(const QList<Step> &steps);

    QGridLayout *m_grid;
    QList<Step> m_steps;
};
