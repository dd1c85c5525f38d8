#include "core/store/catalogue.h"

#include "core/json/jsonfields.h"
#include "core/store/database.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

using namespace Qt::StringLiterals;

const Catalogue &Catalogue::shipped()
{
    static const Catalogue catalogue = [] {
        QFile file(u":/voucherdesk/catalogue/products.json"_s);
        QString error;
        Catalogue loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        if (loaded.isEmpty())
            qCCritical(lcStore) << "the shipped product catalogue cannot be read:" << error;
        return loaded;
    }();
    return catalogue;
}

Catalogue Catalogue::fromJson(const QByteArray &json, QString *errorMessage)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (errorMessage)
            *errorMessage = parseError.errorString();
        return {};
    }
    Catalogue catalogue;
    const QJsonArray products = doc.object().value(u"products"_s).toArray();
    for (const QJsonValue &value : products) {
        const QJsonObject object = value.toObject();
        Product product;
        product.code = object.value(u"code"_s).toString();
        product.name = object.value(u"name"_s).toString();
        product.nameZh = object.value(u"nameZh"_s).toString();
        product.category = object.value(u"category"_s).toString();
        product.active = object.value(u"active"_s).toBool(true);
        if (product.code.isEmpty() || product.name.isEmpty()) {
            if (errorMessage)
                *errorMessage = u"a product without code or name"_s;
            return {};
        }
        catalogue.m_products.append(product);
    }
    catalogue.m_blocklist = JsonFields::toStringList(doc.object().value(u"blocklist"_s));
    return catalogue;
}

void Catalogue::installIfEmpty(const Database &db) const
{
    const auto hasProducts = [&db] {
        SqlStatement count = db.prepare(u"SELECT COUNT(*) FROM products"_s);
        count.exec();
        return count.next() && count.int64(0) > 0;
    };
    if (hasProducts())
        return; // the usual case: no write lock taken
    SqlTransaction transaction(db);
    if (hasProducts())
        return; // another process installed it meanwhile

    for (const Product &product : m_products) {
        db.prepare(u"INSERT INTO products (code, name, name_zh, category, active, rev) "
                   u"VALUES (:code, :name, :nameZh, :category, :active, :rev)"_s)
            .bind(u":code"_s, product.code)
            .bind(u":name"_s, product.name)
            .bind(u":nameZh"_s, product.nameZh)
            .bind(u":category"_s, product.category)
            .bind(u":active"_s, product.active)
            .bind(u":rev"_s, db.nextRev())
            .exec();
    }
    db.prepare(u"INSERT INTO blocklist_revisions (revision, effective_at, product_codes, rev) "
               u"VALUES (1, :at, :codes, :rev)"_s)
        .bind(u":at"_s, QDateTime::fromMSecsSinceEpoch(0, Qt::UTC))
        .bind(u":codes"_s, JsonFields::listToText(m_blocklist))
        .bind(u":rev"_s, db.nextRev())
        .exec();
    transaction.commit();
}
