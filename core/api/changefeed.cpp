#include "core/api/changefeed.h"

#include "core/api/apijson.h"
#include "core/json/jsonwriter.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

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

// A row's data in the page's form: one of the two is set.
struct RowData
{
    QJsonObject object;
    QByteArray json;

    bool isEmpty() const { return object.isEmpty() && json.isEmpty(); }
};

template<typename Entity, typename... Now>
RowData rowData(ChangeFeed::Form form, const Entity &entity, const Now &...now)
{
    if (form == ChangeFeed::Form::Objects)
        return {ApiJson::toJson(entity, now...), {}};
    // Most rows fit, so a row's buffer is allocated once.
    JsonWriter json(1024);
    ApiJson::write(json, entity, now...);
    return {{}, json.take()};
}

} // namespace

struct ChangeFeed::Rows
{
    QHash<QString, QHash<QString, RowData>> byEntity;
    const Database *db = nullptr;
    Form form = Form::Objects;

    // Empty when the row is not there (deleted since).
    RowData data(const QString &entity, const QString &id) const;
};

QJsonObject ChangeFeedPage::data(qsizetype i) const
{
    const QJsonObject &object = changes.at(i).data;
    if (!object.isEmpty() || dataJson.size() != changes.size() || dataJson.at(i).isEmpty())
        return object;
    return QJsonDocument::fromJson(dataJson.at(i)).object();
}

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

ChangeFeedPage ChangeFeed::after(qint64 since, int limit, const QDateTime &now, Form form) const
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

    // The page holds every row whose rev is in (since, nextSince]: each table's are read with
    // one query, not one per row.
    QSet<QString> entities;
    for (const Key &key : std::as_const(rows)) {
        if (!key.deleted)
            entities.insert(key.entity);
    }
    const Rows loaded = load(entities, since, page.nextSince, now, form);
    page.changes.reserve(rows.size());
    if (form == Form::Json)
        page.dataJson.reserve(rows.size());
    for (const Key &key : std::as_const(rows)) {
        ChangeFeedEntry entry{key.entity, key.id, key.rev, key.deleted, {}};
        RowData data;
        if (!key.deleted) {
            data = loaded.data(key.entity, key.id);
            // Deleted, or changed again, between the two reads: its later change comes with a
            // later revision.
            if (data.isEmpty())
                continue;
            entry.data = std::move(data.object);
        }
        page.changes.append(std::move(entry));
        if (form == Form::Json)
            page.dataJson.append(std::move(data.json));
    }
    return page;
}

ChangeFeed::Rows ChangeFeed::load(const QSet<QString> &entities, qint64 after, qint64 upTo,
                                  const QDateTime &now, Form form) const
{
    Rows rows;
    rows.db = &m_db;
    rows.form = form;
    const QUuid partnerId = m_actor.isPartnerManager() ? m_actor.partnerId : QUuid();
    auto keep = [&](const QString &entity, const auto &found, auto data) {
        QHash<QString, RowData> &byId = rows.byEntity[entity];
        byId.reserve(found.size());
        for (const auto &row : found)
            byId.insert(row.id.toString(QUuid::WithoutBraces), data(row));
    };
    auto plain = [form](const auto &row) { return rowData(form, row); };
    if (entities.contains(u"customer"_s))
        keep(u"customer"_s, CustomerRepository(m_db).revised(after, upTo, partnerId), plain);
    if (entities.contains(u"template"_s))
        keep(u"template"_s, TemplateRepository(m_db).revised(after, upTo, partnerId), plain);
    if (entities.contains(u"application"_s))
        keep(u"application"_s, ApplicationRepository(m_db).revised(after, upTo, partnerId), plain);
    if (entities.contains(u"voucher"_s)) {
        keep(u"voucher"_s, VoucherRepository(m_db).revised(after, upTo, partnerId),
             [&](const Voucher &voucher) { return rowData(form, voucher, now); });
    }
    if (entities.contains(u"deduction"_s)) {
        keep(u"deduction"_s, VoucherRepository(m_db).revisedDeductions(after, upTo, partnerId),
             plain);
    }
    if (entities.contains(u"product"_s)) {
        QHash<QString, RowData> &byCode = rows.byEntity[u"product"_s];
        for (const Product &product : ProductRepository(m_db).all())
            byCode.insert(product.code, rowData(form, product));
    }
    return rows;
}

// The entities few enough to read one by one (a partner, users, blocklist revisions) are read
// when asked for.
RowData ChangeFeed::Rows::data(const QString &entity, const QString &id) const
{
    const auto table = byEntity.constFind(entity);
    if (table != byEntity.cend()) {
        const QUuid uuid = QUuid::fromString(id);
        // The stored ids are lower-case UUID text; the map is keyed the same way.
        return table->value(uuid.isNull() ? id : uuid.toString(QUuid::WithoutBraces));
    }
    auto json = [this](const auto &found) { return found ? rowData(form, *found) : RowData(); };
    if (entity == u"partner"_s)
        return json(PartnerRepository(*db).find(QUuid::fromString(id)));
    if (entity == u"user"_s)
        return json(UserRepository(*db).find(QUuid::fromString(id)));
    if (entity == u"blocklistRevision"_s)
        return json(ProductRepository(*db).blocklistRevision(id.toInt()));
    return {};
}
