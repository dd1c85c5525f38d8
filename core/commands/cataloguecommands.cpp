#include "core/commands/cataloguecommands.h"

#include "core/base/coretr.h"
#include "core/commands/commandchecks.h"
#include "core/commands/commandcontext.h"
#include "core/repositories/productrepository.h"
#include "core/store/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

Result<BlocklistRevision>
CatalogueCommands::addBlocklistRevision(const QDateTime &effectiveAt,
                                        const QStringList &productCodes) const
{
    if (auto refused = CommandChecks::requireRole(
            m_context.actor(), Role::Admin,
            CoreTr::tr("Only an administrator can change the blocklist.")))
        return *refused;
    if (!effectiveAt.isValid()) {
        return CommandError::invalidField(u"effectiveAt"_s,
                                          CoreTr::tr("Give the time the blocklist takes effect."));
    }

    return m_context.db().write([&]() -> Result<BlocklistRevision> {
        const ProductRepository products(m_context.db());
        const QSet<QString> known = products.activeCodes();
        QStringList unknown;
        for (const QString &code : productCodes) {
            if (!known.contains(code))
                unknown.append(code);
        }
        if (!unknown.isEmpty()) {
            return CommandError::invalidField(
                u"productCodes"_s, CoreTr::tr("Not an active product of the catalogue: %1.")
                                       .arg(unknown.join(u", "_s)));
        }
        QStringList codes = productCodes;
        codes.removeDuplicates();
        codes.sort();
        const BlocklistRevision revision =
            products.addBlocklistRevision(effectiveAt, codes, m_context.db().nextRev());
        m_context.audit(u"AddBlocklistRevision"_s, u"Blocklist"_s,
                        QString::number(revision.revision),
                        {{u"revision"_s, revision.revision},
                         {u"productCodes"_s, QJsonArray::fromStringList(codes)}});
        return revision;
    });
}
