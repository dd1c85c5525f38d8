#pragma once

#include "core/base/result.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <functional>

class Database;

struct BulkOptions
{
    qint64 vouchers = 0;   // applications to add; most are approved and carry a voucher
    int partners = 50;     // partners in the workspace afterwards ("Bench Partner NN" added)
    int customers = 20000; // customers in the workspace afterwards
    quint32 seed = 2026;
    QDateTime now; // the end of the generated history; defaults to the current hour
};

// Benchmark-scale data: adds partners, customers and N applications with their vouchers and
// usage to a workspace, up to 1,000,000 in well under a minute. It writes rows directly in large
// transactions instead of one command per change, keeping every derived figure consistent (the
// voucher list, locked templates, each partner's issued sum and a quota that covers it) and
// recording one audit event for the whole import. Deterministic from the seed.
class BulkVoucherGenerator
{
public:
    // Called after each batch with the applications written so far; return false to cancel
    // (what was committed stays: every batch is consistent on its own).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    BulkVoucherGenerator(Database &db, BulkOptions options);

    // The number of applications written.
    Result<qint64> generate(const Progress &progress = {});

    static constexpr int BatchSize = 20000;
    // From this many rows on, the secondary indexes of the written tables are dropped for the
    // load and built again afterwards: building an index once is far cheaper than keeping it
    // up to date through a million random inserts.
    static constexpr qint64 SuspendIndexesFrom = 50000;

private:
    struct Plan;
    void preparePartners(Plan &plan);
    void prepareCustomers(Plan &plan);
    void writeBatch(Plan &plan, qint64 first, qint64 count);
    void settleQuotas(const Plan &plan);
    QList<QPair<QString, QString>> suspendIndexes();
    void restoreIndexes(const QList<QPair<QString, QString>> &indexes);

    Database &m_db;
    BulkOptions m_options;
    QRandomGenerator m_random;
};
