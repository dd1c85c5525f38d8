#pragma once

#include "core/api/changefeed.h"
#include "core/base/result.h"
#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/product.h"
#include "core/domain/user.h"
#include "core/domain/voucher.h"
#include "core/domain/vouchertemplate.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <variant>

class Database;

// Applies pages of the server's change feed (GET /changes) to a replica: a local SQLite store
// holding what the signed-in user may see on the server, read by the same repositories and
// queries as a local workspace. Each page, or each run of consecutive pages, is one write
// transaction together with the cursor (the last page's nextSince), so a replica is always at
// a page boundary. Each change upserts its row with the server's `rev` (or deletes it, for a
// tombstone), and the voucher_list read model is recomputed once for every application the
// transaction touches, as the server's commands keep it.
//
// The feed orders rows by their last change, so a row may come before a row it refers to (an
// application before its customer, a voucher before its application); the replica takes them
// in any order. A change older than what the replica holds (a page applied again later) is
// skipped, so applying any page twice changes nothing.
class ReplicaApplier
{
public:
    using Row = std::variant<std::monostate, Partner, User, Customer, Product, BlocklistRevision,
                             VoucherTemplate, Application, Voucher, Deduction>;

    // A change read from its JSON into the row it writes: the part of applying that needs no
    // store (ApiJsonReader), which may run on another thread than the writes (decode()).
    struct DecodedChange
    {
        QString entity;
        QString id;
        qint64 rev = 0;
        bool deleted = false;
        QVariant key;         // the id as the table keeps it
        Row row;              // none for a deletion, or an entity this version does not keep
        bool readable = true; // false: a malformed id or data, which fails its batch
    };

    static DecodedChange decode(const ChangeFeedEntry &change);
    static QList<DecodedChange> decode(const QList<ChangeFeedEntry> &changes);

    explicit ReplicaApplier(const Database &db)
        : m_db(db)
    {}

    // The settings key holding the cursor: the `since` of the next pull.
    static QString cursorKey();

    // Applies the changes and stores nextSince as the cursor, all in one transaction; an error
    // (a change whose data cannot be read, a store failure) rolls the whole page back. The
    // cursor never moves back. Called outside a transaction, it turns foreign keys off for this
    // thread's connection meanwhile; inside one (which then includes the page), SQLite cannot
    // change that, so the caller must have turned them off beforehand.
    Result<void> apply(const QList<ChangeFeedEntry> &changes, qint64 nextSince) const;
    Result<void> apply(const ChangeFeedPage &page) const
    {
        return apply(page.changes, page.nextSince);
    }
    // The same, for changes decode() read beforehand: those of one page, or of several
    // consecutive pages in order with the last one's nextSince.
    Result<void> applyDecoded(const QList<DecodedChange> &changes, qint64 nextSince) const;

    // The server's current state of some rows (read one by one, without a rev), which replaces
    // the replica's whatever revisions it holds; the cursor stays. For the rows of a command
    // the server refused. The same transaction rules as apply().
    Result<void> restore(const QList<ChangeFeedEntry> &rows) const;

    // The stored cursor; 0 before the first page. Throws StoreError.
    qint64 cursor() const;

private:
    const Database &m_db;
};
