#include "ui/applications/summarypage.h"

#include "core/commands/session.h"
#include "core/rules/businesscalendar.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::StringLiterals;

namespace {
constexpr int ScenarioPreviewLength = 300;
constexpr int ReviewBusinessDays = 3; // as SubmitApplication computes reviewDueAt

QLabel *valueLabel(const QString &accessibleName)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    return label;
}
} // namespace

SummaryPage::SummaryPage(Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_template(valueLabel(tr("Template")))
    , m_lockNote(new QLabel)
    , m_customer(valueLabel(tr("Customer")))
    , m_scenario(valueLabel(tr("Testing scenario")))
    , m_expectedReview(new QLabel)
    , m_error(new QLabel)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the application, then submit it to the vendor for review."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Submit"));

    m_scenario->setTextFormat(Qt::PlainText);
    m_template->setTextFormat(Qt::PlainText);
    m_customer->setTextFormat(Qt::PlainText);
    m_lockNote->setWordWrap(true);
    m_expectedReview->setObjectName(u"expectedReview"_s);
    m_expectedReview->setWordWrap(true);
    m_expectedReview->setTextFormat(Qt::RichText);
    m_error->setObjectName(u"submitError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(FieldMessage::errorStyleSheet());
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Template:"), m_template);
    form->addRow(QString(), m_lockNote);
    form->addRow(tr("Customer:"), m_customer);
    form->addRow(tr("Scenario:"), m_scenario);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(12);
    layout->addWidget(m_expectedReview);
    layout->addStretch();
    layout->addWidget(m_error);
}

void SummaryPage::setDraft(const VoucherTemplate &tmpl, const Customer &customer,
                           const QString &scenario)
{
    const QString kind = tmpl.kind == VoucherKind::Specific ? tr("Specific") : tr("Universal");
    m_template->setText(
        tr("%1 · %2 · %3")
            .arg(tmpl.name, kind, DisplayFormat::money(tmpl.faceValueMinor, tmpl.currency)));
    m_lockNote->setText(tmpl.locked ? tr("This template is locked already; applying with it again "
                                         "is allowed.")
                                    : tr("Submitting locks this template: it can no longer be "
                                         "edited afterwards."));
    m_customer->setText(tr("%1 (UIN %2)").arg(customer.name, customer.uin));
    m_scenario->setText(scenario.size() > ScenarioPreviewLength
                            ? scenario.left(ScenarioPreviewLength).trimmed() + u"…"_s
                            : scenario);
    m_scenario->setToolTip(scenario);
    m_expectedReview->setText(expectedReviewText());
    m_expectedReview->setAccessibleName(
        m_expectedReview->text().remove(u"<b>"_s).remove(u"</b>"_s));
    m_error->clear();
    m_error->hide();
}

void SummaryPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setAccessibleName(message);
    m_error->show();
}

QString SummaryPage::expectedReviewText() const
{
    return expectedReviewText(m_session.context().calendar(), m_session.now());
}

QString SummaryPage::expectedReviewText(const BusinessCalendar &calendar,
                                        const QDateTime &submittedAt)
{
    const QDateTime due = calendar.reviewDueAt(submittedAt, ReviewBusinessDays);
    const QDate today = submittedAt.toTimeZone(calendar.timeZone()).date();
    const QDate countFrom = calendar.nextWorkingDay(today);
    const QDate dueDate = due.toTimeZone(calendar.timeZone()).date();
    int businessDays = 0;
    for (QDate day = countFrom.addDays(1); day <= dueDate; day = day.addDays(1)) {
        if (calendar.isWorkingDay(day))
            ++businessDays;
    }

    // Days of the vendor's calendar, not the viewer's: 23:59:59 in Shanghai is already the next
    // day in Tokyo, and a Shanghai morning is still the day before in Los Angeles.
    //: %1 is a date; %Ln the number of business days (always 3 today).
    QString text = tr("The vendor reviews applications in 1–3 business days. Expected by "
                      "<b>%1</b> — %Ln business days.",
                      nullptr, businessDays)
                       .arg(DisplayFormat::weekdayDate(dueDate).toHtmlEscaped());
    if (countFrom != today) {
        text += u" "_s + tr("Today is not a working day for the vendor, so the count starts on "
                            "%1.")
                             .arg(DisplayFormat::weekdayDate(countFrom).toHtmlEscaped());
    }
    if (calendar.reviewDueIsEstimate(submittedAt, ReviewBusinessDays)) {
        text += u" "_s + tr("This date is an estimate: the vendor's holidays for that period "
                            "are not published yet.");
    }
    return text;
}
