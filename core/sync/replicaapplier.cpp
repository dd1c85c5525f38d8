#include "core/sync/replicaapplier.h"

#include "core/api/apijsonreader.h"
#include "core/base/coretr.h"
#include "core/json/jsonfields.h"
#include "core/queries/voucherlistrow.h"
#include "core/store/database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <map>
#include <memory>

// The sync engine's timings (syncengine.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcSyncTiming)

using namespace Qt::StringLiterals;

namespace {

// Where an entity of the feed lives.
struct Table
{
    QString name;
    QString key;
};

std::optional<Table> tableOf(const QString &entity)
{
    static const QHash<QString, Table> tables = {
        {u"partner"_s, {u"partners"_s, u"id"_s}},
        {u"user"_s, {u"users"_s, u"id"_s}},
        {u"customer"_s, {u"customers"_s, u"id"_s}},
        {u"product"_s, {u"products"_s, u"code"_s}},
        {u"blocklistRevision"_s, {u"blocklist_revisions"_s, u"revision"_s}},
        {u"template"_s, {u"templates"_s, u"id"_s}},
        {u"application"_s, {u"applications"_s, u"id"_s}},
        {u"voucher"_s, {u"vouchers"_s, u"id"_s}},
        {u"deduction"_s, {u"deductions"_s, u"id"_s}},
    };
    const auto found = tables.constFind(entity);
    if (found == tables.cend())
        return std::nullopt;
    return *found;
}

// Column values in the store's conventions (see SqlStatement).
using Columns = QList<std::pair<QString, QVariant>>;

QVariant text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}
QVariant uuid(const QUuid &id)
{
    return SqlStatement::fromUuid(id);
}
QVariant time(const QDateTime &moment)
{
    return SqlStatement::fromTime(moment);
}
QVariant flag(bool value)
{
    return value ? 1 : 0;
}
QVariant list(const QStringList &codes)
{
    return JsonFields::listToText(codes);
}

// What the feed never carries: written as '' for a new row, left alone in an existing one.
bool insertOnly(const QString &column)
{
    return column == u"request_hash"_s || column == u"password_hash"_s;
}

CommandError malformed(const ReplicaApplier::DecodedChange &change)
{
    return CommandError(CommandError::Kind::Internal, u"InternalError.MalformedChange"_s,
                        CoreTr::tr("The server sent a change that cannot be read (%1 %2); "
                                   "none of its batch was applied.")
                            .arg(change.entity, change.id));
}

// The entity the change's data describes, when it is one of its kind with the change's key.
ReplicaApplier::Row readRow(const QString &entity, const QJsonObject &data, const QVariant &key)
{
    auto keyed = [&key](const auto &found) -> ReplicaApplier::Row {
        if (found && uuid(found->id) == key)
            return *found;
        return {};
    };
    if (entity == u"partner"_s)
        return keyed(ApiJsonReader::partner(data));
    if (entity == u"user"_s)
        return keyed(ApiJsonReader::user(data));
    if (entity == u"customer"_s)
        return keyed(ApiJsonReader::customer(data));
    if (entity == u"template"_s)
        return keyed(ApiJsonReader::voucherTemplate(data));
    if (entity == u"voucher"_s)
        return keyed(ApiJsonReader::voucher(data));
    if (entity == u"deduction"_s)
        return keyed(ApiJsonReader::deduction(data));
    if (entity == u"application"_s) {
        const auto a = ApiJsonReader::application(data);
        if (a && a->templateSnapshot.id != a->templateId)
            return {};
        return keyed(a);
    }
    if (entity == u"product"_s) {
        const auto p = ApiJsonReader::product(data);
        if (p && p->code == key.toString())
            return *p;
        return {};
    }
    if (entity == u"blocklistRevision"_s) {
        const auto r = ApiJsonReader::blocklistRevision(data);
        if (r && r->revision == key.toInt())
            return *r;
        return {};
    }
    return {};
}

// SQLite checks a foreign key at every statement (the schema's keys are not deferrable), but
// the feed orders rows by their last change, so a row often comes before the row it refers to
// (an application before a customer or voucher changed later, a voucher before its
// application, pages apart). The replica only mirrors rows the server already checked, so the
// applier turns the checks off. The pragma does nothing inside a transaction, hence around
// Database::write(); it holds for this thread's connection only (Database::connection()), and
// the applier runs on its own thread, so no other reader or writer loses the checks. They are
// back on afterwards in case the thread runs other work.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(const Database &db)
        : m_db(db)
    {
        if (db.isPostgres())
            return; // replicas are SQLite files
        {
            SqlStatement query = db.prepare(u"PRAGMA foreign_keys"_s);
            query.exec();
            m_wasOn = query.next() && query.integer(0) != 0;
        }
        db.execute(u"PRAGMA foreign_keys = OFF"_s);
    }
    ~ForeignKeysOff()
    {
        if (!m_wasOn)
            return;
        try {
            m_db.execute(u"PRAGMA foreign_keys = ON"_s);
        } catch (const StoreError &) {
            // A broken connection is closed; its replacement is set up with the checks on.
        }
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    const Database &m_db;
    bool m_wasOn = false;
};

// The writes of one page, inside its transaction. Statements are prepared once per page.
class PageWriter
{
public:
    explicit PageWriter(const Database &db)
        : m_db(db)
    {}

    // An error when the change cannot be read.
    std::optional<CommandError> apply(const ReplicaApplier::DecodedChange &change);
    // A revision that makes the change count as the row's newest state: the stored row's, or
    // just past its deletion's.
    qint64 newestRev(const ReplicaApplier::DecodedChange &change);
    // The voucher_list rows of every application the page touched, from the rows now stored.
    void refreshVoucherList();

private:
    SqlStatement &statement(const QString &sql);
    SqlStatement &run(const QString &sql, const Columns &values);
    std::optional<qint64> storedRev(const Table &table, const QVariant &key);
    bool isDeletedSince(const ReplicaApplier::DecodedChange &change);
    void remove(const Table &table, const ReplicaApplier::DecodedChange &change);
    bool upsert(const QString &table, const QString &keyColumn, const Columns &columns);
    // Deletes the other rows holding a unique key the incoming row takes (see upsertEntity),
    // unless the replica's own row is newer than the incoming one.
    void evict(const QString &table, const QString &condition, const QVariant &id, qint64 rev,
               const Columns &values);
    void upsertEntity(const ReplicaApplier::DecodedChange &change);
    bool upsertTemplate(const VoucherTemplate &t, qint64 rev);
    void recompute(const QString &applicationIds);

    const Database &m_db;
    std::map<QString, std::unique_ptr<SqlStatement>> m_statements;
    QHash<QString, QString> m_upsertSql;       // by table
    std::optional<QSet<QString>> m_tombstoned; // the entities with a tombstone in the replica
    QSet<QUuid> m_applications;
    QSet<QUuid> m_customers;
    QSet<QUuid> m_templates;
    QSet<QUuid> m_storedTemplates; // known to be in the replica (an application's template)
};

SqlStatement &PageWriter::statement(const QString &sql)
{
    std::unique_ptr<SqlStatement> &prepared = m_statements[sql];
    if (!prepared)
        prepared = std::make_unique<SqlStatement>(m_db.prepare(sql));
    return *prepared;
}

SqlStatement &PageWriter::run(const QString &sql, const Columns &values)
{
    SqlStatement &prepared = statement(sql);
    for (const auto &[name, value] : values)
        prepared.bind(name, value);
    return prepared.exec();
}

std::optional<qint64> PageWriter::storedRev(const Table &table, const QVariant &key)
{
    SqlStatement &row =
        run(u"SELECT rev FROM "_s + table.name + u" WHERE "_s + table.key + u" = :key"_s,
            {{u":key"_s, key}});
    if (!row.next())
        return std::nullopt;
    return row.int64(0);
}

// A change older than the row's deletion is a page applied again: it would bring the row back.
// Few entities ever have a tombstone, so the others skip the look-up.
bool PageWriter::isDeletedSince(const ReplicaApplier::DecodedChange &entry)
{
    const QVariant &key = entry.key;
    if (!m_tombstoned) {
        m_tombstoned.emplace();
        SqlStatement &entities = run(u"SELECT DISTINCT entity FROM tombstones"_s, {});
        while (entities.next())
            m_tombstoned->insert(entities.text(0));
    }
    if (!m_tombstoned->contains(entry.entity))
        return false;
    SqlStatement &tombstone =
        run(u"SELECT rev FROM tombstones WHERE entity = :entity AND id = :id"_s,
            {{u":entity"_s, entry.entity}, {u":id"_s, key.toString()}});
    return tombstone.next() && tombstone.int64(0) >= entry.rev;
}

void PageWriter::remove(const Table &table, const ReplicaApplier::DecodedChange &entry)
{
    const QVariant &key = entry.key;
    // Kept when it changed after this deletion: created again under the same id.
    if (const auto rev = storedRev(table, key); rev && *rev > entry.rev)
        return;
    const QUuid id = QUuid::fromString(key.toString());
    if (entry.entity == u"application"_s) {
        m_applications.insert(id);
    } else if (entry.entity == u"customer"_s) {
        m_customers.insert(id);
    } else if (entry.entity == u"template"_s) {
        m_templates.insert(id);
        m_storedTemplates.remove(id);
    } else if (entry.entity == u"voucher"_s) {
        SqlStatement &voucher =
            run(u"SELECT application_id FROM vouchers WHERE id = :key"_s, {{u":key"_s, key}});
        if (voucher.next())
            m_applications.insert(voucher.uuid(0));
    }
    run(u"DELETE FROM "_s + table.name + u" WHERE "_s + table.key + u" = :key"_s,
        {{u":key"_s, key}});
    // Remembered, so that an older page applied again does not bring the row back.
    run(u"INSERT INTO tombstones (entity, id, partner_id, rev) VALUES (:entity, :id, NULL, :rev) "
        u"ON CONFLICT (entity, id) DO UPDATE SET rev = excluded.rev "
        u"WHERE tombstones.rev < excluded.rev"_s,
        {{u":entity"_s, entry.entity}, {u":id"_s, key.toString()}, {u":rev"_s, entry.rev}});
    if (m_tombstoned)
        m_tombstoned->insert(entry.entity);
}

// Inserts the row, or replaces every column the feed carries unless the stored row is newer (a
// page applied again holds older states of rows changed since). False when it was newer.
bool PageWriter::upsert(const QString &table, const QString &keyColumn, const Columns &columns)
{
    QString &sql = m_upsertSql[table];
    if (sql.isEmpty()) {
        QStringList names;
        QStringList placeholders;
        QStringList updates;
        for (const auto &column : columns) {
            const QString &name = column.first;
            names.append(name);
            placeholders.append(u':' + name);
            if (name != keyColumn && !insertOnly(name))
                updates.append(name + u" = excluded."_s + name);
        }
        sql = u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5 "
              u"WHERE %1.rev <= excluded.rev"_s.arg(table, names.join(u", "_s),
                                                    placeholders.join(u", "_s), keyColumn,
                                                    updates.join(u", "_s));
    }
    SqlStatement &insert = statement(sql);
    for (const auto &[name, value] : columns)
        insert.bind(u':' + name, value);
    insert.exec();
    return insert.rowsAffected() > 0;
}

void PageWriter::evict(const QString &table, const QString &condition, const QVariant &id,
                       qint64 rev, const Columns &values)
{
    Columns all = values;
    all.append({u":id"_s, id});
    all.append({u":self"_s, id});
    all.append({u":rev"_s, rev});
    run(u"DELETE FROM %1 WHERE (%2) AND id <> :id AND NOT EXISTS "
        u"(SELECT 1 FROM %1 WHERE id = :self AND rev > :rev)"_s.arg(table, condition),
        all);
}

std::optional<CommandError> PageWriter::apply(const ReplicaApplier::DecodedChange &change)
{
    const auto table = tableOf(change.entity);
    // An entity of a newer server: this version has nowhere to keep it.
    if (!table)
        return std::nullopt;
    if (!change.readable)
        return malformed(change);
    if (change.deleted) {
        remove(*table, change);
        return std::nullopt;
    }
    if (!isDeletedSince(change))
        upsertEntity(change);
    return std::nullopt;
}

qint64 PageWriter::newestRev(const ReplicaApplier::DecodedChange &entry)
{
    const auto table = tableOf(entry.entity);
    if (!table || !entry.readable)
        return entry.rev;
    const QVariant &key = entry.key;
    qint64 rev = storedRev(*table, key).value_or(entry.rev);
    SqlStatement &tombstone =
        run(u"SELECT rev FROM tombstones WHERE entity = :entity AND id = :id"_s,
            {{u":entity"_s, entry.entity}, {u":id"_s, key.toString()}});
    if (tombstone.next())
        rev = std::max(rev, tombstone.int64(0) + 1);
    return rev;
}

bool PageWriter::upsertTemplate(const VoucherTemplate &t, qint64 rev)
{
    m_storedTemplates.clear(); // the eviction may delete some
    evict(u"templates"_s, u"partner_id = :partnerId AND lower(name) = lower(:name)"_s, uuid(t.id),
          rev, {{u":partnerId"_s, uuid(t.partnerId)}, {u":name"_s, text(t.name)}});
    return upsert(u"templates"_s, u"id"_s,
                  {{u"id"_s, uuid(t.id)},
                   {u"partner_id"_s, uuid(t.partnerId)},
                   {u"name"_s, text(t.name)},
                   {u"kind"_s, voucherKindToString(t.kind)},
                   {u"face_value_minor"_s, t.faceValueMinor},
                   {u"currency"_s, text(t.currency)},
                   {u"validity_days"_s, t.validityDays},
                   {u"min_spend_minor"_s, t.minSpendMinor},
                   {u"pay_mode"_s, payModeToString(t.payMode)},
                   {u"product_codes"_s, list(t.productCodes)},
                   {u"note"_s, text(t.note)},
                   {u"version"_s, t.version},
                   {u"locked"_s, flag(t.locked)},
                   {u"created_at"_s, time(t.createdAt)},
                   {u"updated_at"_s, time(t.updatedAt)},
                   {u"request_hash"_s, text({})},
                   {u"rev"_s, rev}});
}

// Upserts the row the change describes, every column the feed carries. The unique keys besides
// the primary one (a partner's template names, logins, voucher codes...) may be held in the
// replica by a row whose later change has not arrived yet: the feed sends each row as it is now,
// in the order of last change, so a replica can momentarily hold two rows' states that never
// existed together. The row that holds the key on the server is the one arriving; the one it
// displaces has changed since, so it comes later in this pull, and is deleted until then (but
// not for an incoming change older than its own row: that is an old page applied again).
void PageWriter::upsertEntity(const ReplicaApplier::DecodedChange &e)
{
    const QVariant &key = e.key;
    if (const auto *p = std::get_if<Partner>(&e.row)) {
        evict(u"partners"_s, u"lower(name) = lower(:name)"_s, key, e.rev,
              {{u":name"_s, text(p->name)}});
        upsert(u"partners"_s, u"id"_s,
               {{u"id"_s, key},
                {u"name"_s, text(p->name)},
                {u"quota_minor"_s, p->quotaMinor},
                {u"issued_minor"_s, p->issuedMinor},
                {u"currency"_s, text(p->currency)},
                {u"created_at"_s, time(p->createdAt)},
                {u"rev"_s, e.rev}});
    } else if (const auto *u = std::get_if<User>(&e.row)) {
        evict(u"users"_s, u"lower(login) = lower(:login)"_s, key, e.rev,
              {{u":login"_s, text(u->login)}});
        upsert(u"users"_s, u"id"_s,
               {{u"id"_s, key},
                {u"login"_s, text(u->login)},
                {u"display_name"_s, text(u->displayName)},
                {u"role"_s, roleToString(u->role)},
                {u"partner_id"_s, uuid(u->partnerId)},
                {u"password_hash"_s, text({})},
                {u"active"_s, flag(u->active)},
                {u"created_at"_s, time(u->createdAt)},
                {u"rev"_s, e.rev}});
    } else if (const auto *c = std::get_if<Customer>(&e.row)) {
        evict(u"customers"_s, u"partner_id = :partnerId AND uin = :uin"_s, key, e.rev,
              {{u":partnerId"_s, uuid(c->partnerId)}, {u":uin"_s, text(c->uin)}});
        const bool applied = upsert(u"customers"_s, u"id"_s,
                                    {{u"id"_s, key},
                                     {u"partner_id"_s, uuid(c->partnerId)},
                                     {u"name"_s, text(c->name)},
                                     {u"uin"_s, text(c->uin)},
                                     {u"eligible"_s, flag(c->eligible)},
                                     {u"created_at"_s, time(c->createdAt)},
                                     {u"request_hash"_s, text({})},
                                     {u"rev"_s, e.rev}});
        if (applied)
            m_customers.insert(c->id);
    } else if (const auto *p = std::get_if<Product>(&e.row)) {
        upsert(u"products"_s, u"code"_s,
               {{u"code"_s, key},
                {u"name"_s, text(p->name)},
                {u"name_zh"_s, text(p->nameZh)},
                {u"category"_s, text(p->category)},
                {u"active"_s, flag(p->active)},
                {u"rev"_s, e.rev}});
    } else if (const auto *r = std::get_if<BlocklistRevision>(&e.row)) {
        upsert(u"blocklist_revisions"_s, u"revision"_s,
               {{u"revision"_s, r->revision},
                {u"effective_at"_s, time(r->effectiveAt)},
                {u"product_codes"_s, list(r->productCodes)},
                {u"rev"_s, e.rev}});
    } else if (const auto *t = std::get_if<VoucherTemplate>(&e.row)) {
        if (upsertTemplate(*t, e.rev))
            m_templates.insert(t->id);
    } else if (const auto *a = std::get_if<Application>(&e.row)) {
        // The snapshot is the template's row (locked for good once applied with), which the
        // application is read with; it stands in until the template's own change arrives.
        if (!m_storedTemplates.contains(a->templateId)) {
            if (!storedRev(Table{u"templates"_s, u"id"_s}, uuid(a->templateId)))
                upsertTemplate(a->templateSnapshot, 0);
            m_storedTemplates.insert(a->templateId);
        }
        const bool applied = upsert(u"applications"_s, u"id"_s,
                                    {{u"id"_s, key},
                                     {u"partner_id"_s, uuid(a->partnerId)},
                                     {u"template_id"_s, uuid(a->templateId)},
                                     {u"customer_id"_s, uuid(a->customerId)},
                                     {u"scenario"_s, text(a->scenario)},
                                     {u"status"_s, applicationStatusToString(a->status)},
                                     {u"submitted_at"_s, time(a->submittedAt)},
                                     {u"review_due_at"_s, time(a->reviewDueAt)},
                                     {u"submitted_by"_s, uuid(a->submittedBy)},
                                     {u"reviewer_id"_s, uuid(a->reviewerId)},
                                     {u"reviewed_at"_s, time(a->reviewedAt)},
                                     {u"review_comment"_s, text(a->reviewComment)},
                                     {u"reject_reason"_s, text(a->rejectReason)},
                                     {u"cancelled_at"_s, time(a->cancelledAt)},
                                     {u"voucher_id"_s, uuid(a->voucherId)},
                                     {u"version"_s, a->version},
                                     {u"request_hash"_s, text({})},
                                     {u"rev"_s, e.rev}});
        if (applied)
            m_applications.insert(a->id);
    } else if (const auto *v = std::get_if<Voucher>(&e.row)) {
        evict(u"vouchers"_s, u"code = :code OR application_id = :applicationId"_s, key, e.rev,
              {{u":code"_s, text(v->code)}, {u":applicationId"_s, uuid(v->applicationId)}});
        const bool applied = upsert(u"vouchers"_s, u"id"_s,
                                    {{u"id"_s, key},
                                     {u"code"_s, text(v->code)},
                                     {u"application_id"_s, uuid(v->applicationId)},
                                     {u"partner_id"_s, uuid(v->partnerId)},
                                     {u"customer_id"_s, uuid(v->customerId)},
                                     {u"kind"_s, voucherKindToString(v->kind)},
                                     {u"pay_mode"_s, payModeToString(v->payMode)},
                                     {u"currency"_s, text(v->currency)},
                                     {u"face_value_minor"_s, v->faceValueMinor},
                                     {u"balance_minor"_s, v->balanceMinor},
                                     {u"min_spend_minor"_s, v->minSpendMinor},
                                     {u"effective_at"_s, time(v->effectiveAt)},
                                     {u"expires_at"_s, time(v->expiresAt)},
                                     {u"product_codes"_s, list(v->productCodes)},
                                     {u"blocked_product_codes"_s, list(v->blockedProductCodes)},
                                     {u"blocklist_revision"_s, v->blocklistRevision},
                                     {u"invalidated_at"_s, time(v->invalidatedAt)},
                                     {u"rev"_s, e.rev}});
        if (applied)
            m_applications.insert(v->applicationId);
    } else if (const auto *d = std::get_if<Deduction>(&e.row)) {
        // The balance it took arrives with its voucher's own change.
        upsert(u"deductions"_s, u"id"_s,
               {{u"id"_s, key},
                {u"voucher_id"_s, uuid(d->voucherId)},
                {u"customer_id"_s, uuid(d->customerId)},
                {u"order_id"_s, text(d->orderId)},
                {u"product_code"_s, text(d->productCode)},
                {u"pay_mode"_s, payModeToString(d->payMode)},
                {u"order_amount_minor"_s, d->orderAmountMinor},
                {u"deducted_minor"_s, d->deductedMinor},
                {u"at"_s, time(d->at)},
                {u"actor_id"_s, uuid(d->actorId)},
                {u"request_hash"_s, text({})},
                {u"rev"_s, e.rev}});
    }
}

// The rows the server's commands keep (VoucherListWriter), for every application of a JSON array
// of ids at once: the customer's name and UIN, the template snapshot's name, kind, currency and
// face value, the phase of the application and, once issued, its voucher's balance, expiry, id
// and code. Rows the application refers to that have not arrived yet leave their columns empty
// until they do. An application (or its template) not in the replica has no row. One statement
// for the page, because the free-text index (FTS5) writes out what it holds at each statement
// that may need rolling back: a statement per row would write a tiny index segment per row.
// A row that would not change is left alone, indexes included.
void PageWriter::recompute(const QString &applicationIds)
{
    using Phase = VoucherListRow::Phase;
    static const QStringList updated = {
        u"partner_id"_s,    u"customer_id"_s, u"customer_name"_s, u"customer_uin"_s,
        u"template_name"_s, u"kind"_s,        u"currency"_s,      u"face_value_minor"_s,
        u"balance_minor"_s, u"phase"_s,       u"applied_at"_s,    u"expires_at"_s,
        u"voucher_id"_s,    u"voucher_code"_s};
    static const QString sql = [] {
        QStringList sets;
        QStringList changed;
        for (const QString &column : updated) {
            sets.append(column + u" = excluded."_s + column);
            changed.append(u"voucher_list."_s + column + u" IS NOT excluded."_s + column);
        }
        return u"INSERT INTO voucher_list (application_id, partner_id, customer_id, "
               u"customer_name, customer_uin, template_name, kind, currency, face_value_minor, "
               u"balance_minor, phase, applied_at, expires_at, voucher_id, voucher_code) "
               u"SELECT a.id, a.partner_id, a.customer_id, COALESCE(c.name, ''), "
               u"COALESCE(c.uin, ''), t.name, t.kind, t.currency, t.face_value_minor, "
               u"v.balance_minor, "
               u"CASE a.status WHEN :rejected THEN %1 WHEN :cancelled THEN %2 "
               u"WHEN :approved THEN (CASE WHEN v.invalidated_at IS NULL THEN %3 ELSE %4 END) "
               u"ELSE %5 END, a.submitted_at, v.expires_at, v.id, v.code "
               u"FROM applications a JOIN templates t ON t.id = a.template_id "
               u"LEFT JOIN customers c ON c.id = a.customer_id "
               u"LEFT JOIN vouchers v ON v.id = a.voucher_id "
               u"WHERE a.id IN (SELECT value FROM json_each(:ids)) "
               u"ON CONFLICT (application_id) DO UPDATE SET %6 WHERE %7"_s.arg(int(Phase::Rejected))
                   .arg(int(Phase::Cancelled))
                   .arg(int(Phase::Issued))
                   .arg(int(Phase::Invalidated))
                   .arg(int(Phase::PendingReview))
                   .arg(sets.join(u", "_s), changed.join(u" OR "_s));
    }();
    run(sql, {{u":rejected"_s, applicationStatusToString(ApplicationStatus::Rejected)},
              {u":cancelled"_s, applicationStatusToString(ApplicationStatus::Cancelled)},
              {u":approved"_s, applicationStatusToString(ApplicationStatus::Approved)},
              {u":ids"_s, applicationIds}});
    run(u"DELETE FROM voucher_list WHERE application_id IN (SELECT value FROM json_each(:ids)) "
        u"AND NOT EXISTS (SELECT 1 FROM applications a JOIN templates t ON t.id = a.template_id "
        u"WHERE a.id = voucher_list.application_id)"_s,
        {{u":ids"_s, applicationIds}});
}

// The ids as a JSON array for json_each(), in key order.
QString idArray(const QSet<QUuid> &ids)
{
    QStringList sorted;
    sorted.reserve(ids.size());
    for (const QUuid &id : ids)
        sorted.append(id.toString(QUuid::WithoutBraces));
    sorted.sort();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(sorted)).toJson(QJsonDocument::Compact));
}

void PageWriter::refreshVoucherList()
{
    // One statement for every customer: a first pull fills voucher_list without its indexes
    // (SyncEngine), and then each customer's look-up would read the whole table.
    if (!m_customers.isEmpty()) {
        SqlStatement &rows = run(u"SELECT application_id FROM voucher_list "
                                 u"WHERE customer_id IN (SELECT value FROM json_each(:ids))"_s,
                                 {{u":ids"_s, idArray(m_customers)}});
        while (rows.next())
            m_applications.insert(rows.uuid(0));
    }
    for (const QUuid &templateId : std::as_const(m_templates)) {
        SqlStatement &rows = run(u"SELECT id FROM applications WHERE template_id = :templateId"_s,
                                 {{u":templateId"_s, uuid(templateId)}});
        while (rows.next())
            m_applications.insert(rows.uuid(0));
    }
    // In key order, so that the rows' primary key index grows at its end (ids are time-ordered).
    if (!m_applications.isEmpty())
        recompute(idArray(m_applications));
}

} // namespace

QString ReplicaApplier::cursorKey()
{
    return u"sync.cursor"_s;
}

qint64 ReplicaApplier::cursor() const
{
    return m_db.setting(cursorKey(), u"0"_s).toLongLong();
}

ReplicaApplier::DecodedChange ReplicaApplier::decode(const ChangeFeedEntry &entry)
{
    DecodedChange change{entry.entity, entry.id, entry.rev, entry.deleted, {}, {}, true};
    if (!tableOf(entry.entity))
        return change; // skipped when applied
    if (entry.entity == u"product"_s) {
        change.key = entry.id;
    } else if (entry.entity == u"blocklistRevision"_s) {
        bool ok = false;
        change.key = entry.id.toInt(&ok);
        change.readable = ok;
    } else {
        const QUuid id = QUuid::fromString(entry.id);
        change.readable = !id.isNull();
        change.key = uuid(id);
    }
    if (change.key.toString().isEmpty())
        change.readable = false;
    if (change.readable && !entry.deleted) {
        change.row = readRow(entry.entity, entry.data, change.key);
        change.readable = !std::holds_alternative<std::monostate>(change.row);
    }
    return change;
}

QList<ReplicaApplier::DecodedChange> ReplicaApplier::decode(const QList<ChangeFeedEntry> &changes)
{
    QList<DecodedChange> decoded;
    decoded.reserve(changes.size());
    for (const ChangeFeedEntry &change : changes)
        decoded.append(decode(change));
    return decoded;
}

Result<void> ReplicaApplier::restore(const QList<ChangeFeedEntry> &rows) const
{
    try {
        std::optional<ForeignKeysOff> foreignKeysOff;
        if (!m_db.inWriteTransaction())
            foreignKeysOff.emplace(m_db);
        return m_db.write([&]() -> Result<void> {
            PageWriter writer(m_db);
            for (const ChangeFeedEntry &row : rows) {
                DecodedChange change = decode(row);
                change.rev = writer.newestRev(change);
                if (auto error = writer.apply(change))
                    return *error;
            }
            writer.refreshVoucherList();
            return Result<void>();
        });
    } catch (const StoreError &error) {
        // Joined to the caller's transaction: its write() decides whether to run it again.
        if (m_db.inWriteTransaction())
            throw;
        return CommandError::internal(QString::fromUtf8(error.what()));
    }
}

Result<void> ReplicaApplier::apply(const QList<ChangeFeedEntry> &changes, qint64 nextSince) const
{
    return applyDecoded(decode(changes), nextSince);
}

Result<void> ReplicaApplier::applyDecoded(const QList<DecodedChange> &changes,
                                          qint64 nextSince) const
{
    try {
        // Inside a transaction the pragma cannot change: the caller turned the checks off.
        std::optional<ForeignKeysOff> foreignKeysOff;
        if (!m_db.inWriteTransaction())
            foreignKeysOff.emplace(m_db);
        return m_db.write([&]() -> Result<void> {
            const bool timed = lcSyncTiming().isDebugEnabled();
            QElapsedTimer clock;
            QHash<QString, qint64> tableNs;
            PageWriter writer(m_db);
            for (const DecodedChange &change : changes) {
                if (timed)
                    clock.start();
                if (auto error = writer.apply(change))
                    return *error;
                if (timed)
                    tableNs[change.entity] += clock.nsecsElapsed();
            }
            if (timed)
                clock.start();
            writer.refreshVoucherList();
            if (timed) {
                QStringList split;
                for (auto it = tableNs.cbegin(); it != tableNs.cend(); ++it)
                    split.append(u"%1 %2"_s.arg(it.key()).arg(it.value() / 1e6, 0, 'f', 1));
                split.sort();
                qCDebug(lcSyncTiming).noquote()
                    << "  rows (ms):" << split.join(u", "_s) << "| voucher_list"
                    << QString::number(clock.nsecsElapsed() / 1e6, 'f', 1);
            }
            const qint64 stored = m_db.setting(cursorKey(), u"0"_s).toLongLong();
            m_db.setSetting(cursorKey(), QString::number(std::max(stored, nextSince)));
            return Result<void>();
        });
    } catch (const StoreError &error) {
        // Joined to the caller's transaction: its write() decides whether to run it again.
        if (m_db.inWriteTransaction())
            throw;
        return CommandError::internal(QString::fromUtf8(error.what()));
    }
}
