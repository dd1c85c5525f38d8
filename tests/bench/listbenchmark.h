#pragma once

#include "core/queries/voucherlistfilter.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

class Database;
class Session;
class VoucherListModel;

// The Vendor Voucher List of one session (a reviewer sees every partner, a partner manager one
// partner): the first page after each filter change through the real VoucherListModel beside
// the same SQL run directly, jumping to any row (and to the last one), the total count, and
// scrolling.
// Figures are added to `figures` under "<group>/<scope>/<filter>".
class ListBenchmark
{
public:
    ListBenchmark(Session &session, QString scope, int runs, QJsonObject &figures);

    void firstPages();
    void lastRow();
    void counts();
    // Fetches pages as a view scrolling down would, up to `maxRows`; the peak RSS afterwards.
    void scroll(int maxRows);

private:
    struct NamedFilter
    {
        QString name;
        VoucherListFilter filter;
    };
    QList<NamedFilter> filters();
    static void waitForWorkers(VoucherListModel &model);
    QString key(const QString &group, const QString &name) const;

    Session &m_session;
    QString m_scope;
    int m_runs;
    QJsonObject &m_figures;
    QList<NamedFilter> m_filters;
};
