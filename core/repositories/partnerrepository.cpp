#include "core/repositories/partnerrepository.h"

#include "core/store/database.h"
#include "core/store/sqldialect.h"

using namespace Qt::StringLiterals;

namespace {
const QString kColumns = u"id, name, quota_minor, issued_minor, currency, created_at, rev"_s;

Partner readPartner(const SqlStatement &row)
{
    Partner partner;
    partner.id = row.uuid(0);
    partner.name = row.text(1);
    partner.quotaMinor = row.int64(2);
    partner.issuedMinor = row.int64(3);
    partner.currency = row.text(4);
    partner.createdAt = row.time(5);
    partner.rev = row.int64(6);
    return partner;
}
} // namespace

std::optional<Partner> PartnerRepository::find(const QUuid &id) const
{
    return findWhere(u"id = :value"_s, SqlStatement::fromUuid(id), false);
}

std::optional<Partner> PartnerRepository::findForUpdate(const QUuid &id) const
{
    return findWhere(u"id = :value"_s, SqlStatement::fromUuid(id), true);
}

std::optional<Partner> PartnerRepository::findByName(const QString &name) const
{
    return findWhere(u"lower(name) = lower(:value)"_s, name, false);
}

std::optional<Partner> PartnerRepository::findWhere(const QString &where, const QVariant &value,
                                                    bool forUpdate) const
{
    SqlStatement query = m_db.prepare(u"SELECT "_s + kColumns + u" FROM partners WHERE "_s + where +
                                      (forUpdate ? m_db.dialect().forUpdateSql() : QString()));
    query.bind(u":value"_s, value).exec();
    if (!query.next())
        return std::nullopt;
    return readPartner(query);
}

QList<Partner> PartnerRepository::all() const
{
    SqlStatement query =
        m_db.prepare(u"SELECT "_s + kColumns + u" FROM partners ORDER BY lower(name)"_s);
    query.exec();
    QList<Partner> partners;
    while (query.next())
        partners.append(readPartner(query));
    return partners;
}

void PartnerRepository::insert(const Partner &partner) const
{
    m_db.prepare(u"INSERT INTO partners (id, name, quota_minor, issued_minor, currency, "
                 u"created_at, rev) VALUES (:id, :name, :quota, :issued, :currency, :createdAt, "
                 u":rev)"_s)
        .bind(u":id"_s, partner.id)
        .bind(u":name"_s, partner.name)
        .bind(u":quota"_s, partner.quotaMinor)
        .bind(u":issued"_s, partner.issuedMinor)
        .bind(u":currency"_s, partner.currency)
        .bind(u":createdAt"_s, partner.createdAt)
        .bind(u":rev"_s, partner.rev)
        .exec();
}

void PartnerRepository::setQuota(const QUuid &id, qint64 quotaMinor, qint64 rev) const
{
    m_db.prepare(u"UPDATE partners SET quota_minor = :quota, rev = :rev WHERE id = :id"_s)
        .bind(u":quota"_s, quotaMinor)
        .bind(u":rev"_s, rev)
        .bind(u":id"_s, id)
        .exec();
}

bool PartnerRepository::reserveIssue(const QUuid &id, qint64 faceValueMinor, qint64 rev) const
{
    SqlStatement update =
        m_db.prepare(u"UPDATE partners SET issued_minor = issued_minor + :face, rev = :rev "
                     u"WHERE id = :id AND quota_minor - issued_minor >= :face"_s);
    update.bind(u":face"_s, faceValueMinor).bind(u":rev"_s, rev).bind(u":id"_s, id).exec();
    return update.rowsAffected() == 1;
}

void PartnerRepository::releaseIssued(const QUuid &id, qint64 amountMinor, qint64 rev) const
{
    m_db.prepare(u"UPDATE partners SET issued_minor = issued_minor - :amount, rev = :rev "
                 u"WHERE id = :id"_s)
        .bind(u":amount"_s, amountMinor)
        .bind(u":rev"_s, rev)
        .bind(u":id"_s, id)
        .exec();
}
