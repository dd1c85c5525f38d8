#pragma once

#include "core/base/result.h"
#include "core/domain/partner.h"
#include "core/domain/user.h"
#include "core/queries/voucherliststatus.h"

#include <QList>
#include <QLocale>
#include <QMap>

class Database;

// What a workspace holds, in figures: partners and their quota pools, accounts, customers,
// templates, and the Vendor Voucher List by status at a moment.
class WorkspaceSummary
{
public:
    static Result<WorkspaceSummary> load(const Database &db, const QDateTime &now);

    // A readable, translated report for the command line.
    QString toText(const QLocale &locale = QLocale()) const;

    QString location;
    QList<Partner> partners;
    QList<User> users;
    qint64 customers = 0;
    qint64 lockedTemplates = 0;
    qint64 editableTemplates = 0;
    QMap<VoucherListStatus, qint64> listRows;
    qint64 deductions = 0;
};
