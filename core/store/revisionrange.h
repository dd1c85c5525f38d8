#pragma once

#include "core/store/sqlstatement.h"

#include <QString>
#include <QUuid>

class Database;

// The rows of one change-feed page: their rev in (after, upTo], of one partner (partnerId) or of
// every partner (a null partnerId). The repositories' revised() readers share it.
struct RevisionRange
{
    qint64 after = 0;
    qint64 upTo = 0;
    QUuid partnerId;

    // `select` (a SELECT ... FROM ... that a WHERE may follow) narrowed to the range, executed.
    // `rev` names the revision column; `partnerCondition` tests :partnerId. Throws StoreError.
    SqlStatement
    select(const Database &db, const QString &select, const QString &rev = QStringLiteral("rev"),
           const QString &partnerCondition = QStringLiteral("partner_id = :partnerId")) const;
};
