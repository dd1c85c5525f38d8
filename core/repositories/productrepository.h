#pragma once

#include "core/domain/blocklistrevision.h"
#include "core/domain/product.h"

#include <QList>
#include <QSet>

#include <optional>

class Database;

// The catalogue and blocklist revisions in a store. Throws StoreError.
class ProductRepository
{
public:
    explicit ProductRepository(const Database &db)
        : m_db(db)
    {}

    QList<Product> all() const;
    QSet<QString> activeCodes() const;
    // The newest revision in effect at the moment; nullopt if there is none.
    std::optional<BlocklistRevision> blocklistAt(const QDateTime &moment) const;
    std::optional<BlocklistRevision> blocklistRevision(int revision) const;
    // Records a new revision with the next number; returns it.
    BlocklistRevision addBlocklistRevision(const QDateTime &effectiveAt,
                                           const QStringList &productCodes, qint64 rev) const;

private:
    const Database &m_db;
};
