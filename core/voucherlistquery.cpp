#include "voucherlistquery.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace {
const QString kColumns =
    u"application_id, partner_id, customer_id, customer_name, customer_uin, template_name, "
    u"kind, currency, face_value_minor, balance_minor, phase, applied_at, expires_at, "
    u"voucher_id, voucher_code"_s;

VoucherListRow readRow(const SqlStatement &row)
{
    VoucherListRow r;
    r.applicationId = row.uuid(0);
    r.partnerId = row.uuid(1);
    r.customerId = row.uuid(2);
    r.customerName = row.text(3);
    r.customerUin = row.text(4);
    r.templateName = row.text(5);
    r.kind = voucherKindFromString(row.text(6)).value_or(VoucherKind::Specific);
    r.currency = row.text(7);
    r.faceValueMinor = row.int64(8);
    r.balanceMinor = row.int64(9);
    r.phase = VoucherListRow::Phase(row.integer(10));
    r.appliedAt = row.time(11);
    r.expiresAt = row.time(12);
    r.voucherId = row.uuid(13);
    r.voucherCode = row.text(14);
    return r;
}

QString statusCondition(VoucherListStatus status)
{
    switch (status) {
    case VoucherListStatus::PendingReview:
        return u"phase = 0"_s;
    case VoucherListStatus::Rejected:
        return u"phase = 1"_s;
    case VoucherListStatus::Cancelled:
        return u"phase = 2"_s;
    case VoucherListStatus::Invalidated:
        return u"phase = 4"_s;
    case VoucherListStatus::UsedUp:
        return u"phase = 3 AND balance_minor = 0"_s;
    case VoucherListStatus::Expired:
        return u"phase = 3 AND expires_at <= :now AND balance_minor > 0"_s;
    case VoucherListStatus::PartiallyUsed:
        return u"phase = 3 AND expires_at > :now AND balance_minor > 0 "
               u"AND balance_minor < face_value_minor"_s;
    case VoucherListStatus::Unused:
        break;
    }
    return u"phase = 3 AND expires_at > :now AND balance_minor = face_value_minor"_s;
}

bool statusNeedsNow(VoucherListStatus status)
{
    return status == VoucherListStatus::Expired || status == VoucherListStatus::PartiallyUsed ||
           status == VoucherListStatus::Unused;
}
} // namespace

VoucherListQuery::VoucherListQuery(const Database &db, VoucherListFilter filter,
                                   VoucherListSort sort)
    : m_db(db)
    , m_filter(std::move(filter))
    , m_sort(sort)
{}

QString VoucherListQuery::whereClause() const
{
    QStringList conditions;
    if (!m_filter.partnerId.isNull())
        conditions.append(u"partner_id = :partnerId"_s);
    if (m_filter.status)
        conditions.append(statusCondition(*m_filter.status));
    if (!m_filter.customerId.isNull())
        conditions.append(u"customer_id = :customerId"_s);
    if (m_filter.kind)
        conditions.append(u"kind = :kind"_s);
    if (m_filter.appliedFrom.isValid())
        conditions.append(u"applied_at >= :appliedFrom"_s);
    if (m_filter.appliedTo.isValid())
        conditions.append(u"applied_at < :appliedTo"_s);
    if (m_filter.expiresBefore.isValid())
        conditions.append(u"expires_at < :expiresBefore"_s);
    if (m_filter.positiveBalance)
        conditions.append(u"balance_minor > 0"_s);
    if (!m_filter.text.trimmed().isEmpty()) {
        conditions.append(u"(voucher_code LIKE :codePattern ESCAPE '\\' "
                          u"OR customer_uin LIKE :uinPattern ESCAPE '\\' "
                          u"OR lower(customer_name) LIKE :namePattern ESCAPE '\\')"_s);
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

QString VoucherListQuery::orderClause() const
{
    QString column;
    switch (m_sort.key) {
    case VoucherListSortKey::AppliedAt:
        column = u"applied_at"_s;
        break;
    case VoucherListSortKey::ExpiresAt:
        column = u"expires_at"_s;
        break;
    case VoucherListSortKey::Balance:
        column = u"balance_minor"_s;
        break;
    case VoucherListSortKey::FaceValue:
        column = u"face_value_minor"_s;
        break;
    case VoucherListSortKey::Customer:
        column = u"customer_name"_s;
        break;
    case VoucherListSortKey::Code:
        column = u"voucher_code"_s;
        break;
    }
    const QString direction = m_sort.descending ? u" DESC"_s : u" ASC"_s;
    // application_id breaks ties so that pages never overlap or skip.
    return u" ORDER BY "_s + column + direction + u", application_id"_s + direction;
}

void VoucherListQuery::bindFilter(SqlStatement &query, const QDateTime &now) const
{
    if (!m_filter.partnerId.isNull())
        query.bind(u":partnerId"_s, m_filter.partnerId);
    if (m_filter.status && statusNeedsNow(*m_filter.status))
        query.bind(u":now"_s, now);
    if (!m_filter.customerId.isNull())
        query.bind(u":customerId"_s, m_filter.customerId);
    if (m_filter.kind)
        query.bind(u":kind"_s, voucherKindToString(*m_filter.kind));
    if (m_filter.appliedFrom.isValid())
        query.bind(u":appliedFrom"_s, m_filter.appliedFrom);
    if (m_filter.appliedTo.isValid())
        query.bind(u":appliedTo"_s, m_filter.appliedTo);
    if (m_filter.expiresBefore.isValid())
        query.bind(u":expiresBefore"_s, m_filter.expiresBefore);
    const QString text = m_filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString escaped = SqlStatement::escapeLike(text);
        query.bind(u":codePattern"_s, u"%"_s + escaped.toUpper() + u"%"_s);
        query.bind(u":uinPattern"_s, escaped + u"%"_s);
        query.bind(u":namePattern"_s, u"%"_s + escaped.toLower() + u"%"_s);
    }
}

QString VoucherListQuery::pageSql() const
{
    return u"SELECT "_s + kColumns + u" FROM voucher_list"_s + whereClause() + orderClause() +
           u" LIMIT :limit OFFSET :offset"_s;
}

QString VoucherListQuery::countSql() const
{
    return u"SELECT COUNT(*) FROM voucher_list"_s + whereClause();
}

QList<VoucherListRow> VoucherListQuery::page(int offset, int limit, const QDateTime &now) const
{
    SqlStatement query = m_db.prepare(pageSql());
    bindFilter(query, now);
    query.bind(u":limit"_s, limit).bind(u":offset"_s, offset).exec();
    QList<VoucherListRow> rows;
    rows.reserve(limit);
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

qint64 VoucherListQuery::count(const QDateTime &now) const
{
    SqlStatement query = m_db.prepare(countSql());
    bindFilter(query, now);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

std::optional<VoucherListRow> VoucherListQuery::row(const QUuid &applicationId) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT "_s + kColumns + u" FROM voucher_list WHERE application_id = :id"_s);
    query.bind(u":id"_s, applicationId).exec();
    if (!query.next())
        return std::nullopt;
    return readRow(query);
}
