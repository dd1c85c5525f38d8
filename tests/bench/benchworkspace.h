#pragma once

#include <QJsonObject>
#include <QString>

// The workspace the bench measures: reused when it holds vouchers, otherwise generated like
// `voucherdesk-demo --vouchers N --partners P --customers C --fast-passwords`.
class BenchWorkspace
{
public:
    // False with a message when it can be neither opened nor created.
    static bool ensure(const QString &path, qint64 vouchers, int partners, int customers,
                       QString *error);
    // {path, vouchers, customers, partners, applications}: what it holds.
    static QJsonObject describe(const QString &path);
};
