#pragma once

#include "core/domain/application.h"
#include "core/domain/customer.h"
#include "core/domain/partner.h"
#include "core/domain/voucherkind.h"
#include "core/rules/quotapool.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

class Database;
class SqlStatement;

// The reviewer's conditions on the queue; every one is optional.
struct ReviewQueueFilter
{
    QUuid partnerId; // null: every partner's
    std::optional<VoucherKind> kind;
    std::optional<qint64> minFaceMinor; // inclusive, in the template snapshot's minor units
    std::optional<qint64> maxFaceMinor; // inclusive

    friend bool operator==(const ReviewQueueFilter &, const ReviewQueueFilter &) = default;
};

// One pending application as the queue lists it.
struct ReviewQueueRow
{
    QUuid applicationId;
    QUuid partnerId;
    QString partnerName;
    QUuid customerId;
    QString customerName;
    QString customerUin;
    QString templateName;
    VoucherKind kind = VoucherKind::Specific;
    qint64 faceValueMinor = 0;
    QString currency;
    QDateTime submittedAt;
    QDateTime reviewDueAt;
    int version = 1;

    bool isOverdueAt(const QDateTime &now) const { return reviewDueAt < now; }
};

struct ReviewQueueCounts
{
    qint64 pending = 0;
    qint64 overdue = 0; // pending past their review deadline
};

// Everything a reviewer weighs before deciding one application, in any status: the window shows
// a decision someone else made meanwhile from the same read.
struct ReviewQueueDetail
{
    Application application; // with its template snapshot
    Customer customer;
    Partner partner;
    QString reviewerName; // display name of who decided, once decided
    // The partner's decided applications reviewed within RecentDays before `now`.
    qint64 recentlyApproved = 0;
    qint64 recentlyRejected = 0;

    QuotaPool quota() const { return {partner.quotaMinor, partner.issuedMinor, partner.currency}; }

    static constexpr int RecentDays = 90;
};

// Reads of the review queue: the pending applications of every partner (or one), the earliest
// review deadline first (then submission, then id), in keyset pages; their counts; and the
// detail of one application. Read-only; throws StoreError.
//
// It reads the applications with their template snapshot rows, customers and partners rather
// than the voucher_list read model: those are the tables a server workspace's replica receives
// as they are, and pending applications are few next to the whole list. The order is the
// applications_queue index (status, review_due_at, submitted_at, id); partner, kind and amount
// narrow the rows it walks.
class ReviewQueueQuery
{
public:
    explicit ReviewQueueQuery(const Database &db, ReviewQueueFilter filter = {});

    const ReviewQueueFilter &filter() const { return m_filter; }

    QList<ReviewQueueRow> firstPage(int limit) const;
    // The rows that follow `last` in queue order: a seek, so a row decided meanwhile neither
    // repeats nor hides a row of the next page.
    QList<ReviewQueueRow> pageAfter(const ReviewQueueRow &last, int limit) const;
    // Pending rows matching the filter, and how many of them are overdue at `now`.
    ReviewQueueCounts counts(const QDateTime &now) const;

    // The application in whatever status it is now; nullopt when it does not exist.
    std::optional<ReviewQueueDetail> detail(const QUuid &applicationId, const QDateTime &now) const;

private:
    QList<ReviewQueueRow> read(const QString &extraCondition, int limit,
                               const ReviewQueueRow *last) const;
    QString conditions() const;
    void bindFilter(SqlStatement &query) const;
    void readRecentDecisions(ReviewQueueDetail &detail, const QDateTime &now) const;

    const Database &m_db;
    ReviewQueueFilter m_filter;
};
