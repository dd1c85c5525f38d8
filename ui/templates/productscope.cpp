#include "ui/templates/productscope.h"

#include "ui/widgets/displayformat.h"

#include "core/repositories/productrepository.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Alphabetical in the user's language, so a name is quick to find in a long list.
void sortByName(QStringList &names)
{
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
}
} // namespace

ProductScope::ProductScope(QList<Product> products, QStringList blockedCodes, int blocklistRevision)
    : m_products(std::move(products))
    , m_blocked(std::move(blockedCodes))
    , m_revision(blocklistRevision)
{}

ProductScope ProductScope::load(const Database &db, const QDateTime &moment)
{
    const ProductRepository repository(db);
    const auto blocklist = repository.blocklistAt(moment);
    return ProductScope(repository.all(), blocklist ? blocklist->productCodes : QStringList(),
                        blocklist ? blocklist->revision : 0);
}

QString ProductScope::name(const QString &code) const
{
    for (const Product &product : m_products) {
        if (product.code == code)
            return product.displayName(QLocale());
    }
    return code;
}

QStringList ProductScope::names(const QStringList &codes) const
{
    QStringList result;
    result.reserve(codes.size());
    for (const QString &code : codes)
        result.append(name(code));
    return result;
}

QStringList ProductScope::blockedNames() const
{
    QStringList result = names(m_blocked);
    sortByName(result);
    return result;
}

QStringList ProductScope::applicableNames() const
{
    QStringList result;
    for (const Product &product : m_products) {
        if (product.active && !m_blocked.contains(product.code))
            result.append(product.displayName(QLocale()));
    }
    sortByName(result);
    return result;
}

QString ProductScope::blocklistToolTip() const
{
    const QStringList blocked = blockedNames();
    const QStringList applicable = applicableNames();
    const QString blockedText =
        blocked.isEmpty() ? tr("none") : DisplayFormat::list(blocked).toHtmlEscaped();
    QString text = u"<p><b>%1</b> %2</p><p><b>%3</b> %4</p><p><i>%5</i></p>"_s.arg(
        tr("Blocked products (%1):").arg(blocked.size()), blockedText,
        tr("Applicable products (%1):").arg(applicable.size()),
        DisplayFormat::list(applicable).toHtmlEscaped(),
        tr("As of now. An issued voucher keeps the blocklist in effect when it was approved."));
    return text;
}
