#pragma once

#include "core/domain/product.h"

#include <QList>
#include <QStringList>

class Database;

// The product catalogue and blocklist shipped with VoucherDesk (resources/catalogue), installed
// into a new store as its catalogue and blocklist revision 1.
class Catalogue
{
public:
    static const Catalogue &shipped();
    // Null catalogue with a message when the JSON is not a catalogue.
    static Catalogue fromJson(const QByteArray &json, QString *errorMessage);

    bool isEmpty() const { return m_products.isEmpty(); }
    QList<Product> products() const { return m_products; }
    QStringList blocklist() const { return m_blocklist; }

    // Installs products and the first blocklist revision into a store that has none, in one
    // transaction. Throws StoreError.
    void installIfEmpty(const Database &db) const;

private:
    QList<Product> m_products;
    QStringList m_blocklist;
};
