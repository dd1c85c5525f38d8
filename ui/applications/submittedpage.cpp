#include "ui/applications/submittedpage.h"

#include "core/commands/session.h"
#include "ui/widgets/displayformat.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::StringLiterals;

SubmittedPage::SubmittedPage(Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_text(new QLabel)
{
    setTitle(tr("Application submitted"));
    setSubTitle(tr("The vendor reviews applications in 1–3 business days."));
    setFinalPage(true);
    setButtonText(QWizard::FinishButton, tr("&Show in Vendor Voucher List"));
    setButtonText(QWizard::CancelButton, tr("&Close"));

    m_text->setObjectName(u"submittedText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addStretch();
}

void SubmittedPage::setApplication(const Application &application, const QString &customerName)
{
    // The vendor's calendar day, as on the summary page, whatever the viewer's time zone.
    const QString due = DisplayFormat::weekdayDate(
        application.reviewDueAt.toTimeZone(m_session.context().calendar().timeZone()).date());
    m_text->setText(tr("The application for <b>%1</b> with the template <b>%2</b> is pending "
                       "review. The vendor's review is expected by <b>%3</b>.<br><br>Until "
                       "then you can cancel it from the Vendor Voucher List.")
                        .arg(customerName.toHtmlEscaped(),
                             application.templateSnapshot.name.toHtmlEscaped(),
                             due.toHtmlEscaped()));
    m_text->setAccessibleName(tr("Application submitted, pending review, expected by %1").arg(due));
}
