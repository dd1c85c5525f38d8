#pragma once

#include "core/domain/customer.h"
#include "core/domain/vouchertemplate.h"

#include <QWizardPage>

class BusinessCalendar;
class QLabel;
class Session;

// Step 4 of the application wizard: what will be submitted and when the vendor's review is
// expected, computed with the same business calendar as SubmitApplication. Submitting is the
// wizard's commit: a refusal is shown here and the wizard stays on this page.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(Session &session, QWidget *parent = nullptr);

    void setDraft(const VoucherTemplate &tmpl, const Customer &customer, const QString &scenario);
    void showError(const QString &message);
    // "The vendor reviews … Expected by <b>Wed 2 Dec 2026</b> — 3 business days."
    QString expectedReviewText() const;

    // The expected review line for a submission at `submittedAt` (UTC) with `calendar`.
    static QString expectedReviewText(const BusinessCalendar &calendar,
                                      const QDateTime &submittedAt);

private:
    Session &m_session;
    QLabel *m_template;
    QLabel *m_lockNote;
    QLabel *m_customer;
    QLabel *m_scenario;
    QLabel *m_expectedReview;
    QLabel *m_error;
};
