#include "core/repositories/productrepository.h"

#include "core/json/jsonfields.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {
BlocklistRevision readRevision(const SqlStatement &row)
{
    BlocklistRevision revision;
    revision.revision = row.integer(0);
    revision.effectiveAt = row.time(1);
    revision.productCodes = JsonFields::listFromText(row.text(2));
    return revision;
}
} // namespace

QList<Product> ProductRepository::all() const
{
    SqlStatement query = m_db.prepare(
        u"SELECT code, name, name_zh, category, active FROM products ORDER BY category, name"_s);
    query.exec();
    QList<Product> products;
    while (query.next()) {
        products.append(
            {query.text(0), query.text(1), query.text(2), query.text(3), query.flag(4)});
    }
    return products;
}

QSet<QString> ProductRepository::activeCodes() const
{
    SqlStatement query = m_db.prepare(u"SELECT code FROM products WHERE active = 1"_s);
    query.exec();
    QSet<QString> codes;
    while (query.next())
        codes.insert(query.text(0));
    return codes;
}

std::optional<BlocklistRevision> ProductRepository::blocklistAt(const QDateTime &moment) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT revision, effective_at, product_codes FROM blocklist_revisions "
                     u"WHERE effective_at <= :moment ORDER BY revision DESC LIMIT 1"_s);
    query.bind(u":moment"_s, moment).exec();
    if (!query.next())
        return std::nullopt;
    return readRevision(query);
}

std::optional<BlocklistRevision> ProductRepository::blocklistRevision(int revision) const
{
    SqlStatement query = m_db.prepare(u"SELECT revision, effective_at, product_codes FROM "
                                      u"blocklist_revisions WHERE revision = :revision"_s);
    query.bind(u":revision"_s, revision).exec();
    if (!query.next())
        return std::nullopt;
    return readRevision(query);
}

BlocklistRevision ProductRepository::addBlocklistRevision(const QDateTime &effectiveAt,
                                                          const QStringList &productCodes,
                                                          qint64 rev) const
{
    SqlStatement last =
        m_db.prepare(u"SELECT COALESCE(MAX(revision), 0) FROM blocklist_revisions"_s);
    last.exec();
    BlocklistRevision revision;
    revision.revision = (last.next() ? last.integer(0) : 0) + 1;
    revision.effectiveAt = effectiveAt;
    revision.productCodes = productCodes;
    m_db.prepare(u"INSERT INTO blocklist_revisions (revision, effective_at, product_codes, rev) "
                 u"VALUES (:revision, :at, :codes, :rev)"_s)
        .bind(u":revision"_s, revision.revision)
        .bind(u":at"_s, effectiveAt)
        .bind(u":codes"_s, JsonFields::listToText(productCodes))
        .bind(u":rev"_s, rev)
        .exec();
    return revision;
}
