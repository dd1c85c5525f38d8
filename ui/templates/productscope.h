#pragma once

#include "core/domain/product.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

class Database;

// The catalogue and the blocklist in effect at one moment, as the templates page and editor
// show them: product names in the current locale, and which products a universal voucher
// approved now would pay for.
class ProductScope
{
    Q_DECLARE_TR_FUNCTIONS(ProductScope)

public:
    ProductScope() = default;
    ProductScope(QList<Product> products, QStringList blockedCodes, int blocklistRevision);
    // Throws StoreError.
    static ProductScope load(const Database &db, const QDateTime &moment);

    QList<Product> products() const { return m_products; }
    // The product's name in the current locale; the code itself when it is not in the catalogue.
    QString name(const QString &code) const;
    QStringList names(const QStringList &codes) const;
    QStringList blockedNames() const;
    // Active products that are not blocked: what a universal voucher approved now pays for.
    QStringList applicableNames() const;
    int blocklistRevision() const { return m_revision; }
    // Rich text listing the blocked and the applicable products.
    QString blocklistToolTip() const;

private:
    QList<Product> m_products;
    QStringList m_blocked;
    int m_revision = 0;
};
