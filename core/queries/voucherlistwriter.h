#pragma once

#include "core/queries/voucherlistrow.h"

class Database;
struct Application;
struct Customer;
struct Voucher;

// Keeps the voucher_list read model in step with applications and vouchers; called by the
// commands inside their transactions. Throws StoreError.
class VoucherListWriter
{
public:
    explicit VoucherListWriter(const Database &db)
        : m_db(db)
    {}

    void addApplication(const Application &application, const Customer &customer) const;
    void setPhase(const QUuid &applicationId, VoucherListRow::Phase phase) const;
    void setIssued(const Voucher &voucher) const;
    void setBalance(const QUuid &applicationId, qint64 balanceMinor) const;

private:
    const Database &m_db;
};
