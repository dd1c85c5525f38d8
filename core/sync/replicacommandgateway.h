#pragma once

#include "core/commands/localcommandgateway.h"
#include "core/repositories/outbox.h"

#include <functional>

class CommandContext;

// A server workspace: a partner's command runs on the replica at once (the same rules as a
// local workspace, so the user sees the outcome and any refusal the replica can know of) and,
// in the same transaction, joins the outbox for the server. The vendor's decisions depend on
// the server's state (quota, other reviewers), so they are only checked and queued.
class ReplicaCommandGateway : public CommandGateway
{
public:
    // queued runs after a command joined the outbox, e.g. to wake the sync engine.
    ReplicaCommandGateway(const CommandContext &context, std::function<void()> queued);

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
    bool defersDecisions() const override { return true; }

private:
    // Runs apply (the replica's part, returning a Result) and queues the request it describes
    // in one transaction; tells `queued` after the commit.
    template<typename F>
    auto queue(F &&apply) -> decltype(apply(std::declval<OutboxEntry &>()));
    Result<Application> decide(const QUuid &applicationId, bool approve, const QString &text,
                               int expectedVersion);

    const CommandContext &m_context;
    LocalCommandGateway m_local;
    std::function<void()> m_queued;
};
