#pragma once

#include "core/domain/partner.h"

#include <QList>

#include <optional>

class Database;

// Rows of `partners`. Throws StoreError.
class PartnerRepository
{
public:
    explicit PartnerRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<Partner> find(const QUuid &id) const;
    // Reads the row for update: the caller's transaction will change the quota or issued sum.
    std::optional<Partner> findForUpdate(const QUuid &id) const;
    std::optional<Partner> findByName(const QString &name) const;
    QList<Partner> all() const;

    void insert(const Partner &partner) const;
    void setQuota(const QUuid &id, qint64 quotaMinor, qint64 rev) const;
    // Adds face value to the issued sum only while the pool still has it: false when it has not.
    bool reserveIssue(const QUuid &id, qint64 faceValueMinor, qint64 rev) const;
    // Returns an invalidated voucher's unused balance to the pool.
    void releaseIssued(const QUuid &id, qint64 amountMinor, qint64 rev) const;

private:
    std::optional<Partner> findWhere(const QString &where, const QVariant &value,
                                     bool forUpdate) const;

    const Database &m_db;
};
