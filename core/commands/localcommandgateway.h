#pragma once

#include "core/commands/commandgateway.h"

class CommandContext;

// A local workspace: every command runs on the workspace's own store, which is the truth.
class LocalCommandGateway : public CommandGateway
{
public:
    explicit LocalCommandGateway(const CommandContext &context)
        : m_context(context)
    {}

    Result<VoucherTemplate> createTemplate(const VoucherTemplate &draft) override;
    Result<VoucherTemplate> updateTemplate(const VoucherTemplate &draft,
                                           int expectedVersion) override;
    Result<VoucherTemplate> duplicateTemplate(const QUuid &sourceId, const QUuid &newId,
                                              const QString &name = {}) override;
    Result<void> deleteTemplate(const QUuid &id) override;
    Result<Application> submitApplication(const SubmitApplicationRequest &request) override;
    Result<Application> cancelApplication(const QUuid &id, int expectedVersion = 0) override;
    Result<Deduction> recordDeduction(const Deduction &request) override;
    Result<Customer> addCustomer(const Customer &draft) override;
    Result<Application> approve(const QUuid &applicationId, const QString &comment = {},
                                int expectedVersion = 0) override;
    Result<Application> reject(const QUuid &applicationId, const QString &reason,
                               int expectedVersion = 0) override;
    Result<Partner> setQuota(const QUuid &partnerId, qint64 quotaMinor) override;
    Result<Voucher> invalidateVoucher(const QUuid &voucherId, const QString &reason = {}) override;

private:
    const CommandContext &m_context;
};
