#include "core/queries/reviewqueuequery.h"

#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {
const QString kRowSql =
    u"SELECT a.id, a.partner_id, p.name, a.customer_id, c.name, c.uin, t.name, t.kind, "
    u"t.face_value_minor, t.currency, a.submitted_at, a.review_due_at, a.version "
    u"FROM applications a JOIN templates t ON t.id = a.template_id "
    u"JOIN customers c ON c.id = a.customer_id JOIN partners p ON p.id = a.partner_id "_s;

// "review_due_at >= key" alone bounds the index range; the rest only decides the ties.
const QString kSeekCondition =
    u"a.review_due_at >= :seekDue AND (a.review_due_at > :seekDue "
    u"OR a.submitted_at > :seekSubmitted OR (a.submitted_at = :seekSubmitted AND a.id > :seekId))"_s;

ReviewQueueRow readRow(const SqlStatement &row)
{
    ReviewQueueRow r;
    r.applicationId = row.uuid(0);
    r.partnerId = row.uuid(1);
    r.partnerName = row.text(2);
    r.customerId = row.uuid(3);
    r.customerName = row.text(4);
    r.customerUin = row.text(5);
    r.templateName = row.text(6);
    r.kind = voucherKindFromString(row.text(7)).value_or(VoucherKind::Specific);
    r.faceValueMinor = row.int64(8);
    r.currency = row.text(9);
    r.submittedAt = row.time(10);
    r.reviewDueAt = row.time(11);
    r.version = row.integer(12);
    return r;
}
} // namespace

ReviewQueueQuery::ReviewQueueQuery(const Database &db, ReviewQueueFilter filter)
    : m_db(db)
    , m_filter(std::move(filter))
{}

QString ReviewQueueQuery::conditions() const
{
    QString sql = u"WHERE a.status = 'pending_review'"_s;
    if (!m_filter.partnerId.isNull())
        sql += u" AND a.partner_id = :partnerId"_s;
    if (m_filter.kind)
        sql += u" AND t.kind = :kind"_s;
    if (m_filter.minFaceMinor)
        sql += u" AND t.face_value_minor >= :minFace"_s;
    if (m_filter.maxFaceMinor)
        sql += u" AND t.face_value_minor <= :maxFace"_s;
    return sql;
}

void ReviewQueueQuery::bindFilter(SqlStatement &query) const
{
    if (!m_filter.partnerId.isNull())
        query.bind(u":partnerId"_s, m_filter.partnerId);
    if (m_filter.kind)
        query.bind(u":kind"_s, voucherKindToString(*m_filter.kind));
    if (m_filter.minFaceMinor)
        query.bind(u":minFace"_s, *m_filter.minFaceMinor);
    if (m_filter.maxFaceMinor)
        query.bind(u":maxFace"_s, *m_filter.maxFaceMinor);
}

QList<ReviewQueueRow> ReviewQueueQuery::read(const QString &extraCondition, int limit,
                                             const ReviewQueueRow *last) const
{
    SqlStatement query = m_db.prepare(
        kRowSql + conditions() + (extraCondition.isEmpty() ? QString() : u" AND "_s) +
        extraCondition + u" ORDER BY a.review_due_at, a.submitted_at, a.id LIMIT :limit"_s);
    bindFilter(query);
    if (last) {
        query.bind(u":seekDue"_s, last->reviewDueAt)
            .bind(u":seekSubmitted"_s, last->submittedAt)
            .bind(u":seekId"_s, last->applicationId);
    }
    query.bind(u":limit"_s, limit).exec();
    QList<ReviewQueueRow> rows;
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

QList<ReviewQueueRow> ReviewQueueQuery::firstPage(int limit) const
{
    return read({}, limit, nullptr);
}

QList<ReviewQueueRow> ReviewQueueQuery::pageAfter(const ReviewQueueRow &last, int limit) const
{
    return read(kSeekCondition, limit, &last);
}

ReviewQueueCounts ReviewQueueQuery::counts(const QDateTime &now) const
{
    // The template snapshot is joined only for the conditions that need it.
    const bool needsTemplate =
        m_filter.kind || m_filter.minFaceMinor.has_value() || m_filter.maxFaceMinor.has_value();
    SqlStatement query = m_db.prepare(
        u"SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.review_due_at < :now THEN 1 ELSE 0 END), 0) "
        u"FROM applications a "_s +
        (needsTemplate ? u"JOIN templates t ON t.id = a.template_id "_s : QString()) +
        conditions());
    bindFilter(query);
    query.bind(u":now"_s, now).exec();
    ReviewQueueCounts counts;
    if (query.next()) {
        counts.pending = query.int64(0);
        counts.overdue = query.int64(1);
    }
    return counts;
}

std::optional<ReviewQueueDetail> ReviewQueueQuery::detail(const QUuid &applicationId,
                                                          const QDateTime &now) const
{
    auto application = ApplicationRepository(m_db).find(applicationId);
    if (!application)
        return std::nullopt;
    ReviewQueueDetail detail;
    detail.application = std::move(*application);
    if (auto customer = CustomerRepository(m_db).find(detail.application.customerId))
        detail.customer = std::move(*customer);
    if (auto partner = PartnerRepository(m_db).find(detail.application.partnerId))
        detail.partner = std::move(*partner);
    if (!detail.application.reviewerId.isNull()) {
        const auto reviewer = UserRepository(m_db).find(detail.application.reviewerId);
        detail.reviewerName = reviewer ? reviewer->displayName : QString();
    }
    readRecentDecisions(detail, now);
    return detail;
}

// Walks the partner's applications (applications_partner_submitted narrows to the partner);
// an index on (partner_id, status, reviewed_at) would make this two index ranges.
void ReviewQueueQuery::readRecentDecisions(ReviewQueueDetail &detail, const QDateTime &now) const
{
    SqlStatement query = m_db.prepare(
        u"SELECT COALESCE(SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END), 0), "
        u"COALESCE(SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), 0) "
        u"FROM applications WHERE partner_id = :partnerId "
        u"AND status IN ('approved', 'rejected') AND reviewed_at > :since AND reviewed_at <= :now"_s);
    query.bind(u":partnerId"_s, detail.application.partnerId)
        .bind(u":since"_s, now.addDays(-ReviewQueueDetail::RecentDays))
        .bind(u":now"_s, now)
        .exec();
    if (query.next()) {
        detail.recentlyApproved = query.int64(0);
        detail.recentlyRejected = query.int64(1);
    }
}
