#include "ui/applications/applicationwizard.h"

#include "core/commands/session.h"
#include "ui/applications/customerchoicepage.h"
#include "ui/applications/scenariopage.h"
#include "ui/applications/submittedpage.h"
#include "ui/applications/summarypage.h"
#include "ui/applications/templatechoicepage.h"
#include "ui/widgets/icons.h"

using namespace Qt::StringLiterals;

ApplicationWizard::ApplicationWizard(Session &session, const QUuid &templateId, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_clientId(session.context().newId())
    , m_templatePage(new TemplateChoicePage(session, templateId))
    , m_customerPage(new CustomerChoicePage(session))
    , m_scenarioPage(new ScenarioPage)
    , m_summaryPage(new SummaryPage(session))
    , m_submittedPage(new SubmittedPage(session))
{
    setWindowTitle(tr("Apply for a Vendor Voucher"));
    setWindowIcon(Icons::get(u"apply"_s));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(TemplatePage, m_templatePage);
    setPage(CustomerPage, m_customerPage);
    setPage(ScenarioStep, m_scenarioPage);
    setPage(SummaryStep, m_summaryPage);
    setPage(SubmittedStep, m_submittedPage);
    setStartId(TemplatePage);
    resize(760, 540);
}

void ApplicationWizard::initializePage(int id)
{
    if (id == SummaryStep) {
        const auto tmpl = m_templatePage->selectedTemplate();
        const auto customer = m_customerPage->selectedCustomer();
        if (tmpl && customer)
            m_summaryPage->setDraft(*tmpl, *customer, m_scenarioPage->scenario());
    }
    QWizard::initializePage(id);
}

bool ApplicationWizard::validateCurrentPage()
{
    if (currentId() == SummaryStep)
        return submit();
    return QWizard::validateCurrentPage();
}

bool ApplicationWizard::submit()
{
    const auto tmpl = m_templatePage->selectedTemplate();
    const auto customer = m_customerPage->selectedCustomer();
    SubmitApplicationRequest request;
    request.id = m_clientId;
    request.templateId = tmpl ? tmpl->id : QUuid();
    request.customerId = customer ? customer->id : QUuid();
    request.scenario = m_scenarioPage->scenario();

    const Result<Application> result = m_session.commands().submitApplication(request);
    if (!result.ok()) {
        const CommandError &error = result.error();
        QStringList messages;
        for (const FieldError &fieldError : error.fieldErrors())
            messages.append(fieldError.message);
        m_summaryPage->showError(messages.isEmpty() ? error.message() : messages.join(u'\n'));
        return false;
    }
    m_applicationId = result.value().id;
    m_submittedPage->setApplication(result.value(), customer ? customer->name : QString());
    m_session.notifyChanged(Session::Change::Applications | Session::Change::Templates);
    return true;
}
