#include "core/demo/bulkvouchergenerator.h"

#include "core/base/coretr.h"
#include "core/demo/demonames.h"
#include "core/domain/applicationstatus.h"
#include "core/domain/vouchercode.h"
#include "core/json/jsonfields.h"
#include "core/queries/voucherlistrow.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/rules/businesscalendar.h"
#include "core/store/database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kHistoryDays = 420;
constexpr quint64 kCodeStride = 999'999'937ULL; // prime, so i * stride covers codes uniquely
constexpr quint64 kCodeSpace = 1'000'000'000'000ULL;

struct BulkTemplate
{
    QString id;
    QString name;
    QString kind;
    bool universal = false;
    qint64 faceValueMinor = 0;
    int validityDays = 30;
    qint64 minSpendMinor = 0;
    QString payMode;
    QString productsJson;
    QStringList products;
};

struct BulkCustomer
{
    QString id;
    QString name;
    QString uin;
};

struct BulkPartner
{
    QString id;
    QString currency;
    qint64 quotaMinor = 0;
    qint64 issuedMinor = 0;
    QList<BulkTemplate> templates;
    QList<BulkCustomer> customers;
};

// Ids of bulk rows ascend with the row counter, so that primary-key indexes grow at their end
// instead of at random places; they are still well-formed version-4 UUIDs.
QString sequentialId(quint32 prefix, quint64 counter, QRandomGenerator &random)
{
    const quint32 tail = random.generate();
    QUuid id(prefix + quint32(counter >> 16), quint16(counter), quint16(0x4000 | (tail & 0x0FFF)),
             uchar(0x80 | ((tail >> 12) & 0x3F)), uchar(tail >> 18), uchar(counter >> 40),
             uchar(counter >> 32), uchar(random.generate()), uchar(tail >> 26),
             uchar(random.generate()), uchar(random.generate()));
    return id.toString(QUuid::WithoutBraces);
}

QString newId(QRandomGenerator &random)
{
    quint32 w[4];
    random.fillRange(w);
    QUuid id(w[0], quint16(w[1] >> 16), quint16((w[1] & 0x0FFF) | 0x4000),
             uchar(((w[2] >> 24) & 0x3F) | 0x80), uchar(w[2] >> 16), uchar(w[2] >> 8), uchar(w[2]),
             uchar(w[3] >> 24), uchar(w[3] >> 16), uchar(w[3] >> 8), uchar(w[3]));
    return id.toString(QUuid::WithoutBraces);
}

BulkTemplate templateFrom(const VoucherTemplate &t)
{
    BulkTemplate b;
    b.id = t.id.toString(QUuid::WithoutBraces);
    b.name = t.name;
    b.kind = voucherKindToString(t.kind);
    b.universal = t.kind == VoucherKind::Universal;
    b.faceValueMinor = t.faceValueMinor;
    b.validityDays = t.validityDays;
    b.minSpendMinor = t.minSpendMinor;
    b.payMode = payModeToString(t.payMode);
    b.products = t.productCodes;
    b.productsJson = JsonFields::listToText(t.productCodes);
    return b;
}

QList<VoucherTemplate> benchTemplates(const QString &currency)
{
    struct Spec
    {
        const char *name;
        VoucherKind kind;
        qint64 face;
        int validity;
        qint64 minSpend;
        PayMode payMode;
        QStringList products;
    };
    const Spec specs[] = {
        {"Compute trial 1k",
         VoucherKind::Specific,
         100000,
         30,
         0,
         PayMode::All,
         {u"cvm"_s, u"cbs"_s}},
        {"Storage and CDN 2k",
         VoucherKind::Specific,
         200000,
         60,
         0,
         PayMode::Prepaid,
         {u"cos"_s, u"cdn"_s}},
        {"Database POC 8k",
         VoucherKind::Specific,
         800000,
         90,
         10000,
         PayMode::Postpaid,
         {u"cdb"_s, u"redis"_s, u"postgres"_s}},
        {"Universal 3k", VoucherKind::Universal, 300000, 60, 0, PayMode::All, {}},
        {"Universal 10k", VoucherKind::Universal, 1000000, 180, 0, PayMode::All, {}},
        {"Universal 500", VoucherKind::Universal, 50000, 365, 0, PayMode::All, {}},
    };
    QList<VoucherTemplate> templates;
    for (const Spec &spec : specs) {
        VoucherTemplate t;
        t.name = QString::fromUtf8(spec.name);
        t.kind = spec.kind;
        t.faceValueMinor = spec.face;
        t.currency = currency;
        t.validityDays = spec.validity;
        t.minSpendMinor = spec.minSpend;
        t.payMode = spec.payMode;
        t.productCodes = spec.products;
        t.version = 1;
        t.locked = true;
        templates.append(t);
    }
    return templates;
}

} // namespace

struct BulkVoucherGenerator::Plan
{
    QList<BulkPartner> partners;
    QList<BlocklistRevision> blocklists; // oldest first
    QHash<qint64, qint64> dueByLocalDay; // local (Shanghai) day number -> reviewDueAt ms
    BusinessCalendar calendar = BusinessCalendar::shipped();
    qint64 offsetMs = 0; // the calendar's UTC offset (the vendor's zone has no DST)
    qint64 nowMs = 0;
    quint64 codeBase = 0;
    quint32 idPrefix = 0;
    quint64 idCounter = 0;
    qint64 written = 0;
    qint64 vouchers = 0;
    qint64 deductions = 0;
};

BulkVoucherGenerator::BulkVoucherGenerator(Database &db, BulkOptions options)
    : m_db(db)
    , m_options(std::move(options))
    , m_random(m_options.seed ^ 0x9E3779B9u)
{
    if (!m_options.now.isValid()) {
        const qint64 secs = QDateTime::currentSecsSinceEpoch();
        m_options.now = QDateTime::fromSecsSinceEpoch(secs - secs % 3600, Qt::UTC);
    }
}

Result<qint64> BulkVoucherGenerator::generate(const Progress &progress)
{
    Plan plan;
    plan.nowMs = m_options.now.toMSecsSinceEpoch();
    plan.offsetMs = qint64(plan.calendar.timeZone().offsetFromUtc(m_options.now)) * 1000;
    plan.codeBase = m_random.bounded(kCodeSpace);
    plan.idPrefix = m_random.generate() & 0x3FFFFFFF;

    QList<QPair<QString, QString>> suspended;
    try {
        {
            SqlTransaction transaction(m_db);
            preparePartners(plan);
            prepareCustomers(plan);
            transaction.commit();
        }
        const ProductRepository products(m_db);
        for (int revision = 1;; ++revision) {
            const auto found = products.blocklistRevision(revision);
            if (!found)
                break;
            plan.blocklists.append(*found);
        }

        const qint64 total = m_options.vouchers;
        QElapsedTimer timer;
        timer.start();
        if (!m_db.isPostgres() && total >= SuspendIndexesFrom)
            suspended = suspendIndexes();
        for (qint64 first = 0; first < total; first += BatchSize) {
            const qint64 count = std::min<qint64>(BatchSize, total - first);
            SqlTransaction transaction(m_db);
            writeBatch(plan, first, count);
            settleQuotas(plan);
            transaction.commit();
            plan.written += count;
            if (progress && !progress(plan.written, total))
                break;
        }
        const qint64 writeMs = timer.restart();
        restoreIndexes(std::exchange(suspended, {}));
        qCInfo(lcStore) << "bulk: wrote" << plan.written << "applications in" << writeMs
                        << "ms, rebuilt the indexes in" << timer.elapsed() << "ms";

        SqlTransaction transaction(m_db);
        AuditEvent event;
        event.at = m_options.now; // the generated history's clock: the same seed, the same data
        event.action = u"GenerateBenchmarkData"_s;
        event.entity = u"Workspace"_s;
        event.entityId = u"seed-%1"_s.arg(m_options.seed);
        event.details = {{u"applications"_s, plan.written},
                         {u"vouchers"_s, plan.vouchers},
                         {u"deductions"_s, plan.deductions},
                         {u"partners"_s, plan.partners.size()},
                         {u"seed"_s, qint64(m_options.seed)}};
        AuditLog(m_db).record(event);
        transaction.commit();
    } catch (const StoreError &error) {
        qCWarning(lcStore) << "bulk data failed after" << plan.written
                           << "applications:" << error.what();
        try {
            restoreIndexes(suspended); // the batches written so far stay usable
        } catch (const StoreError &restoreError) {
            qCWarning(lcStore) << "rebuilding the indexes failed too:" << restoreError.what();
        }
        return CommandError(CommandError::Kind::Internal, u"InternalError"_s,
                            CoreTr::tr("Writing the data stopped after %n application(s); what "
                                       "was written before stays.",
                                       nullptr, int(std::min<qint64>(plan.written, INT_MAX))));
    }
    return plan.written;
}

void BulkVoucherGenerator::preparePartners(Plan &plan)
{
    const PartnerRepository partners(m_db);
    const TemplateRepository templates(m_db);
    QList<Partner> existing = partners.all();
    for (int n = 1; existing.size() < m_options.partners; ++n) {
        const QString name = u"Bench Partner %1"_s.arg(n, 2, 10, QLatin1Char('0'));
        if (partners.findByName(name))
            continue;
        Partner partner;
        partner.id = QUuid::fromString(newId(m_random));
        partner.name = name;
        partner.currency = u"CNY"_s;
        partner.createdAt = m_options.now.addDays(-kHistoryDays - 30);
        partner.rev = m_db.nextRev();
        partners.insert(partner);
        existing.append(partner);
    }

    for (const Partner &partner : std::as_const(existing)) {
        BulkPartner bulk;
        bulk.id = partner.id.toString(QUuid::WithoutBraces);
        bulk.currency = partner.currency;
        bulk.quotaMinor = partner.quotaMinor;
        bulk.issuedMinor = partner.issuedMinor;
        TemplateFilter filter;
        filter.partnerId = partner.id;
        filter.locked = true;
        for (const VoucherTemplate &t : templates.list(filter))
            bulk.templates.append(templateFrom(t));
        if (bulk.templates.isEmpty()) {
            for (VoucherTemplate t : benchTemplates(partner.currency)) {
                t.id = QUuid::fromString(newId(m_random));
                t.partnerId = partner.id;
                t.createdAt = t.updatedAt = m_options.now.addDays(-kHistoryDays - 20);
                t.rev = m_db.nextRev();
                templates.insert(t, u"bulk"_s);
                bulk.templates.append(templateFrom(t));
            }
        }
        plan.partners.append(bulk);
    }
}

void BulkVoucherGenerator::prepareCustomers(Plan &plan)
{
    const CustomerRepository customers(m_db);
    qint64 count = 0;
    for (BulkPartner &partner : plan.partners) {
        CustomerFilter filter;
        filter.partnerId = QUuid::fromString(partner.id);
        filter.eligibleOnly = true;
        filter.limit = 1'000'000;
        for (const Customer &c : customers.list(filter))
            partner.customers.append({c.id.toString(QUuid::WithoutBraces), c.name, c.uin});
        count += customers.count({QUuid::fromString(partner.id), {}, false, 0, 0});
    }

    // Partners without customers get theirs first, so that every partner can apply.
    QList<qsizetype> order;
    for (qsizetype p = 0; p < plan.partners.size(); ++p) {
        if (plan.partners.at(p).customers.isEmpty())
            order.append(p);
    }
    const qint64 missing = std::max<qint64>(m_options.customers - count, order.size());
    if (missing <= 0)
        return;
    for (qsizetype p = 0; p < plan.partners.size(); ++p)
        order.append(p);
    const qint64 firstRev = m_db.reserveRevs(missing);
    SqlStatement insert = m_db.prepare(
        u"INSERT INTO customers (id, partner_id, name, uin, eligible, created_at, "
        u"request_hash, rev) VALUES (:id, :partnerId, :name, :uin, 1, :createdAt, 'bulk', :rev)"_s);
    const QDateTime createdAt = m_options.now.addDays(-kHistoryDays - 10);
    for (qint64 i = 0; i < missing; ++i) {
        BulkPartner &partner = plan.partners[order.at(i % order.size())];
        const BulkCustomer customer{newId(m_random), DemoNames::companyName(m_random),
                                    DemoNames::uin(quint64(10'000 + count + i), m_random)};
        insert.bind(u":id"_s, customer.id)
            .bind(u":partnerId"_s, partner.id)
            .bind(u":name"_s, customer.name)
            .bind(u":uin"_s, customer.uin)
            .bind(u":createdAt"_s, createdAt)
            .bind(u":rev"_s, firstRev + i)
            .exec();
        partner.customers.append(customer);
    }
}

void BulkVoucherGenerator::writeBatch(Plan &plan, qint64 first, qint64 count)
{
    SqlStatement application = m_db.prepare(
        u"INSERT INTO applications (id, partner_id, template_id, customer_id, scenario, status, "
        u"submitted_at, review_due_at, reviewed_at, reject_reason, cancelled_at, voucher_id, "
        u"version, request_hash, rev) VALUES (:id, :partnerId, :templateId, :customerId, "
        u":scenario, :status, :submittedAt, :dueAt, :reviewedAt, :reason, :cancelledAt, "
        u":voucherId, :version, 'bulk', :rev)"_s);
    SqlStatement voucher = m_db.prepare(
        u"INSERT INTO vouchers (id, code, application_id, partner_id, customer_id, kind, "
        u"pay_mode, currency, face_value_minor, balance_minor, min_spend_minor, effective_at, "
        u"expires_at, product_codes, blocked_product_codes, blocklist_revision, invalidated_at, "
        u"rev) VALUES (:id, :code, :applicationId, :partnerId, :customerId, :kind, :payMode, "
        u":currency, :face, :balance, :minSpend, :effectiveAt, :expiresAt, :products, "
        u":blocked, :blocklistRevision, :invalidatedAt, :rev)"_s);
    SqlStatement row = m_db.prepare(
        u"INSERT INTO voucher_list (application_id, partner_id, customer_id, customer_name, "
        u"customer_uin, template_name, kind, currency, face_value_minor, balance_minor, phase, "
        u"applied_at, expires_at, voucher_id, voucher_code) VALUES (:id, :partnerId, "
        u":customerId, :customerName, :uin, :templateName, :kind, :currency, :face, :balance, "
        u":phase, :appliedAt, :expiresAt, :voucherId, :code)"_s);
    SqlStatement deduction = m_db.prepare(
        u"INSERT INTO deductions (id, voucher_id, customer_id, order_id, product_code, pay_mode, "
        u"order_amount_minor, deducted_minor, at, request_hash, rev) VALUES (:id, :voucherId, "
        u":customerId, :orderId, :product, :payMode, :amount, :deducted, :at, 'bulk', :rev)"_s);

    // Up to four changes per application: application, voucher, deduction (list rows have none).
    qint64 rev = m_db.reserveRevs(count * 3);
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullTime(QMetaType::fromType<qint64>());
    static const QStringList everyday = {u"cvm"_s, u"cos"_s, u"cdb"_s, u"cdn"_s, u"clb"_s};

    for (qint64 i = first; i < first + count; ++i) {
        BulkPartner &partner = plan.partners[i % plan.partners.size()];
        const BulkCustomer &customer =
            partner.customers.at(m_random.bounded(qsizetype(partner.customers.size())));
        const BulkTemplate &tmpl =
            partner.templates.at(m_random.bounded(qsizetype(partner.templates.size())));
        const QString applicationId = sequentialId(plan.idPrefix, plan.idCounter++, m_random);

        const qint64 submittedMs =
            plan.nowMs - qint64(m_random.bounded(quint64(kHistoryDays * kDayMs)));
        const qint64 localDay = (submittedMs + plan.offsetMs) / kDayMs;
        qint64 &dueMs = plan.dueByLocalDay[localDay];
        if (dueMs == 0) {
            dueMs = plan.calendar.reviewDueAt(QDateTime::fromMSecsSinceEpoch(submittedMs, Qt::UTC))
                        .toMSecsSinceEpoch();
        }

        const qint64 ageDays = (plan.nowMs - submittedMs) / kDayMs;
        const int roll = int(m_random.bounded(1000));
        ApplicationStatus status = ApplicationStatus::Approved;
        if ((ageDays < 4 && roll < 600) || roll < 8)
            status = ApplicationStatus::PendingReview;
        else if (roll < 48)
            status = ApplicationStatus::Rejected;
        else if (roll < 78)
            status = ApplicationStatus::Cancelled;

        const qint64 decidedMs =
            std::min(submittedMs + 3'600'000 + qint64(m_random.bounded(quint64(3 * kDayMs))),
                     plan.nowMs - 600'000);
        const bool approved = status == ApplicationStatus::Approved;
        const QString voucherId =
            approved ? sequentialId(plan.idPrefix, plan.idCounter++, m_random) : QString();
        application.bind(u":id"_s, applicationId)
            .bind(u":partnerId"_s, partner.id)
            .bind(u":templateId"_s, tmpl.id)
            .bind(u":customerId"_s, customer.id)
            .bind(u":scenario"_s, DemoNames::scenario(m_random))
            .bind(u":status"_s, applicationStatusToString(status))
            .bind(u":submittedAt"_s, submittedMs)
            .bind(u":dueAt"_s, dueMs)
            .bind(u":reviewedAt"_s,
                  status == ApplicationStatus::Approved || status == ApplicationStatus::Rejected
                      ? QVariant(decidedMs)
                      : nullTime)
            .bind(u":reason"_s, status == ApplicationStatus::Rejected
                                    ? DemoNames::rejectReason(m_random)
                                    : QString(u""_s))
            .bind(u":cancelledAt"_s,
                  status == ApplicationStatus::Cancelled ? QVariant(decidedMs) : nullTime)
            .bind(u":voucherId"_s, approved ? QVariant(voucherId) : nullText)
            .bind(u":version"_s, status == ApplicationStatus::PendingReview ? 1 : 2)
            .bind(u":rev"_s, rev++)
            .exec();

        row.bind(u":id"_s, applicationId)
            .bind(u":partnerId"_s, partner.id)
            .bind(u":customerId"_s, customer.id)
            .bind(u":customerName"_s, customer.name)
            .bind(u":uin"_s, customer.uin)
            .bind(u":templateName"_s, tmpl.name)
            .bind(u":kind"_s, tmpl.kind)
            .bind(u":currency"_s, partner.currency)
            .bind(u":face"_s, tmpl.faceValueMinor);

        if (!approved) {
            const auto phase =
                status == ApplicationStatus::PendingReview ? VoucherListRow::Phase::PendingReview
                : status == ApplicationStatus::Rejected    ? VoucherListRow::Phase::Rejected
                                                           : VoucherListRow::Phase::Cancelled;
            row.bind(u":balance"_s, nullTime)
                .bind(u":phase"_s, int(phase))
                .bind(u":appliedAt"_s, submittedMs)
                .bind(u":expiresAt"_s, nullTime)
                .bind(u":voucherId"_s, nullText)
                .bind(u":code"_s, nullText)
                .exec();
            continue;
        }

        const qint64 expiresMs = decidedMs + tmpl.validityDays * kDayMs;
        const QString code =
            VoucherCode::fromNumber((plan.codeBase + quint64(i) * kCodeStride) % kCodeSpace);
        qint64 balance = tmpl.faceValueMinor;
        const int usage = int(m_random.bounded(100));
        const bool invalidated = m_random.bounded(100) < 3;
        const qint64 invalidatedMs =
            invalidated ? std::min(decidedMs + kDayMs, plan.nowMs - 1000) : 0;
        const qint64 spendEnd =
            std::min(invalidated ? invalidatedMs : expiresMs, plan.nowMs) - 60'000;
        const bool canSpend = spendEnd > decidedMs + 120'000;
        const bool spends = canSpend && usage >= 40;
        qint64 order = 0;
        qint64 deducted = 0;
        if (spends) {
            const bool usedUp = usage >= 85;
            order = usedUp ? tmpl.faceValueMinor + 100 + qint64(m_random.bounded(100000))
                           : std::max(tmpl.minSpendMinor,
                                      tmpl.faceValueMinor * (10 + m_random.bounded(80)) / 100);
            deducted = std::min(order, balance);
            balance -= deducted;
        }

        QStringList blocked;
        int blocklistRevision = 0;
        if (tmpl.universal) {
            for (const BlocklistRevision &revision : std::as_const(plan.blocklists)) {
                if (revision.effectiveAt.toMSecsSinceEpoch() <= decidedMs) {
                    blocked = revision.productCodes;
                    blocklistRevision = revision.revision;
                }
            }
        }
        voucher.bind(u":id"_s, voucherId)
            .bind(u":code"_s, code)
            .bind(u":applicationId"_s, applicationId)
            .bind(u":partnerId"_s, partner.id)
            .bind(u":customerId"_s, customer.id)
            .bind(u":kind"_s, tmpl.kind)
            .bind(u":payMode"_s, tmpl.payMode)
            .bind(u":currency"_s, partner.currency)
            .bind(u":face"_s, tmpl.faceValueMinor)
            .bind(u":balance"_s, balance)
            .bind(u":minSpend"_s, tmpl.minSpendMinor)
            .bind(u":effectiveAt"_s, decidedMs)
            .bind(u":expiresAt"_s, expiresMs)
            .bind(u":products"_s, tmpl.productsJson)
            .bind(u":blocked"_s, JsonFields::listToText(blocked))
            .bind(u":blocklistRevision"_s, blocklistRevision)
            .bind(u":invalidatedAt"_s, invalidated ? QVariant(invalidatedMs) : nullTime)
            .bind(u":rev"_s, rev++)
            .exec();
        ++plan.vouchers;
        if (spends) {
            const QString product =
                tmpl.universal
                    ? everyday.at(m_random.bounded(qsizetype(everyday.size())))
                    : tmpl.products.at(m_random.bounded(qsizetype(tmpl.products.size())));
            const QString payMode = tmpl.payMode != u"all"_s ? tmpl.payMode
                                    : m_random.bounded(2)    ? u"prepaid"_s
                                                             : u"postpaid"_s;
            deduction.bind(u":id"_s, sequentialId(plan.idPrefix, plan.idCounter++, m_random))
                .bind(u":voucherId"_s, voucherId)
                .bind(u":customerId"_s, customer.id)
                .bind(u":orderId"_s, DemoNames::orderId(m_random))
                .bind(u":product"_s, product)
                .bind(u":payMode"_s, payMode)
                .bind(u":amount"_s, order)
                .bind(u":deducted"_s, deducted)
                .bind(u":at"_s,
                      decidedMs + 60'000 +
                          qint64(m_random.bounded(quint64(spendEnd - decidedMs - 120'000))))
                .bind(u":rev"_s, rev++)
                .exec();
            ++plan.deductions;
        }
        partner.issuedMinor += tmpl.faceValueMinor - (invalidated ? balance : 0);

        row.bind(u":balance"_s, balance)
            .bind(u":phase"_s, int(invalidated ? VoucherListRow::Phase::Invalidated
                                               : VoucherListRow::Phase::Issued))
            .bind(u":appliedAt"_s, submittedMs)
            .bind(u":expiresAt"_s, expiresMs)
            .bind(u":voucherId"_s, voucherId)
            .bind(u":code"_s, code)
            .exec();
    }
}

QList<QPair<QString, QString>> BulkVoucherGenerator::suspendIndexes()
{
    QList<QPair<QString, QString>> indexes;
    SqlTransaction transaction(m_db);
    SqlStatement query = m_db.prepare(
        u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        u"tbl_name IN ('applications', 'vouchers', 'voucher_list', 'deductions') "
        u"AND sql NOT LIKE 'CREATE UNIQUE%'"_s);
    query.exec();
    while (query.next())
        indexes.append({query.text(0), query.text(1)});
    for (const auto &index : std::as_const(indexes))
        m_db.execute(u"DROP INDEX "_s + index.first);
    transaction.commit();
    return indexes;
}

void BulkVoucherGenerator::restoreIndexes(const QList<QPair<QString, QString>> &indexes)
{
    if (indexes.isEmpty())
        return;
    SqlTransaction transaction(m_db);
    for (const auto &index : indexes)
        m_db.execute(index.second);
    transaction.commit();
}

void BulkVoucherGenerator::settleQuotas(const Plan &plan)
{
    // Every partner's pool covers what was issued, with headroom, in whole 100,000.00 steps.
    constexpr qint64 kStep = 10'000'000;
    SqlStatement update = m_db.prepare(u"UPDATE partners SET issued_minor = :issued, "
                                       u"quota_minor = :quota, rev = :rev WHERE id = :id"_s);
    qint64 rev = m_db.reserveRevs(plan.partners.size());
    for (const BulkPartner &partner : plan.partners) {
        const qint64 wanted = (partner.issuedMinor * 5 / 4 / kStep + 1) * kStep;
        update.bind(u":issued"_s, partner.issuedMinor)
            .bind(u":quota"_s, std::max(partner.quotaMinor, wanted))
            .bind(u":rev"_s, rev++)
            .bind(u":id"_s, partner.id)
            .exec();
    }
}
