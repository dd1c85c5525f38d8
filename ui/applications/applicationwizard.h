#pragma once

#include <QUuid>
#include <QWizard>

class CustomerChoicePage;
class ScenarioPage;
class Session;
class SubmittedPage;
class SummaryPage;
class TemplateChoicePage;

// Apply for a voucher: template → eligible customer → testing scenario → summary with the
// expected review date → submit (SubmitApplication).
class ApplicationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { TemplatePage, CustomerPage, ScenarioStep, SummaryStep, SubmittedStep };

    // `templateId` preselects a template (the Apply action of the templates page).
    explicit ApplicationWizard(Session &session, const QUuid &templateId = {},
                               QWidget *parent = nullptr);

    // The submitted application, once the wizard was accepted. After submitting, Finish
    // ("Show in Vendor Voucher List") accepts the wizard and Close rejects it; the application
    // is submitted either way.
    QUuid applicationId() const { return m_applicationId; }

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    bool submit();

    Session &m_session;
    // Chosen once per wizard, so that submitting again after a failure is the same submission.
    const QUuid m_clientId;
    QUuid m_applicationId;
    TemplateChoicePage *m_templatePage;
    CustomerChoicePage *m_customerPage;
    ScenarioPage *m_scenarioPage;
    SummaryPage *m_summaryPage;
    SubmittedPage *m_submittedPage;
};
