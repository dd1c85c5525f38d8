#pragma once

#include "core/domain/deduction.h"
#include "core/domain/voucher.h"

#include <QList>

#include <optional>

class Database;

// Rows of `vouchers` and their `deductions`. Throws StoreError.
class VoucherRepository
{
public:
    explicit VoucherRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<Voucher> find(const QUuid &id) const;
    std::optional<Voucher> findByCode(const QString &code) const;
    bool codeExists(const QString &code) const;
    void insert(const Voucher &voucher) const;
    // Lowers the balance by amount if it is still expectedBalance; false otherwise.
    bool deduct(const QUuid &id, qint64 expectedBalance, qint64 amount, qint64 rev) const;
    // Marks the voucher invalidated unless it already is; true if this call did it.
    bool invalidate(const QUuid &id, const QDateTime &at, qint64 rev) const;

    std::optional<Deduction> findDeduction(const QUuid &id) const;
    std::optional<QString> deductionRequestHash(const QUuid &id) const;
    QList<Deduction> deductions(const QUuid &voucherId) const;
    void insertDeduction(const Deduction &deduction, const QString &requestHash) const;
    qint64 deductionCount() const;

    // The rows whose rev is in (after, upTo], of one partner's vouchers (every partner's when
    // null): what a page of the change feed (ChangeFeed) carries.
    QList<Voucher> revised(qint64 after, qint64 upTo, const QUuid &partnerId = {}) const;
    QList<Deduction> revisedDeductions(qint64 after, qint64 upTo,
                                       const QUuid &partnerId = {}) const;

private:
    std::optional<Voucher> findWhere(const QString &where, const QVariant &value) const;

    const Database &m_db;
};
