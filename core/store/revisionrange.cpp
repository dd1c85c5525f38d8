#include "core/store/revisionrange.h"

#include "core/store/database.h"

using namespace Qt::StringLiterals;

SqlStatement RevisionRange::select(const Database &db, const QString &select, const QString &rev,
                                   const QString &partnerCondition) const
{
    const bool onePartner = !partnerId.isNull();
    SqlStatement query = db.prepare(select + u"WHERE %1 > :after AND %1 <= :upTo"_s.arg(rev) +
                                    (onePartner ? u" AND "_s + partnerCondition : QString()));
    query.bind(u":after"_s, after).bind(u":upTo"_s, upTo);
    if (onePartner)
        query.bind(u":partnerId"_s, partnerId);
    query.exec();
    return query;
}
