#pragma once

#include "core/base/result.h"
#include "core/commands/applicationcommands.h"
#include "core/domain/application.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/voucher.h"
#include "core/domain/vouchertemplate.h"

// Where the UI's commands go. A local workspace runs them on its own store (LocalCommandGateway);
// a server workspace applies a partner's command to the replica at once and queues it for the
// server in the same transaction (ReplicaCommandGateway). Every call is one transaction.
class CommandGateway
{
public:
    virtual ~CommandGateway() = default;

    virtual Result<VoucherTemplate> createTemplate(const VoucherTemplate &draft) = 0;
    virtual Result<VoucherTemplate> updateTemplate(const VoucherTemplate &draft,
                                                   int expectedVersion) = 0;
    virtual Result<VoucherTemplate> duplicateTemplate(const QUuid &sourceId, const QUuid &newId,
                                                      const QString &name = {}) = 0;
    virtual Result<void> deleteTemplate(const QUuid &id) = 0;
    virtual Result<Application> submitApplication(const SubmitApplicationRequest &request) = 0;
    virtual Result<Application> cancelApplication(const QUuid &id, int expectedVersion = 0) = 0;
    virtual Result<Deduction> recordDeduction(const Deduction &request) = 0;
    virtual Result<Customer> addCustomer(const Customer &draft) = 0;

    // The vendor's decisions. A gateway that defers them (see defersDecisions()) answers with
    // the application as the replica has it, still pending: the server decides, and the
    // outcome (which may be another reviewer's decision) arrives with the next pull.
    virtual Result<Application> approve(const QUuid &applicationId, const QString &comment = {},
                                        int expectedVersion = 0) = 0;
    virtual Result<Application> reject(const QUuid &applicationId, const QString &reason,
                                       int expectedVersion = 0) = 0;
    virtual Result<Partner> setQuota(const QUuid &partnerId, qint64 quotaMinor) = 0;
    virtual Result<Voucher> invalidateVoucher(const QUuid &voucherId,
                                              const QString &reason = {}) = 0;

    // True when approve, reject, setQuota and invalidateVoucher only queue the command for a
    // server; their effect shows after it answered.
    virtual bool defersDecisions() const { return false; }
};
