#include "changefeed.h"

#include "apijson.h"
#include "applicationrepository.h"
#include "customerrepository.h"
#include "database.h"
#include "partnerrepository.h"
#include "productrepository.h"
#include "templaterepository.h"
#include "userrepository.h"
#include "voucherrepository.h"

#include <QHash>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// One table's contribution to the feed: its rows as (entity, entity_id, rev, deleted), the
// column holding the rev and the column naming the owning partner (none: everyone's).
struct Source
{
    QString select;
    QString revColumn;
    QString partnerColumn;
    QString join; // a further condition, if any
};

QList<Source> sourcesFor(const Actor &actor)
{
    const bool partnerScoped = actor.isPartnerManager();
    QList<Source> sources;
    auto add = [&](const QString &select, const QString &partnerColumn = {},
                   const QString &revColumn = u"rev"_s, const QString &join = {}) {
        sources.append({select, revColumn, partnerColumn, join});
    };
    add(u"SELECT 'partner' AS entity, id AS entity_id, rev, 0 AS deleted FROM partners"_s, u"id"_s);
    add(u"SELECT 'customer', id, rev, 0 FROM customers"_s, u"partner_id"_s);
    add(u"SELECT 'product', code, rev, 0 FROM products"_s);
    add(u"SELECT 'blocklistRevision', CAST(revision AS TEXT), rev, 0 FROM blocklist_revisions"_s);
    add(u"SELECT 'template', id, rev, 0 FROM templates"_s, u"partner_id"_s);
    add(u"SELECT 'application', id, rev, 0 FROM applications"_s, u"partner_id"_s);
    add(u"SELECT 'voucher', id, rev, 0 FROM vouchers"_s, u"partner_id"_s);
    if (partnerScoped) {
        // A deduction's partner is its voucher's. CROSS JOIN makes SQLite read the deductions
        // after the cursor first, not every deduction of the partner's vouchers.
        add(u"SELECT 'deduction', d.id, d.rev, 0 FROM deductions d CROSS JOIN vouchers v"_s,
            u"v.partner_id"_s, u"d.rev"_s, u"v.id = d.voucher_id"_s);
    } else {
        add(u"SELECT 'deduction', id, rev, 0 FROM deductions"_s);
        // Users are the staff's business; a partner manager knows itself through GET /me.
        add(u"SELECT 'user', id, rev, 0 FROM users"_s);
    }
    add(u"SELECT entity, id, rev, 1 FROM tombstones"_s, u"partner_id"_s);
    return sources;
}

} // namespace

ChangeFeed::ChangeFeed(const Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

// The keys of the rows whose rev compares (op: " > " or " = ") with bound, in rev order; all of
// them when limit is 0.
QList<ChangeFeed::Key> ChangeFeed::keys(const QString &op, qint64 bound, int limit) const
{
    const bool partnerScoped = m_actor.isPartnerManager();
    QStringList parts;
    QStringList boundNames;
    QStringList partnerNames;
    const QList<Source> sources = sourcesFor(m_actor);
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const Source &source = sources.at(i);
        // A placeholder per use: drivers differ in whether one name may appear twice.
        const QString boundName = u":b"_s + QString::number(i);
        QString part = source.select + u" WHERE "_s + source.revColumn + op + boundName;
        if (!source.join.isEmpty())
            part += u" AND "_s + source.join;
        boundNames.append(boundName);
        if (partnerScoped && !source.partnerColumn.isEmpty()) {
            const QString partnerName = u":p"_s + QString::number(i);
            part += u" AND "_s + source.partnerColumn + u" = "_s + partnerName;
            partnerNames.append(partnerName);
        }
        parts.append(part);
    }
    QString sql = parts.join(u" UNION ALL "_s) + u" ORDER BY rev, entity, entity_id"_s;
    if (limit > 0)
        sql += u" LIMIT :limit"_s;

    SqlStatement query = m_db.prepare(sql);
    for (const QString &name : std::as_const(boundNames))
        query.bind(name, bound);
    for (const QString &name : std::as_const(partnerNames))
        query.bind(name, m_actor.partnerId);
    if (limit > 0)
        query.bind(u":limit"_s, limit);
    query.exec();
    QList<Key> keys;
    while (query.next())
        keys.append({query.text(0), query.text(1), query.int64(2), query.integer(3) != 0});
    return keys;
}

ChangeFeedPage ChangeFeed::after(qint64 since, int limit, const QDateTime &now) const
{
    limit = std::clamp(limit, 1, MaxLimit);
    ChangeFeedPage page;
    QList<Key> rows = keys(u" > "_s, since, limit + 1);
    if (rows.size() > limit) {
        const qint64 cut = rows.at(limit).rev; // the first row left for the next page
        rows.resize(limit);
        while (!rows.isEmpty() && rows.constLast().rev == cut)
            rows.removeLast();
        if (rows.isEmpty()) {
            rows = keys(u" = "_s, cut, 0);
            page.hasMore = !keys(u" > "_s, cut, 1).isEmpty();
        } else {
            page.hasMore = true;
        }
    }
    page.nextSince = rows.isEmpty() ? since : rows.constLast().rev;

    std::optional<QHash<QString, Product>> products;
    for (const Key &key : std::as_const(rows)) {
        ChangeFeedEntry entry{key.entity, key.id, key.rev, key.deleted, {}};
        if (!key.deleted) {
            if (key.entity == u"product"_s && !products) {
                products.emplace();
                for (const Product &product : ProductRepository(m_db).all())
                    products->insert(product.code, product);
            }
            entry.data =
                key.entity == u"product"_s
                    ? (products->contains(key.id) ? ApiJson::toJson(products->value(key.id))
                                                  : QJsonObject())
                    : data(key, now);
            // Deleted between the two reads: its tombstone comes with a later revision.
            if (entry.data.isEmpty())
                continue;
        }
        page.changes.append(entry);
    }
    return page;
}

QJsonObject ChangeFeed::data(const Key &key, const QDateTime &now) const
{
    auto json = [](const auto &found) { return found ? ApiJson::toJson(*found) : QJsonObject(); };
    const QUuid id = QUuid::fromString(key.id);
    if (key.entity == u"partner"_s)
        return json(PartnerRepository(m_db).find(id));
    if (key.entity == u"user"_s)
        return json(UserRepository(m_db).find(id));
    if (key.entity == u"customer"_s)
        return json(CustomerRepository(m_db).find(id));
    if (key.entity == u"blocklistRevision"_s)
        return json(ProductRepository(m_db).blocklistRevision(key.id.toInt()));
    if (key.entity == u"template"_s)
        return json(TemplateRepository(m_db).find(id));
    if (key.entity == u"application"_s)
        return json(ApplicationRepository(m_db).find(id));
    if (key.entity == u"deduction"_s)
        return json(VoucherRepository(m_db).findDeduction(id));
    if (key.entity == u"voucher"_s) {
        const auto voucher = VoucherRepository(m_db).find(id);
        return voucher ? ApiJson::toJson(*voucher, now) : QJsonObject();
    }
    return {};
}
