#include "core/store/voucherlistindexes.h"

#include "core/store/database.h"
#include "core/store/sqldialect.h"
#include "core/store/sqlstatement.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Index
{
    QString name;
    QString columns;
};

// Voucher list pages and counts at a million rows (issue 6, docs/PERFORMANCE.md). A status page
// walks the rows in date order until a page matches; with the status columns in the index the
// walk reads the index alone and looks up only the rows it returns (expired: 104 -> 5 ms), and a
// count reads the index alone (527,000 expired: 1.1 s -> 50 ms). A partner's statuses get the
// same walk within the partner. Each sort column has the tie-breaker too, so a sort reads its
// index in order instead of sorting every row of a tie (85 ms for the vouchers not yet issued),
// for every partner's list and for one partner's.
const QList<Index> &indexes()
{
    static const QString covered = u"phase, applied_at, application_id, expires_at, "
                                   u"balance_minor, face_value_minor, kind"_s;
    static const QList<Index> all = {
        {u"vl_status_walk"_s, covered},
        {u"vl_partner_status_walk"_s, u"partner_id, "_s + covered},
        {u"vl_sort_applied"_s, u"applied_at, application_id"_s},
        {u"vl_partner_sort_applied"_s, u"partner_id, applied_at, application_id"_s},
        {u"vl_customer_sort_applied"_s, u"customer_id, applied_at, application_id"_s},
        {u"vl_sort_expires"_s, u"expires_at, application_id"_s},
        {u"vl_sort_balance"_s, u"balance_minor, application_id"_s},
        {u"vl_sort_code"_s, u"voucher_code, application_id"_s},
        {u"vl_sort_customer"_s, u"customer_name, application_id"_s},
        {u"vl_sort_face"_s, u"face_value_minor, application_id"_s},
        // A partner's list in another order than by date (sorting its 20,000 rows: 32-50 ms).
        {u"vl_partner_sort_expires"_s, u"partner_id, expires_at, application_id"_s},
        {u"vl_partner_sort_balance"_s, u"partner_id, balance_minor, application_id"_s},
        {u"vl_partner_sort_code"_s, u"partner_id, voucher_code, application_id"_s},
        {u"vl_partner_sort_customer"_s, u"partner_id, customer_name, application_id"_s},
        {u"vl_partner_sort_face"_s, u"partner_id, face_value_minor, application_id"_s},
    };
    return all;
}

QString createIndex(const Index &index)
{
    return u"CREATE INDEX IF NOT EXISTS %1 ON voucher_list (%2)"_s.arg(index.name, index.columns);
}

const QString kTextTable = u"voucher_list_text"_s;
const QStringList kTriggers = {u"voucher_list_text_insert"_s, u"voucher_list_text_delete"_s,
                               u"voucher_list_text_update"_s};

// The names of voucher_list's indexes and triggers and of the text table.
QSet<QString> present(const Database &db)
{
    QSet<QString> names;
    SqlStatement query = db.prepare(u"SELECT name FROM sqlite_master WHERE "
                                    u"tbl_name IN ('voucher_list', 'voucher_list_text')"_s);
    query.exec();
    while (query.next())
        names.insert(query.text(0));
    return names;
}

bool hasTextIndex(const QSet<QString> &names)
{
    return names.contains(kTextTable) &&
           std::all_of(kTriggers.cbegin(), kTriggers.cend(),
                       [&](const QString &trigger) { return names.contains(trigger); });
}

// Runs shared DDL in this store's dialect (a {SQLITE_ONLY} statement is nothing elsewhere).
void run(const Database &db, const QString &ddl)
{
    if (const QString sql = db.dialect().translateDdl(ddl); !sql.isEmpty())
        db.execute(sql);
}

} // namespace

QStringList VoucherListIndexes::createIndexStatements()
{
    QStringList statements;
    for (const Index &index : indexes())
        statements.append(createIndex(index));
    return statements;
}

// Free text (part of a code or customer name, the start of a UIN): a LIKE scan read all million
// rows for a rare fragment (1.8 s); trigrams find its rows at once. The index holds no text of
// its own: it keys voucher_list's rowid, which only VACUUM renumbers (VoucherDesk never runs it;
// after a manual one, run the 'rebuild' command of FTS5). PostgreSQL keeps the LIKE conditions.
QString VoucherListIndexes::createTextTableStatement()
{
    return u"{SQLITE_ONLY}CREATE VIRTUAL TABLE IF NOT EXISTS voucher_list_text USING fts5 ("
           u"voucher_code, customer_name, customer_uin, content='voucher_list', "
           u"content_rowid='rowid', tokenize='trigram')"_s;
}

QString VoucherListIndexes::rebuildTextStatement()
{
    return u"{SQLITE_ONLY}INSERT INTO voucher_list_text (voucher_list_text) VALUES ('rebuild')"_s;
}

QStringList VoucherListIndexes::createTextTriggerStatements()
{
    return {
        u"{SQLITE_ONLY}CREATE TRIGGER IF NOT EXISTS voucher_list_text_insert AFTER INSERT ON "
        u"voucher_list BEGIN "
        u"INSERT INTO voucher_list_text (rowid, voucher_code, customer_name, customer_uin) "
        u"VALUES (new.rowid, new.voucher_code, new.customer_name, new.customer_uin); END"_s,
        u"{SQLITE_ONLY}CREATE TRIGGER IF NOT EXISTS voucher_list_text_delete AFTER DELETE ON "
        u"voucher_list BEGIN "
        u"INSERT INTO voucher_list_text (voucher_list_text, rowid, voucher_code, customer_name, "
        u"customer_uin) VALUES ('delete', old.rowid, old.voucher_code, old.customer_name, "
        u"old.customer_uin); END"_s,
        u"{SQLITE_ONLY}CREATE TRIGGER IF NOT EXISTS voucher_list_text_update AFTER UPDATE OF "
        u"voucher_code, customer_name, customer_uin ON voucher_list "
        u"WHEN old.voucher_code IS NOT new.voucher_code OR old.customer_name IS NOT "
        u"new.customer_name OR old.customer_uin IS NOT new.customer_uin BEGIN "
        u"INSERT INTO voucher_list_text (voucher_list_text, rowid, voucher_code, customer_name, "
        u"customer_uin) VALUES ('delete', old.rowid, old.voucher_code, old.customer_name, "
        u"old.customer_uin); "
        u"INSERT INTO voucher_list_text (rowid, voucher_code, customer_name, customer_uin) "
        u"VALUES (new.rowid, new.voucher_code, new.customer_name, new.customer_uin); END"_s,
    };
}

bool VoucherListIndexes::isComplete(const Database &db)
{
    if (db.isPostgres())
        return true;
    const QSet<QString> names = present(db);
    return hasTextIndex(names) &&
           std::all_of(indexes().cbegin(), indexes().cend(),
                       [&](const Index &index) { return names.contains(index.name); });
}

bool VoucherListIndexes::textIndexIsCurrent(const Database &db)
{
    if (db.isPostgres())
        return false; // PostgreSQL has no text index
    SqlStatement query = db.prepare(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                                    u"AND tbl_name = 'voucher_list' AND name IN (%1)"_s.arg(
                                        u"'"_s + kTriggers.join(u"', '"_s) + u"'"_s));
    query.exec();
    return query.next() && query.int64(0) == kTriggers.size();
}

void VoucherListIndexes::suspend(const Database &db)
{
    if (db.isPostgres())
        return;
    for (const QString &trigger : kTriggers)
        db.execute(u"DROP TRIGGER IF EXISTS "_s + trigger);
    for (const Index &index : indexes())
        db.execute(u"DROP INDEX IF EXISTS "_s + index.name);
}

Result<void> VoucherListIndexes::ensure(const Database &db, const std::atomic_bool *stop)
{
    if (db.isPostgres())
        return {};
    const Result<QSet<QString>> names =
        db.read([&]() -> Result<QSet<QString>> { return present(db); });
    if (!names)
        return names.error();
    for (const Index &index : indexes()) {
        if (names.value().contains(index.name))
            continue;
        if (stop && *stop)
            return {};
        const Result<void> created = db.write([&]() -> Result<void> {
            run(db, createIndex(index));
            return {};
        });
        if (!created)
            return created;
    }
    if (hasTextIndex(names.value()) || (stop && *stop))
        return {};
    return db.write([&]() -> Result<void> {
        run(db, createTextTableStatement());
        run(db, rebuildTextStatement());
        for (const QString &trigger : createTextTriggerStatements())
            run(db, trigger);
        return {};
    });
}
