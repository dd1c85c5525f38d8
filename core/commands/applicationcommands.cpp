#include "core/commands/applicationcommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/queries/voucherlistwriter.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/rules/applicationstatemachine.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"

using namespace Qt::StringLiterals;

namespace {

FieldErrors validateRequest(const SubmitApplicationRequest &request)
{
    FieldErrors errors;
    if (request.templateId.isNull())
        errors.append({u"templateId"_s, CoreTr::tr("Choose the template to apply with.")});
    if (request.customerId.isNull())
        errors.append({u"customerId"_s, CoreTr::tr("Choose the customer the voucher is for.")});
    const qsizetype length = request.scenario.size();
    if (length < Application::MinScenarioLength || length > Application::MaxScenarioLength) {
        errors.append(
            {u"scenario"_s, CoreTr::tr("Describe the testing scenario in %1 to %2 characters; this "
                                       "description has %3.")
                                .arg(Application::MinScenarioLength)
                                .arg(Application::MaxScenarioLength)
                                .arg(length)});
    }
    return errors;
}

} // namespace

Result<Application>
ApplicationCommands::submitApplication(const SubmitApplicationRequest &request) const
{
    const Actor &actor = m_context.actor();
    if (auto refused = CommandChecks::requireRole(
            actor, Role::PartnerManager,
            CoreTr::tr("Only a partner manager can apply for vouchers.")))
        return *refused;

    SubmitApplicationRequest input = request;
    input.scenario = request.scenario.trimmed();
    if (input.id.isNull())
        input.id = m_context.newId();
    if (const FieldErrors errors = validateRequest(input); !errors.isEmpty())
        return CommandError::invalid(errors);
    const QString hash =
        RequestHash::of({{u"templateId"_s, input.templateId.toString(QUuid::WithoutBraces)},
                         {u"customerId"_s, input.customerId.toString(QUuid::WithoutBraces)},
                         {u"scenario"_s, input.scenario}});

    return m_context.db().write([&]() -> Result<Application> {
        const Database &db = m_context.db();
        const ApplicationRepository applications(db);
        if (const auto previous = applications.requestHash(input.id))
            return CommandChecks::replay(*previous, hash, applications.find(input.id), actor);

        const TemplateRepository templates(db);
        const auto tmpl = templates.find(input.templateId);
        if (!CommandChecks::visible(tmpl, actor))
            return CommandError::notFound(u"Template"_s);
        const auto customer = CustomerRepository(db).find(input.customerId);
        if (!CommandChecks::visible(customer, actor))
            return CommandError::notFound(u"Customer"_s);
        if (!customer->eligible) {
            return CommandError::invalidField(
                u"customerId"_s,
                CoreTr::tr("%1 is not eligible for vouchers.").arg(customer->name));
        }

        Application application;
        application.id = input.id;
        application.partnerId = actor.partnerId;
        application.templateId = tmpl->id;
        application.templateSnapshot = *tmpl;
        application.templateSnapshot.locked = true;
        application.customerId = customer->id;
        application.scenario = input.scenario;
        application.status = ApplicationStatus::PendingReview;
        application.submittedAt = m_context.now();
        application.reviewDueAt = m_context.calendar().reviewDueAt(application.submittedAt);
        application.submittedBy = actor.userId;
        application.version = 1;
        application.rev = db.nextRev();
        applications.insert(application, hash);
        VoucherListWriter(db).addApplication(application, *customer);
        m_context.audit(u"SubmitApplication"_s, u"Application"_s, application.id,
                        {{u"templateId"_s, tmpl->id.toString(QUuid::WithoutBraces)},
                         {u"customerId"_s, customer->id.toString(QUuid::WithoutBraces)},
                         {u"faceValueMinor"_s, tmpl->faceValueMinor}});

        // Template lock on first submitted application.
        if (templates.lock(tmpl->id, db.nextRev())) {
            m_context.audit(u"LockTemplate"_s, u"Template"_s, tmpl->id,
                            {{u"applicationId"_s, application.id.toString(QUuid::WithoutBraces)}});
        }
        return application;
    });
}

Result<Application> ApplicationCommands::cancelApplication(const QUuid &id,
                                                           int expectedVersion) const
{
    const Actor &actor = m_context.actor();
    return m_context.db().write([&]() -> Result<Application> {
        const Database &db = m_context.db();
        const ApplicationRepository applications(db);
        const auto current = applications.find(id);
        if (!current)
            return CommandError::notFound(u"Application"_s);
        if (auto refused = ApplicationStateMachine::check(
                *current, ApplicationStateMachine::Transition::Cancel, actor, expectedVersion))
            return *refused;

        Application cancelled = *current;
        cancelled.status = ApplicationStatus::Cancelled;
        cancelled.cancelledAt = m_context.now();
        cancelled.rev = db.nextRev();
        if (!applications.transition(cancelled, current->version))
            return ApplicationStateMachine::notPending(*applications.find(id));
        VoucherListWriter(db).setPhase(id, VoucherListRow::Phase::Cancelled);
        m_context.audit(u"CancelApplication"_s, u"Application"_s, id);
        return *applications.find(id);
    });
}
