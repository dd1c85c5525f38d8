#include "core/repositories/templaterepository.h"

#include "core/json/jsonfields.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"
#include "core/store/revisionrange.h"

using namespace Qt::StringLiterals;

namespace {
const QStringList &columnNames()
{
    static const QStringList names = {
        u"id"_s,
        u"partner_id"_s,
        u"name"_s,
        u"kind"_s,
        u"face_value_minor"_s,
        u"currency"_s,
        u"validity_days"_s,
        u"min_spend_minor"_s,
        u"pay_mode"_s,
        u"product_codes"_s,
        u"note"_s,
        u"version"_s,
        u"locked"_s,
        u"created_at"_s,
        u"updated_at"_s,
        u"rev"_s,
    };
    return names;
}

const QString &selectSql()
{
    static const QString sql = u"SELECT "_s + columnNames().join(u", "_s) + u" FROM templates "_s;
    return sql;
}

// The fields an edit replaces, shared by insert and update.
void bindEditableFields(SqlStatement &statement, const VoucherTemplate &t)
{
    statement.bind(u":name"_s, t.name)
        .bind(u":kind"_s, voucherKindToString(t.kind))
        .bind(u":face"_s, t.faceValueMinor)
        .bind(u":currency"_s, t.currency)
        .bind(u":validity"_s, t.validityDays)
        .bind(u":minSpend"_s, t.minSpendMinor)
        .bind(u":payMode"_s, payModeToString(t.payMode))
        .bind(u":products"_s, JsonFields::listToText(t.productCodes))
        .bind(u":note"_s, t.note);
}

QString whereClause(const TemplateFilter &filter)
{
    QStringList conditions;
    if (!filter.partnerId.isNull())
        conditions.append(u"partner_id = :partnerId"_s);
    if (!filter.nameContains.trimmed().isEmpty())
        conditions.append(u"lower(name) LIKE :name ESCAPE '\\'"_s);
    if (filter.kind)
        conditions.append(u"kind = :kind"_s);
    if (filter.locked)
        conditions.append(u"locked = :locked"_s);
    if (filter.createdFrom.isValid())
        conditions.append(u"created_at >= :createdFrom"_s);
    if (filter.createdTo.isValid())
        conditions.append(u"created_at < :createdTo"_s);
    return conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s) + u" "_s;
}

void bindFilter(SqlStatement &query, const TemplateFilter &filter)
{
    if (!filter.partnerId.isNull())
        query.bind(u":partnerId"_s, filter.partnerId);
    if (!filter.nameContains.trimmed().isEmpty()) {
        query.bind(u":name"_s,
                   u"%"_s + SqlStatement::escapeLike(filter.nameContains.trimmed().toLower()) +
                       u"%"_s);
    }
    if (filter.kind)
        query.bind(u":kind"_s, voucherKindToString(*filter.kind));
    if (filter.locked)
        query.bind(u":locked"_s, *filter.locked);
    if (filter.createdFrom.isValid())
        query.bind(u":createdFrom"_s, filter.createdFrom);
    if (filter.createdTo.isValid())
        query.bind(u":createdTo"_s, filter.createdTo);
}
} // namespace

QString TemplateRepository::columns(const QString &alias)
{
    QStringList qualified;
    for (const QString &name : columnNames())
        qualified.append(alias + u"."_s + name);
    return qualified.join(u", "_s);
}

VoucherTemplate TemplateRepository::readTemplate(const SqlStatement &row, int c)
{
    VoucherTemplate t;
    t.id = row.uuid(c + 0);
    t.partnerId = row.uuid(c + 1);
    t.name = row.text(c + 2);
    t.kind = voucherKindFromString(row.text(c + 3)).value_or(VoucherKind::Specific);
    t.faceValueMinor = row.int64(c + 4);
    t.currency = row.text(c + 5);
    t.validityDays = row.integer(c + 6);
    t.minSpendMinor = row.int64(c + 7);
    t.payMode = payModeFromString(row.text(c + 8)).value_or(PayMode::All);
    t.productCodes = JsonFields::listFromText(row.text(c + 9));
    t.note = row.text(c + 10);
    t.version = row.integer(c + 11);
    t.locked = row.flag(c + 12);
    t.createdAt = row.time(c + 13);
    t.updatedAt = row.time(c + 14);
    t.rev = row.int64(c + 15);
    return t;
}

QList<VoucherTemplate> TemplateRepository::revised(qint64 after, qint64 upTo,
                                                   const QUuid &partnerId) const
{
    SqlStatement query = RevisionRange{after, upTo, partnerId}.select(m_db, selectSql());
    QList<VoucherTemplate> templates;
    while (query.next())
        templates.append(readTemplate(query));
    return templates;
}

std::optional<VoucherTemplate> TemplateRepository::find(const QUuid &id) const
{
    SqlStatement query = m_db.prepare(selectSql() + u"WHERE id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return TemplateRepository::readTemplate(query);
}

std::optional<QString> TemplateRepository::requestHash(const QUuid &id) const
{
    return RequestHash::stored(m_db, u"templates"_s, id);
}

bool TemplateRepository::nameTaken(const QUuid &partnerId, const QString &name,
                                   const QUuid &exceptId) const
{
    SqlStatement query = m_db.prepare(u"SELECT 1 FROM templates WHERE partner_id = :partnerId "
                                      u"AND lower(name) = lower(:name) AND id <> :exceptId"_s);
    query.bind(u":partnerId"_s, partnerId)
        .bind(u":name"_s, name.trimmed())
        .bind(u":exceptId"_s,
              exceptId.isNull() ? QString(u""_s) : exceptId.toString(QUuid::WithoutBraces))
        .exec();
    return query.next();
}

QList<VoucherTemplate> TemplateRepository::list(const TemplateFilter &filter) const
{
    SqlStatement query =
        m_db.prepare(selectSql() + whereClause(filter) +
                     u"ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"_s);
    bindFilter(query, filter);
    query.bind(u":limit"_s, filter.limit).bind(u":offset"_s, filter.offset).exec();
    QList<VoucherTemplate> templates;
    while (query.next())
        templates.append(TemplateRepository::readTemplate(query));
    return templates;
}

qint64 TemplateRepository::count(const TemplateFilter &filter) const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM templates "_s + whereClause(filter));
    bindFilter(query, filter);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

void TemplateRepository::insert(const VoucherTemplate &t, const QString &requestHash) const
{
    SqlStatement insert = m_db.prepare(
        u"INSERT INTO templates (id, partner_id, name, kind, face_value_minor, currency, "
        u"validity_days, min_spend_minor, pay_mode, product_codes, note, version, locked, "
        u"created_at, updated_at, request_hash, rev) VALUES (:id, :partnerId, :name, :kind, "
        u":face, :currency, :validity, :minSpend, :payMode, :products, :note, :version, "
        u":locked, :createdAt, :updatedAt, :hash, :rev)"_s);
    bindEditableFields(insert, t);
    insert.bind(u":id"_s, t.id)
        .bind(u":partnerId"_s, t.partnerId)
        .bind(u":version"_s, t.version)
        .bind(u":locked"_s, t.locked)
        .bind(u":createdAt"_s, t.createdAt)
        .bind(u":updatedAt"_s, t.updatedAt)
        .bind(u":hash"_s, requestHash)
        .bind(u":rev"_s, t.rev)
        .exec();
}

bool TemplateRepository::update(const VoucherTemplate &t, int expectedVersion) const
{
    SqlStatement update = m_db.prepare(
        u"UPDATE templates SET name = :name, kind = :kind, face_value_minor = :face, "
        u"currency = :currency, validity_days = :validity, min_spend_minor = :minSpend, "
        u"pay_mode = :payMode, product_codes = :products, note = :note, "
        u"version = version + 1, updated_at = :updatedAt, rev = :rev "
        u"WHERE id = :id AND version = :expectedVersion AND locked = 0"_s);
    bindEditableFields(update, t);
    update.bind(u":updatedAt"_s, t.updatedAt)
        .bind(u":rev"_s, t.rev)
        .bind(u":id"_s, t.id)
        .bind(u":expectedVersion"_s, expectedVersion)
        .exec();
    return update.rowsAffected() == 1;
}

bool TemplateRepository::lock(const QUuid &id, qint64 rev) const
{
    SqlStatement update = m_db.prepare(
        u"UPDATE templates SET locked = 1, rev = :rev WHERE id = :id AND locked = 0"_s);
    update.bind(u":rev"_s, rev).bind(u":id"_s, id).exec();
    return update.rowsAffected() == 1;
}

bool TemplateRepository::removeUnlocked(const VoucherTemplate &t, qint64 rev) const
{
    SqlStatement remove = m_db.prepare(u"DELETE FROM templates WHERE id = :id AND locked = 0"_s);
    remove.bind(u":id"_s, t.id).exec();
    if (remove.rowsAffected() != 1)
        return false;
    m_db.prepare(u"INSERT INTO tombstones (entity, id, partner_id, rev) "
                 u"VALUES ('template', :id, :partnerId, :rev)"_s)
        .bind(u":id"_s, t.id)
        .bind(u":partnerId"_s, t.partnerId)
        .bind(u":rev"_s, rev)
        .exec();
    return true;
}
