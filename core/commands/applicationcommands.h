#pragma once

#include "core/base/result.h"
#include "core/domain/application.h"

class CommandContext;

struct SubmitApplicationRequest
{
    QUuid id; // the client's; a new one when null
    QUuid templateId;
    QUuid customerId;
    QString scenario;
};

// SubmitApplication and CancelApplication: a partner manager applies for a voucher for one of
// its customers, and may withdraw the application while it is pending review.
class ApplicationCommands
{
public:
    explicit ApplicationCommands(const CommandContext &context)
        : m_context(context)
    {}

    // Snapshots and locks the template, computes reviewDueAt (3 business days). A repeat with
    // the same id and fields returns the first result.
    Result<Application> submitApplication(const SubmitApplicationRequest &request) const;
    // Only while pending review; expectedVersion > 0 also requires that version.
    Result<Application> cancelApplication(const QUuid &id, int expectedVersion = 0) const;

private:
    const CommandContext &m_context;
};
