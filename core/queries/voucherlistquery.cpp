#include "core/queries/voucherlistquery.h"

#include "core/store/database.h"
#include "core/store/sqldialect.h"
#include "core/store/storeerror.h"
#include "core/store/voucherlistindexes.h"

#include <QScopeGuard>

#include <algorithm>

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

// The unary "+" keeps the planner off the sort indexes of expiry and balance for these tests:
// a range on one of them would then sort every match, where walking the status index in date
// order stops after a page (and a count reads that index alone).
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
        return u"phase = 3 AND +balance_minor = 0"_s;
    case VoucherListStatus::Expired:
        return u"phase = 3 AND +expires_at <= :now AND +balance_minor > 0"_s;
    case VoucherListStatus::PartiallyUsed:
        return u"phase = 3 AND +expires_at > :now AND +balance_minor > 0 "
               u"AND +balance_minor < face_value_minor"_s;
    case VoucherListStatus::Unused:
        break;
    }
    return u"phase = 3 AND +expires_at > :now AND +balance_minor = face_value_minor"_s;
}

// Trigrams need three characters; a shorter fragment matches too many rows for an index anyway.
constexpr int kTextIndexMinLength = 3;

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

// One FTS5 phrase, whatever the text holds: quotes doubled, and control characters (a NUL ends
// the query string for FTS5's parser: "unterminated string") turned into the separators they
// are to the tokenizer anyway.
QString VoucherListQuery::textIndexPhrase(const QString &text)
{
    QString phrase = text;
    for (QChar &c : phrase) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return u"\""_s + phrase.replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

// Not while a replica's first pull has the text index suspended (VoucherListIndexes): it holds
// none of the rows pulled so far, and the LIKE test alone finds them.
bool VoucherListQuery::textIndexable() const
{
    if (!m_db.dialect().hasTextIndex() || m_filter.text.trimmed().size() < kTextIndexMinLength)
        return false;
    if (!m_textIndexCurrent)
        m_textIndexCurrent = VoucherListIndexes::textIndexIsCurrent(m_db);
    return *m_textIndexCurrent;
}

// A page takes the rows the text index finds and sorts them when they are few; when they are
// many, walking the sort order with the LIKE test fills a page sooner ("chan": 47,000 rows, 58 ms
// to sort, 11 ms to walk; a rare code fragment: 1 ms against 1.8 s).
bool VoucherListQuery::pageUsesTextIndex() const
{
    if (!textIndexable())
        return false;
    if (!m_textIndexForPages) {
        SqlStatement query = m_db.prepare(
            u"SELECT COUNT(*) FROM (SELECT rowid FROM voucher_list_text WHERE voucher_list_text "
            u"MATCH :textPhrase LIMIT :cap)"_s);
        query.bind(u":textPhrase"_s, textIndexPhrase(m_filter.text.trimmed()))
            .bind(u":cap"_s, TextIndexPageLimit + 1)
            .exec();
        m_textIndexForPages = query.next() && query.int64(0) <= TextIndexPageLimit;
    }
    return *m_textIndexForPages;
}

bool VoucherListQuery::usesTextIndex(Purpose purpose) const
{
    return purpose == Purpose::Count ? textIndexable() : pageUsesTextIndex();
}

QStringList VoucherListQuery::conditions(Purpose purpose) const
{
    QStringList conditions;
    // A customer belongs to one partner, so its index is the narrower; the planner cannot know
    // that (a partner's 20,000 index entries read for one customer's 100: 31 ms).
    if (!m_filter.partnerId.isNull()) {
        // (PostgreSQL has no unary "+" for text, and its statistics know the customer is
        // narrower.)
        const bool steer = !m_filter.customerId.isNull() && !m_db.isPostgres();
        conditions.append(steer ? u"+partner_id = :partnerId"_s : u"partner_id = :partnerId"_s);
    }
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
    // Within one partner, walking its rows in date order fills a page at once; a range of its
    // expiry index would sort every match first (17,000: 44 ms). Across every partner the
    // expiry index serves the count.
    if (m_filter.expiresBefore.isValid()) {
        conditions.append(m_filter.partnerId.isNull() ? u"expires_at < :expiresBefore"_s
                                                      : u"+expires_at < :expiresBefore"_s);
    }
    if (m_filter.positiveBalance || m_filter.minBalanceMinor > 0)
        conditions.append(u"phase = 3 AND +balance_minor >= :minBalance AND +expires_at > :now"_s);
    if (!m_filter.text.trimmed().isEmpty()) {
        // The trigrams match anywhere in any of the columns; the LIKE test keeps the exact
        // meaning (a UIN matches from its start).
        if (usesTextIndex(purpose)) {
            conditions.append(u"voucher_list.rowid IN (SELECT rowid FROM voucher_list_text "
                              u"WHERE voucher_list_text MATCH :textPhrase)"_s);
        }
        conditions.append(u"(voucher_code LIKE :codePattern ESCAPE '\\' "
                          u"OR customer_uin LIKE :uinPattern ESCAPE '\\' "
                          u"OR lower(customer_name) LIKE :namePattern ESCAPE '\\')"_s);
    }
    return conditions;
}

QString VoucherListQuery::whereClause(const QStringList &extra, Purpose purpose) const
{
    const QStringList all = conditions(purpose) + extra;
    return all.isEmpty() ? QString() : u" WHERE "_s + all.join(u" AND "_s);
}

QString VoucherListQuery::sortColumn() const
{
    switch (m_sort.key) {
    case VoucherListSortKey::AppliedAt:
        break;
    case VoucherListSortKey::ExpiresAt:
        return u"expires_at"_s;
    case VoucherListSortKey::Balance:
        return u"balance_minor"_s;
    case VoucherListSortKey::FaceValue:
        return u"face_value_minor"_s;
    case VoucherListSortKey::Customer:
        return u"customer_name"_s;
    case VoucherListSortKey::Code:
        return u"voucher_code"_s;
    }
    return u"applied_at"_s;
}

// The columns a row without a voucher leaves NULL.
bool VoucherListQuery::sortColumnNullable() const
{
    return m_sort.key == VoucherListSortKey::ExpiresAt ||
           m_sort.key == VoucherListSortKey::Balance || m_sort.key == VoucherListSortKey::Code;
}

QString VoucherListQuery::orderClause() const
{
    const QString direction = m_sort.descending ? u" DESC"_s : u" ASC"_s;
    // application_id breaks ties so that pages never overlap or skip.
    return u" ORDER BY "_s + sortColumn() + direction + u", application_id"_s + direction;
}

// The rows after `last` within its own group: the rows with a sort value, or the rows without
// one (NULL). Each condition bounds one index range; an OR across both groups would make the
// store sort everything that follows.
QString VoucherListQuery::seekCondition(const VoucherListRow &last) const
{
    const QString column = sortColumn();
    const bool descending = m_sort.descending;
    const QString idAfter =
        descending ? u"application_id < :seekId"_s : u"application_id > :seekId"_s;
    if (hasSortValue(last)) {
        // "column >= key" alone bounds the index range; the rest only decides the ties.
        return u"("_s + column + (descending ? u" <= "_s : u" >= "_s) + u":seekKey AND ("_s +
               column + (descending ? u" < "_s : u" > "_s) + u":seekKey OR "_s + idAfter + u"))"_s;
    }
    return u"("_s + column + u" IS NULL AND "_s + idAfter + u")"_s;
}

// The group that follows the group of `last`, if any: the NULLs after the values or the values
// after the NULLs, depending on the store and the direction.
std::optional<QString> VoucherListQuery::nextGroupCondition(const VoucherListRow &last) const
{
    if (!sortColumnNullable())
        return std::nullopt;
    if (hasSortValue(last) && nullsSortLast())
        return sortColumn() + u" IS NULL"_s;
    if (!hasSortValue(last) && !nullsSortLast())
        return sortColumn() + u" IS NOT NULL"_s;
    return std::nullopt;
}

bool VoucherListQuery::hasSortValue(const VoucherListRow &row) const
{
    return !sortColumnNullable() || row.isIssued();
}

// SQLite puts NULL before every value in ascending order, PostgreSQL after; both reverse that
// when descending.
bool VoucherListQuery::nullsSortLast() const
{
    return m_sort.descending != m_db.isPostgres();
}

void VoucherListQuery::bindSeek(SqlStatement &query, const VoucherListRow &last) const
{
    query.bind(u":seekId"_s, last.applicationId);
    if (!hasSortValue(last))
        return;
    switch (m_sort.key) {
    case VoucherListSortKey::AppliedAt:
        query.bind(u":seekKey"_s, last.appliedAt);
        break;
    case VoucherListSortKey::ExpiresAt:
        query.bind(u":seekKey"_s, last.expiresAt);
        break;
    case VoucherListSortKey::Balance:
        query.bind(u":seekKey"_s, last.balanceMinor);
        break;
    case VoucherListSortKey::FaceValue:
        query.bind(u":seekKey"_s, last.faceValueMinor);
        break;
    case VoucherListSortKey::Customer:
        query.bind(u":seekKey"_s, last.customerName);
        break;
    case VoucherListSortKey::Code:
        query.bind(u":seekKey"_s, last.voucherCode);
        break;
    }
}

void VoucherListQuery::bindFilter(SqlStatement &query, const QDateTime &now, Purpose purpose) const
{
    if (!m_filter.partnerId.isNull())
        query.bind(u":partnerId"_s, m_filter.partnerId);
    const bool spendable = m_filter.positiveBalance || m_filter.minBalanceMinor > 0;
    if ((m_filter.status && statusNeedsNow(*m_filter.status)) || spendable)
        query.bind(u":now"_s, now);
    if (spendable)
        query.bind(u":minBalance"_s, std::max<qint64>(1, m_filter.minBalanceMinor));
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
        if (usesTextIndex(purpose))
            query.bind(u":textPhrase"_s, textIndexPhrase(text));
    }
}

QString VoucherListQuery::pageSql() const
{
    return u"SELECT "_s + kColumns + u" FROM voucher_list"_s + whereClause() + orderClause() +
           u" LIMIT :limit OFFSET :offset"_s;
}

QString VoucherListQuery::countSql() const
{
    return u"SELECT COUNT(*) FROM voucher_list"_s + whereClause({}, Purpose::Count);
}

QString VoucherListQuery::pageEndsSql() const
{
    const QString column = sortColumn();
    return u"SELECT application_id, "_s + column + u" FROM (SELECT application_id, "_s + column +
           u", row_number() OVER ("_s + orderClause().trimmed() + u") AS rn FROM voucher_list"_s +
           whereClause() + u") AS ranked WHERE rn % :pageSize = 0 ORDER BY rn"_s;
}

QString VoucherListQuery::countKey() const
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : -1; };
    return QStringList{m_filter.partnerId.toString(QUuid::WithoutBraces),
                       m_filter.status ? QString::number(int(*m_filter.status)) : QString(),
                       m_filter.customerId.toString(QUuid::WithoutBraces),
                       m_filter.kind ? QString::number(int(*m_filter.kind)) : QString(),
                       QString::number(time(m_filter.appliedFrom)),
                       QString::number(time(m_filter.appliedTo)),
                       QString::number(time(m_filter.expiresBefore)),
                       QString::number(m_filter.positiveBalance),
                       QString::number(m_filter.minBalanceMinor),
                       m_filter.text.trimmed()}
        .join(QChar(0x1f)); // the text comes last, so a separator typed in it is no ambiguity
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

QList<VoucherListRow> VoucherListQuery::pageAfter(const VoucherListRow &last, int limit,
                                                  const QDateTime &now) const
{
    auto read = [&](const QString &condition, bool seek, int count, QList<VoucherListRow> &rows) {
        SqlStatement query =
            m_db.prepare(u"SELECT "_s + kColumns + u" FROM voucher_list"_s +
                         whereClause({condition}) + orderClause() + u" LIMIT :limit"_s);
        bindFilter(query, now);
        if (seek)
            bindSeek(query, last);
        query.bind(u":limit"_s, count).exec();
        while (query.next())
            rows.append(readRow(query));
    };
    QList<VoucherListRow> rows;
    rows.reserve(limit);
    read(seekCondition(last), true, limit, rows);
    if (rows.size() < limit) {
        if (const auto nextGroup = nextGroupCondition(last))
            read(*nextGroup, false, limit - int(rows.size()), rows);
    }
    return rows;
}

bool VoucherListQuery::forEachRow(const QDateTime &now,
                                  const std::function<bool(const VoucherListRow &)> &visit) const
{
    SqlStatement query = m_db.prepare(u"SELECT "_s + kColumns + u" FROM voucher_list"_s +
                                      whereClause() + orderClause());
    bindFilter(query, now);
    query.exec();
    while (query.next()) {
        if (!visit(readRow(query)))
            return false;
    }
    return true;
}

qint64 VoucherListQuery::count(const QDateTime &now) const
{
    SqlStatement query = m_db.prepare(countSql());
    bindFilter(query, now, Purpose::Count);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

QList<VoucherListRow> VoucherListQuery::pageEnds(int pageSize, const QDateTime &now,
                                                 qint64 *count) const
{
    // One snapshot for the ends and the count: a row written in between would shift the pages.
    const bool ownSnapshot = !m_db.inWriteTransaction();
    if (ownSnapshot)
        m_db.execute(u"BEGIN"_s);
    const auto end = qScopeGuard([this, ownSnapshot] {
        if (!ownSnapshot)
            return;
        try {
            m_db.execute(u"ROLLBACK"_s);
        } catch (const StoreError &) {
            // Nothing was written; a broken connection reports itself at its next use.
        }
    });
    SqlStatement query = m_db.prepare(pageEndsSql());
    bindFilter(query, now);
    query.bind(u":pageSize"_s, pageSize).exec();
    QList<VoucherListRow> ends;
    while (query.next())
        ends.append(seekRow(query));
    if (count)
        *count = this->count(now);
    return ends;
}

// A row that carries only its id and sort value, as seekCondition() and bindSeek() read them (a
// NULL sort value is a row without a voucher).
VoucherListRow VoucherListQuery::seekRow(const SqlStatement &query) const
{
    VoucherListRow row;
    row.applicationId = query.uuid(0);
    if (query.isNull(1))
        return row;
    row.phase = VoucherListRow::Phase::Issued;
    switch (m_sort.key) {
    case VoucherListSortKey::AppliedAt:
        row.appliedAt = query.time(1);
        break;
    case VoucherListSortKey::ExpiresAt:
        row.expiresAt = query.time(1);
        break;
    case VoucherListSortKey::Balance:
        row.balanceMinor = query.int64(1);
        break;
    case VoucherListSortKey::FaceValue:
        row.faceValueMinor = query.int64(1);
        break;
    case VoucherListSortKey::Customer:
        row.customerName = query.text(1);
        break;
    case VoucherListSortKey::Code:
        row.voucherCode = query.text(1);
        break;
    }
    return row;
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
