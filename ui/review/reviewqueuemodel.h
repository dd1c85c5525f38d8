#pragma once

#include "core/queries/reviewqueuequery.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QSet>

class Session;

// The pending applications of the review queue, the earliest deadline first, read a page at a
// time as the view scrolls (canFetchMore/fetchMore, each page a seek after the last row). Rows
// whose decision went to a server and has not come back are marked "sent".
class ReviewQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueueModel)

public:
    enum Column {
        DueColumn,
        PartnerColumn,
        CustomerColumn,
        TemplateColumn,
        FaceColumn,
        SubmittedColumn,
        ColumnCount
    };

    static constexpr int PageSize = 100;

    explicit ReviewQueueModel(Session &session, QObject *parent = nullptr);

    // Reads from the first page with these conditions, and counts again.
    void setFilter(const ReviewQueueFilter &filter);
    ReviewQueueFilter filter() const { return m_filter; }
    // Re-reads the rows loaded so far (at least a page) and the counts, e.g. after a decision.
    // Views lose their selection: keep it by id.
    void refresh();

    ReviewQueueCounts counts() const { return m_counts; }
    // The moment the due texts and the overdue count were computed at.
    QDateTime now() const { return m_now; }
    // Why the last read failed; empty after a good one.
    QString errorMessage() const { return m_error; }

    const ReviewQueueRow &rowAt(int row) const { return m_rows.at(row); }
    // The row of a loaded application; -1 when it is not loaded.
    int rowOf(const QUuid &applicationId) const;

    // Applications whose decision was sent to the server and is not back yet.
    void setSent(const QSet<QUuid> &applicationIds);
    bool isSent(const QUuid &applicationId) const { return m_sent.contains(applicationId); }

    // "⚠ overdue 2d", "due today", "due in 3d": the deadline against `now`, in local days.
    static QString dueText(const QDateTime &dueAt, const QDateTime &now);
    static QColor overdueColor();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void countsChanged(const ReviewQueueCounts &counts);
    void loadFailed(const QString &message);

private:
    void reload(int rows);
    QVariant display(const ReviewQueueRow &row, int column) const;
    QString readFailure(const std::exception &error);

    Session &m_session;
    ReviewQueueFilter m_filter;
    QList<ReviewQueueRow> m_rows;
    QSet<QUuid> m_sent;
    ReviewQueueCounts m_counts;
    QDateTime m_now;
    QString m_error;
    bool m_atEnd = true;
    bool m_busy = false; // inside a reset or an insertion
};
