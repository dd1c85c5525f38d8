#include "core/repositories/applicationrepository.h"

#include "core/repositories/templaterepository.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"
#include "core/store/revisionrange.h"

using namespace Qt::StringLiterals;

namespace {
// The template columns follow the application's; see TemplateRepository::readTemplate.
const QString &selectSql()
{
    static const QString sql =
        u"SELECT a.id, a.partner_id, a.template_id, a.customer_id, a.scenario, a.status, "
        u"a.submitted_at, a.review_due_at, a.submitted_by, a.reviewer_id, a.reviewed_at, "
        u"a.review_comment, a.reject_reason, a.cancelled_at, a.voucher_id, a.version, a.rev, "_s +
        TemplateRepository::columns(u"t"_s) +
        u" FROM applications a JOIN templates t ON t.id = a.template_id "_s;
    return sql;
}

constexpr int kTemplateColumn = 17;

QString listCondition(std::optional<ApplicationStatus> status, const QUuid &partnerId)
{
    QStringList conditions;
    if (status)
        conditions.append(u"a.status = :status"_s);
    if (!partnerId.isNull())
        conditions.append(u"a.partner_id = :partnerId"_s);
    return conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s) + u' ';
}

void bindListCondition(SqlStatement &query, std::optional<ApplicationStatus> status,
                       const QUuid &partnerId)
{
    if (status)
        query.bind(u":status"_s, applicationStatusToString(*status));
    if (!partnerId.isNull())
        query.bind(u":partnerId"_s, partnerId);
}

Application readApplication(const SqlStatement &row)
{
    Application a;
    a.id = row.uuid(0);
    a.partnerId = row.uuid(1);
    a.templateId = row.uuid(2);
    a.customerId = row.uuid(3);
    a.scenario = row.text(4);
    a.status = applicationStatusFromString(row.text(5)).value_or(ApplicationStatus::PendingReview);
    a.submittedAt = row.time(6);
    a.reviewDueAt = row.time(7);
    a.submittedBy = row.uuid(8);
    a.reviewerId = row.uuid(9);
    a.reviewedAt = row.time(10);
    a.reviewComment = row.text(11);
    a.rejectReason = row.text(12);
    a.cancelledAt = row.time(13);
    a.voucherId = row.uuid(14);
    a.version = row.integer(15);
    a.rev = row.int64(16);
    a.templateSnapshot = TemplateRepository::readTemplate(row, kTemplateColumn);
    return a;
}
} // namespace

std::optional<Application> ApplicationRepository::find(const QUuid &id) const
{
    SqlStatement query = m_db.prepare(selectSql() + u"WHERE a.id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return readApplication(query);
}

QList<Application> ApplicationRepository::revised(qint64 after, qint64 upTo,
                                                  const QUuid &partnerId) const
{
    SqlStatement query = RevisionRange{after, upTo, partnerId}.select(
        m_db, selectSql(), u"a.rev"_s, u"a.partner_id = :partnerId"_s);
    QList<Application> applications;
    while (query.next())
        applications.append(readApplication(query));
    return applications;
}

std::optional<QString> ApplicationRepository::requestHash(const QUuid &id) const
{
    return RequestHash::stored(m_db, u"applications"_s, id);
}

QList<Application> ApplicationRepository::reviewQueue(const QUuid &partnerId, int limit,
                                                      int offset) const
{
    SqlStatement query = m_db.prepare(
        selectSql() + u"WHERE a.status = 'pending_review' "_s +
        (partnerId.isNull() ? QString() : u"AND a.partner_id = :partnerId "_s) +
        u"ORDER BY a.review_due_at, a.submitted_at, a.id LIMIT :limit OFFSET :offset"_s);
    if (!partnerId.isNull())
        query.bind(u":partnerId"_s, partnerId);
    query.bind(u":limit"_s, limit).bind(u":offset"_s, offset).exec();
    QList<Application> applications;
    while (query.next())
        applications.append(readApplication(query));
    return applications;
}

qint64 ApplicationRepository::countByStatus(ApplicationStatus status, const QUuid &partnerId) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT COUNT(*) FROM applications WHERE status = :status"_s +
                     (partnerId.isNull() ? QString() : u" AND partner_id = :partnerId"_s));
    query.bind(u":status"_s, applicationStatusToString(status));
    if (!partnerId.isNull())
        query.bind(u":partnerId"_s, partnerId);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

QList<Application> ApplicationRepository::list(std::optional<ApplicationStatus> status,
                                               const QUuid &partnerId, int limit, int offset) const
{
    SqlStatement query =
        m_db.prepare(selectSql() + listCondition(status, partnerId) +
                     u"ORDER BY a.submitted_at DESC, a.id LIMIT :limit OFFSET :offset"_s);
    bindListCondition(query, status, partnerId);
    query.bind(u":limit"_s, limit).bind(u":offset"_s, offset).exec();
    QList<Application> applications;
    while (query.next())
        applications.append(readApplication(query));
    return applications;
}

qint64 ApplicationRepository::count(std::optional<ApplicationStatus> status,
                                    const QUuid &partnerId) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT COUNT(*) FROM applications a "_s + listCondition(status, partnerId));
    bindListCondition(query, status, partnerId);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

void ApplicationRepository::insert(const Application &a, const QString &requestHash) const
{
    m_db.prepare(u"INSERT INTO applications (id, partner_id, template_id, customer_id, scenario, "
                 u"status, submitted_at, review_due_at, submitted_by, version, request_hash, rev) "
                 u"VALUES (:id, :partnerId, :templateId, :customerId, :scenario, :status, "
                 u":submittedAt, :dueAt, :submittedBy, :version, :hash, :rev)"_s)
        .bind(u":id"_s, a.id)
        .bind(u":partnerId"_s, a.partnerId)
        .bind(u":templateId"_s, a.templateId)
        .bind(u":customerId"_s, a.customerId)
        .bind(u":scenario"_s, a.scenario)
        .bind(u":status"_s, applicationStatusToString(a.status))
        .bind(u":submittedAt"_s, a.submittedAt)
        .bind(u":dueAt"_s, a.reviewDueAt)
        .bind(u":submittedBy"_s, a.submittedBy)
        .bind(u":version"_s, a.version)
        .bind(u":hash"_s, requestHash)
        .bind(u":rev"_s, a.rev)
        .exec();
}

bool ApplicationRepository::transition(const Application &decided, int expectedVersion) const
{
    SqlStatement update = m_db.prepare(
        u"UPDATE applications SET status = :status, reviewer_id = :reviewerId, "
        u"reviewed_at = :reviewedAt, review_comment = :comment, reject_reason = :reason, "
        u"cancelled_at = :cancelledAt, voucher_id = :voucherId, version = version + 1, "
        u"rev = :rev WHERE id = :id AND status = 'pending_review'"_s +
        (expectedVersion > 0 ? u" AND version = :expectedVersion"_s : QString()));
    update.bind(u":status"_s, applicationStatusToString(decided.status))
        .bind(u":reviewerId"_s, decided.reviewerId)
        .bind(u":reviewedAt"_s, decided.reviewedAt)
        .bind(u":comment"_s, decided.reviewComment)
        .bind(u":reason"_s, decided.rejectReason)
        .bind(u":cancelledAt"_s, decided.cancelledAt)
        .bind(u":voucherId"_s, decided.voucherId)
        .bind(u":rev"_s, decided.rev)
        .bind(u":id"_s, decided.id);
    if (expectedVersion > 0)
        update.bind(u":expectedVersion"_s, expectedVersion);
    update.exec();
    return update.rowsAffected() == 1;
}
