#pragma once

#include "core/base/result.h"
#include "core/domain/customer.h"

class CommandContext;

// AddCustomer: a partner manager records one of its customers.
class CustomerCommands
{
public:
    explicit CustomerCommands(const CommandContext &context)
        : m_context(context)
    {}

    // The draft's id is the client's (a new one when null); a repeat returns the first result.
    Result<Customer> addCustomer(const Customer &draft) const;

private:
    const CommandContext &m_context;
};
