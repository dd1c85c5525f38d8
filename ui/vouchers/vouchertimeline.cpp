#include "ui/vouchers/vouchertimeline.h"

#include "core/rules/businesscalendar.h"
#include "ui/vouchers/voucherdetail.h"
#include "ui/widgets/displayformat.h"

#include <QGridLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace {
QString markColor(VoucherTimeline::Mark mark)
{
    switch (mark) {
    case VoucherTimeline::Mark::Done:
        return u"#16a34a"_s;
    case VoucherTimeline::Mark::Waiting:
        return u"#5b7294"_s;
    case VoucherTimeline::Mark::Late:
        return u"#b45309"_s;
    case VoucherTimeline::Mark::Stopped:
        break;
    }
    return u"#dc2626"_s;
}
} // namespace

VoucherTimeline::VoucherTimeline(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(4);
    m_grid->setColumnStretch(2, 1);
}

void VoucherTimeline::showDetail(const VoucherDetail &detail, const QDateTime &now,
                                 const QTimeZone &vendorZone)
{
    setSteps(stepsFor(detail, now, vendorZone));
}

void VoucherTimeline::clear()
{
    setSteps({});
}

QString VoucherTimeline::text() const
{
    QStringList lines;
    for (const Step &step : m_steps)
        lines.append(step.detail.isEmpty() ? step.title : step.title + u": "_s + step.detail);
    return lines.join(u'\n');
}

QList<VoucherTimeline::Step> VoucherTimeline::stepsFor(const VoucherDetail &detail,
                                                       const QDateTime &now,
                                                       const QTimeZone &vendorZone)
{
    const Application &application = detail.application;
    const QString reviewer = detail.reviewerName.isEmpty() ? tr("the vendor") : detail.reviewerName;
    QList<Step> steps;
    steps.append({tr("Submitted"), DisplayFormat::dateTime(application.submittedAt), Mark::Done});

    switch (application.status) {
    case ApplicationStatus::PendingReview: {
        const bool overdue = now > application.reviewDueAt;
        // The day the vendor's calendar says, as the wizard showed it when submitting.
        const QTimeZone zone =
            vendorZone.isValid() ? vendorZone : BusinessCalendar::shipped().timeZone();
        QString due = DisplayFormat::weekdayDate(application.reviewDueAt.toTimeZone(zone).date());
        if (overdue)
            due = tr("%1 · overdue").arg(due);
        steps.append({tr("Review due"), due, overdue ? Mark::Late : Mark::Waiting});
        steps.append({tr("Issued"), tr("once the vendor approves"), Mark::Waiting});
        return steps;
    }
    case ApplicationStatus::Approved: {
        QString approved =
            tr("by %1, %2").arg(reviewer, DisplayFormat::dateTime(application.reviewedAt));
        if (!application.reviewComment.isEmpty())
            approved = tr("%1 · “%2”").arg(approved, application.reviewComment);
        steps.append({tr("Approved"), approved, Mark::Done});
        break;
    }
    case ApplicationStatus::Rejected:
        steps.append({tr("Rejected"),
                      tr("by %1, %2 · reason: %3")
                          .arg(reviewer, DisplayFormat::dateTime(application.reviewedAt),
                               application.rejectReason),
                      Mark::Stopped});
        return steps;
    case ApplicationStatus::Cancelled:
        steps.append({tr("Cancelled"),
                      tr("%1 · the vendor will not review it")
                          .arg(DisplayFormat::dateTime(application.cancelledAt)),
                      Mark::Stopped});
        return steps;
    }

    if (!detail.voucher)
        return steps;
    const Voucher &voucher = *detail.voucher;
    steps.append({tr("Issued"),
                  tr("effective %1").arg(DisplayFormat::dateTime(voucher.effectiveAt)),
                  Mark::Done});
    if (voucher.invalidatedAt.isValid()) {
        steps.append(
            {tr("Invalidated"), DisplayFormat::dateTime(voucher.invalidatedAt), Mark::Stopped});
    } else if (now >= voucher.expiresAt) {
        steps.append({tr("Expired"), DisplayFormat::dateTime(voucher.expiresAt), Mark::Late});
    } else {
        steps.append({tr("Expires"), DisplayFormat::dateTime(voucher.expiresAt), Mark::Waiting});
    }
    return steps;
}

void VoucherTimeline::setSteps(const QList<Step> &steps)
{
    m_steps = steps;
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int row = 0; row < steps.size(); ++row) {
        const Step &step = steps.at(row);
        // A hollow dot for what has not happened yet, a filled one for what has.
        auto *dot = new QLabel(step.mark == Mark::Waiting ? u"○"_s : u"●"_s);
        dot->setStyleSheet(u"color: %1;"_s.arg(markColor(step.mark)));
        auto *title = new QLabel(step.title);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *detail = new QLabel(step.detail);
        detail->setWordWrap(true);
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (step.mark == Mark::Late || step.mark == Mark::Stopped)
            detail->setStyleSheet(u"color: %1;"_s.arg(markColor(step.mark)));
        for (QLabel *label : {dot, title, detail})
            label->setTextFormat(Qt::PlainText);
        m_grid->addWidget(dot, row, 0, Qt::AlignTop);
        m_grid->addWidget(title, row, 1, Qt::AlignTop);
        m_grid->addWidget(detail, row, 2, Qt::AlignTop);
    }
    setAccessibleDescription(text());
}
