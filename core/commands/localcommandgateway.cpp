#include "core/commands/localcommandgateway.h"

#include "core/commands/customercommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"

Result<VoucherTemplate> LocalCommandGateway::createTemplate(const VoucherTemplate &draft)
{
    return TemplateCommands(m_context).createTemplate(draft);
}

Result<VoucherTemplate> LocalCommandGateway::updateTemplate(const VoucherTemplate &draft,
                                                            int expectedVersion)
{
    return TemplateCommands(m_context).updateTemplate(draft, expectedVersion);
}

Result<VoucherTemplate> LocalCommandGateway::duplicateTemplate(const QUuid &sourceId,
                                                               const QUuid &newId,
                                                               const QString &name)
{
    return TemplateCommands(m_context).duplicateTemplate(sourceId, newId, name);
}

Result<void> LocalCommandGateway::deleteTemplate(const QUuid &id)
{
    return TemplateCommands(m_context).deleteTemplate(id);
}

Result<Application> LocalCommandGateway::submitApplication(const SubmitApplicationRequest &request)
{
    return ApplicationCommands(m_context).submitApplication(request);
}

Result<Application> LocalCommandGateway::cancelApplication(const QUuid &id, int expectedVersion)
{
    return ApplicationCommands(m_context).cancelApplication(id, expectedVersion);
}

Result<Deduction> LocalCommandGateway::recordDeduction(const Deduction &request)
{
    return VoucherCommands(m_context).recordDeduction(request);
}

Result<Customer> LocalCommandGateway::addCustomer(const Customer &draft)
{
    return CustomerCommands(m_context).addCustomer(draft);
}

Result<Application> LocalCommandGateway::approve(const QUuid &applicationId, const QString &comment,
                                                 int expectedVersion)
{
    return ReviewCommands(m_context).approve(applicationId, comment, expectedVersion);
}

Result<Application> LocalCommandGateway::reject(const QUuid &applicationId, const QString &reason,
                                                int expectedVersion)
{
    return ReviewCommands(m_context).reject(applicationId, reason, expectedVersion);
}

Result<Partner> LocalCommandGateway::setQuota(const QUuid &partnerId, qint64 quotaMinor)
{
    return PartnerCommands(m_context).setQuota(partnerId, quotaMinor);
}

Result<Voucher> LocalCommandGateway::invalidateVoucher(const QUuid &voucherId,
                                                       const QString &reason)
{
    return VoucherCommands(m_context).invalidateVoucher(voucherId, reason);
}
