#include "core/store/migrations.h"

#include "core/base/coretr.h"
#include "core/store/database.h"
#include "core/store/sqldialect.h"
#include "core/store/sqlstatement.h"
#include "core/store/sqltransaction.h"
#include "core/store/voucherlistindexes.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

// Conventions: ids are text UUIDs, times are BIGINT UTC milliseconds, money is BIGINT minor
// units, flags are INTEGER 0/1, lists are JSON text. `rev` is the change-feed revision of the
// row's last change (Database::nextRev).
// An application's template snapshot is its template row: a template locks for good when its
// first application is submitted and a locked template can be neither edited nor deleted, so
// the row stays exactly what every application saw.
QStringList schemaV1()
{
    return {
        uR"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"_s,
        uR"(CREATE TABLE change_counter (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            rev BIGINT NOT NULL))"_s,
        u"INSERT INTO change_counter (id, rev) VALUES (1, 0)"_s,
        uR"(CREATE TABLE partners (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            quota_minor BIGINT NOT NULL CHECK (quota_minor >= 0),
            issued_minor BIGINT NOT NULL DEFAULT 0 CHECK (issued_minor >= 0),
            currency TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            rev BIGINT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX partners_name ON partners (lower(name))"_s,
        uR"(CREATE TABLE users (
            id TEXT PRIMARY KEY,
            login TEXT NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            partner_id TEXT REFERENCES partners (id),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            rev BIGINT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX users_login ON users (lower(login))"_s,
        uR"(CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            partner_id TEXT NOT NULL REFERENCES partners (id),
            name TEXT NOT NULL,
            uin TEXT NOT NULL,
            eligible INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            request_hash TEXT NOT NULL DEFAULT '',
            rev BIGINT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX customers_partner_uin ON customers (partner_id, uin)"_s,
        u"CREATE INDEX customers_partner_name ON customers (partner_id, name)"_s,
        uR"(CREATE TABLE products (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_zh TEXT NOT NULL,
            category TEXT NOT NULL,
            active INTEGER NOT NULL,
            rev BIGINT NOT NULL))"_s,
        uR"(CREATE TABLE blocklist_revisions (
            revision INTEGER PRIMARY KEY,
            effective_at BIGINT NOT NULL,
            product_codes TEXT NOT NULL,
            rev BIGINT NOT NULL))"_s,
        uR"(CREATE TABLE templates (
            id TEXT PRIMARY KEY,
            partner_id TEXT NOT NULL REFERENCES partners (id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            face_value_minor BIGINT NOT NULL,
            currency TEXT NOT NULL,
            validity_days INTEGER NOT NULL,
            min_spend_minor BIGINT NOT NULL,
            pay_mode TEXT NOT NULL,
            product_codes TEXT NOT NULL,
            note TEXT NOT NULL,
            version INTEGER NOT NULL,
            locked INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            request_hash TEXT NOT NULL DEFAULT '',
            rev BIGINT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX templates_partner_name ON templates (partner_id, lower(name))"_s,
        u"CREATE INDEX templates_partner_created ON templates (partner_id, created_at)"_s,
        uR"(CREATE TABLE applications (
            id TEXT PRIMARY KEY,
            partner_id TEXT NOT NULL REFERENCES partners (id),
            template_id TEXT NOT NULL REFERENCES templates (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            scenario TEXT NOT NULL,
            status TEXT NOT NULL,
            submitted_at BIGINT NOT NULL,
            review_due_at BIGINT NOT NULL,
            submitted_by TEXT,
            reviewer_id TEXT,
            reviewed_at BIGINT,
            review_comment TEXT NOT NULL DEFAULT '',
            reject_reason TEXT NOT NULL DEFAULT '',
            cancelled_at BIGINT,
            voucher_id TEXT,
            version INTEGER NOT NULL,
            request_hash TEXT NOT NULL,
            rev BIGINT NOT NULL))"_s,
        u"CREATE INDEX applications_status_due ON applications (status, review_due_at)"_s,
        u"CREATE INDEX applications_partner_submitted ON applications (partner_id, submitted_at)"_s,
        u"CREATE INDEX applications_template ON applications (template_id)"_s,
        uR"(CREATE TABLE vouchers (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            application_id TEXT NOT NULL REFERENCES applications (id),
            partner_id TEXT NOT NULL REFERENCES partners (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            kind TEXT NOT NULL,
            pay_mode TEXT NOT NULL,
            currency TEXT NOT NULL,
            face_value_minor BIGINT NOT NULL,
            balance_minor BIGINT NOT NULL CHECK (balance_minor >= 0),
            min_spend_minor BIGINT NOT NULL,
            effective_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            product_codes TEXT NOT NULL,
            blocked_product_codes TEXT NOT NULL,
            blocklist_revision INTEGER NOT NULL,
            invalidated_at BIGINT,
            rev BIGINT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX vouchers_code ON vouchers (code)"_s,
        u"CREATE UNIQUE INDEX vouchers_application ON vouchers (application_id)"_s,
        uR"(CREATE TABLE deductions (
            id TEXT PRIMARY KEY,
            voucher_id TEXT NOT NULL REFERENCES vouchers (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            order_id TEXT NOT NULL,
            product_code TEXT NOT NULL,
            pay_mode TEXT NOT NULL,
            order_amount_minor BIGINT NOT NULL,
            deducted_minor BIGINT NOT NULL,
            at BIGINT NOT NULL,
            actor_id TEXT,
            request_hash TEXT NOT NULL,
            rev BIGINT NOT NULL))"_s,
        u"CREATE INDEX deductions_voucher ON deductions (voucher_id, at)"_s,
        uR"(CREATE TABLE audit_events (
            id {AUTOINCREMENT_PK},
            at BIGINT NOT NULL,
            actor_id TEXT,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            details TEXT NOT NULL))"_s,
        u"CREATE INDEX audit_events_entity ON audit_events (entity, entity_id)"_s,
        // Deleted rows, so that the change feed can tell replicas.
        uR"(CREATE TABLE tombstones (
            entity TEXT NOT NULL,
            id TEXT NOT NULL,
            partner_id TEXT,
            rev BIGINT NOT NULL,
            PRIMARY KEY (entity, id)))"_s,
        // The Vendor Voucher List read model: one row per application with everything the list
        // shows, filters and sorts on, kept in step by the commands in their transactions, so
        // that a page is one indexed query on one table. phase: 0 pending review, 1 rejected,
        // 2 cancelled, 3 issued, 4 invalidated; the time-dependent voucher statuses (expired)
        // are resolved at query time from expires_at.
        uR"(CREATE TABLE voucher_list (
            application_id TEXT PRIMARY KEY REFERENCES applications (id),
            partner_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            customer_uin TEXT NOT NULL,
            template_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            currency TEXT NOT NULL,
            face_value_minor BIGINT NOT NULL,
            balance_minor BIGINT,
            phase INTEGER NOT NULL,
            applied_at BIGINT NOT NULL,
            expires_at BIGINT,
            voucher_id TEXT,
            voucher_code TEXT))"_s,
        // One index per way a page is found; every one costs each write and ~1.5 s to build
        // over a million rows. A partner's list (~20,000 rows at the design's scale) narrows by
        // partner first and sorts what remains; the vendor's list of every partner has an
        // index for each filter and sort. A customer belongs to one partner, so its index
        // serves both; kind has two values, so filtering on it while reading in date order
        // finds a page at once, and it has no index.
        u"CREATE INDEX vl_partner_applied ON voucher_list (partner_id, applied_at)"_s,
        u"CREATE INDEX vl_partner_phase_expires ON voucher_list (partner_id, phase, expires_at)"_s,
        u"CREATE INDEX vl_applied ON voucher_list (applied_at)"_s,
        u"CREATE INDEX vl_phase_expires ON voucher_list (phase, expires_at)"_s,
        u"CREATE INDEX vl_customer ON voucher_list (customer_id, applied_at)"_s,
        u"CREATE INDEX vl_expires ON voucher_list (expires_at)"_s,
        u"CREATE INDEX vl_balance ON voucher_list (balance_minor)"_s,
        u"CREATE INDEX vl_code ON voucher_list (voucher_code)"_s,
        u"CREATE INDEX vl_uin ON voucher_list (customer_uin)"_s,
    };
}

// Sign-in state lives in the store so that every server process on one database shares it.
// A session keeps only the SHA-256 of its bearer token: a copy of the store signs nobody in.
// login_failures holds recent failed sign-ins (login lower-cased) for throttling; rows older
// than the throttling window are only history and may be purged.
QStringList schemaV2()
{
    return {
        uR"(CREATE TABLE auth_sessions (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id),
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            revoked_at BIGINT))"_s,
        u"CREATE INDEX auth_sessions_user ON auth_sessions (user_id)"_s,
        u"CREATE INDEX auth_sessions_expires ON auth_sessions (expires_at)"_s,
        uR"(CREATE TABLE login_failures (
            id {AUTOINCREMENT_PK},
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            at BIGINT NOT NULL))"_s,
        u"CREATE INDEX login_failures_login ON login_failures (login, at)"_s,
        u"CREATE INDEX login_failures_address ON login_failures (address, at)"_s,
    };
}

// The change feed (ChangeFeed) reads each table's rows above a revision in revision order: an
// index per table keeps an incremental pull proportional to what changed, not to the store. A
// partner manager's feed reads its own rows, hence the partner's revision order as well.
QStringList schemaV3()
{
    QStringList statements;
    for (const QString &table :
         {u"partners"_s, u"users"_s, u"customers"_s, u"products"_s, u"blocklist_revisions"_s,
          u"templates"_s, u"applications"_s, u"vouchers"_s, u"deductions"_s, u"tombstones"_s})
        statements.append(u"CREATE INDEX IF NOT EXISTS %1_rev ON %1 (rev)"_s.arg(table));
    for (const QString &table :
         {u"customers"_s, u"templates"_s, u"applications"_s, u"vouchers"_s, u"tombstones"_s})
        statements.append(
            u"CREATE INDEX IF NOT EXISTS %1_partner_rev ON %1 (partner_id, rev)"_s.arg(table));
    return statements;
}

// Every-partner lists (reviewers, admins) filtered by status and sorted by application date walk
// this index newest first and stop after a page; the status conditions keep the planner off the
// expiry index for that (VoucherListQuery writes their expiry test as "+expires_at").
QStringList schemaV4()
{
    return {u"CREATE INDEX IF NOT EXISTS vl_phase_applied ON voucher_list "
            u"(phase, applied_at, application_id)"_s};
}

// A server workspace's replica: the commands waiting to be sent to the server, in the order they
// were made (sync_outbox), and the ones the server refused, until the user dismisses them
// (sync_problems). sync_outbox_rows names the rows each waiting command changed in the replica:
// the lists mark them pending meanwhile, and a refusal re-reads them from the server.
QStringList schemaV5()
{
    return {
        uR"(CREATE TABLE IF NOT EXISTS sync_outbox (
            seq {AUTOINCREMENT_PK},
            command TEXT NOT NULL,
            label TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT NOT NULL,
            if_match TEXT NOT NULL,
            created_at BIGINT NOT NULL))"_s,
        uR"(CREATE TABLE IF NOT EXISTS sync_outbox_rows (
            seq BIGINT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (seq, entity, entity_id)))"_s,
        u"CREATE INDEX IF NOT EXISTS sync_outbox_rows_id ON sync_outbox_rows (entity_id)"_s,
        // The review queue walks pending applications in deadline order; a business day's
        // submissions share one deadline, so the tie-breakers belong in the index too. The
        // partner's recent decisions count by status and review time.
        u"CREATE INDEX IF NOT EXISTS applications_queue ON applications "
        u"(status, review_due_at, submitted_at, id)"_s,
        u"DROP INDEX IF EXISTS applications_status_due"_s, // a prefix of the one above
        u"CREATE INDEX IF NOT EXISTS applications_partner_decided ON applications "
        u"(partner_id, status, reviewed_at)"_s,
        uR"(CREATE TABLE IF NOT EXISTS sync_problems (
            id {AUTOINCREMENT_PK},
            at BIGINT NOT NULL,
            command TEXT NOT NULL,
            label TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            request_id TEXT NOT NULL,
            dismissed INTEGER NOT NULL DEFAULT 0))"_s,
    };
}

// Voucher list pages and counts at a million rows (issue 6, docs/PERFORMANCE.md): status walks
// and sorts from indexes, and a trigram index for free text. Their definitions are shared with a
// replica's first pull, which suspends them (VoucherListIndexes). The indexes they replace go
// first; the status walks serve what the phase/expiry ones served, and every index slows each
// write.
QStringList schemaV6()
{
    QStringList statements;
    for (const QString &replaced :
         {u"vl_phase_applied"_s, u"vl_applied"_s, u"vl_partner_applied"_s, u"vl_customer"_s,
          u"vl_expires"_s, u"vl_balance"_s, u"vl_code"_s, u"vl_phase_expires"_s,
          u"vl_partner_phase_expires"_s})
        statements.append(u"DROP INDEX IF EXISTS "_s + replaced);
    statements += VoucherListIndexes::createIndexStatements();
    statements.append(VoucherListIndexes::createTextTableStatement());
    statements.append(VoucherListIndexes::rebuildTextStatement());
    statements += VoucherListIndexes::createTextTriggerStatements();
    return statements;
}

void ensureMigrationTable(const Database &db)
{
    db.execute(uR"(CREATE TABLE IF NOT EXISTS schema_migrations (
                   version INTEGER PRIMARY KEY,
                   description TEXT NOT NULL,
                   applied_at BIGINT NOT NULL))"_s);
}

} // namespace

const QList<Migrations::Migration> &Migrations::all()
{
    static const QList<Migration> migrations = {
        {1, u"Initial schema"_s, schemaV1()},
        {2, u"Sign-in sessions and throttling"_s, schemaV2()},
        {3, u"Change-feed indexes"_s, schemaV3()},
        {4, u"Voucher list by status and date"_s, schemaV4()},
        {5, u"Sync outbox and problems, review queue indexes"_s, schemaV5()},
        {6, u"Voucher list status walks, counts and sorts from indexes"_s, schemaV6()},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().constLast().version;
}

int Migrations::currentVersion(const Database &db)
{
    ensureMigrationTable(db);
    SqlStatement query = db.prepare(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    query.exec();
    return query.next() ? query.integer(0) : 0;
}

QList<int> Migrations::apply(Database &db)
{
    // Opening an up-to-date store takes no write lock, so it never waits for another writer.
    if (db.connection().tables().contains(u"schema_migrations"_s)) {
        SqlStatement query =
            db.prepare(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
        query.exec();
        if (query.next() && query.integer(0) == latestVersion())
            return {};
    }

    SqlTransaction transaction(db);
    if (const QString lock = db.dialect().migrationLockSql(); !lock.isEmpty())
        db.execute(lock);

    const int current = currentVersion(db);
    if (current > latestVersion()) {
        throw StoreError(StoreError::Kind::Failed,
                         CoreTr::tr("This workspace was written by a newer version of VoucherDesk "
                                    "(schema %1; this version knows up to %2).")
                             .arg(current)
                             .arg(latestVersion()));
    }

    QList<int> applied;
    for (const Migration &migration : all()) {
        if (migration.version <= current)
            continue;
        for (const QString &statement : migration.statements) {
            if (const QString sql = db.dialect().translateDdl(statement); !sql.isEmpty())
                db.execute(sql);
        }
        db.prepare(u"INSERT INTO schema_migrations (version, description, applied_at) "
                   u"VALUES (:version, :description, :at)"_s)
            .bind(u":version"_s, migration.version)
            .bind(u":description"_s, migration.description)
            .bind(u":at"_s, QDateTime::currentDateTimeUtc())
            .exec();
        applied.append(migration.version);
    }
    transaction.commit();
    return applied;
}
