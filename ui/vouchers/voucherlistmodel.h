#pragma once

#include "core/queries/voucherlistfilter.h"
#include "core/queries/voucherlistrow.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class Session;
class QTimer;

// The rows of the Vendor Voucher List for the session's scope (a partner manager's partner, every
// partner for the vendor's roles), built for a million rows. After a filter change the first
// page shows at once and further pages are read as the view scrolls (canFetchMore/fetchMore,
// each page a seek after the last row rather than an OFFSET). Meanwhile a worker thread counts
// the rows (totalCountChanged()) and reads where every page ends in the sort order; with those
// the model spans every matching row (rowCount() is the total, pageEndsRead()) and reads a page
// when a row of it is first asked for, as a seek after the previous page's end: the scroll bar
// reaches any row, the last included, at the cost of one page. It keeps the pages read last
// (MaxLoadedPages). A newer filter discards the results of older workers.
class VoucherListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CodeColumn,
        PartnerColumn, // shown to reviewers and admins, who see every partner's rows
        CustomerColumn,
        KindColumn,
        FaceColumn,
        BalanceColumn,
        StatusColumn,
        TemplateColumn,
        AppliedColumn,
        ExpiresColumn,
        ColumnCount
    };

    explicit VoucherListModel(Session &session, QObject *parent = nullptr);
    ~VoucherListModel() override;

    // The user's conditions (their partnerId is ignored: the session decides the scope);
    // reloads from the first page and counts again.
    void setFilter(const VoucherListFilter &filter);
    VoucherListFilter filter() const { return m_filter; }
    // The filter with the session's scope, as the model queries it.
    VoucherListFilter scopedFilter() const;
    VoucherListSort listSort() const { return m_sort; }
    // Re-reads the first rows and counts again, e.g. after a command changed some of them:
    // the rows up to `keepRow` (the selected or last visible row) and a page more, so that the
    // kept row is still there when rows were added above it; at least a page and at most
    // MaxRefreshRows. A refresh runs on the UI thread after every command, so it never re-reads
    // the thousands of rows a user may have scrolled through: the rows beyond load again as
    // the view scrolls. Views lose their selection: keep it by id.
    void refresh(int keepRow = -1);
    // How many rows refresh(keepRow) reads.
    static int refreshRows(int keepRow);
    // Reads again which rows wait to be sent to the server (a server workspace) and repaints
    // their marker; the rows, the scroll position and the selection stay.
    void refreshPending();
    // Whether a command waiting for the server changed the row's application or voucher.
    bool isPending(const VoucherListRow &row) const;

    // The sort key of a column; nullopt for the columns the list cannot sort by.
    static std::optional<VoucherListSortKey> sortKey(int column);
    static int columnOf(VoucherListSortKey key);
    // The moment the statuses of the loaded rows were computed at.
    QDateTime now() const { return m_now; }

    // -1 while the count runs (or when it failed: see countFailed()).
    qint64 totalCount() const { return m_totalCount; }
    bool isCounting() const { return m_totalCount < 0 && !m_countFailed; }
    bool countFailed() const { return m_countFailed; }
    // Why the last read failed; empty after a good one.
    QString errorMessage() const { return m_error; }

    // Whether rowCount() spans every matching row (the page ends are read) rather than the rows
    // read so far.
    bool spansAllRows() const { return m_spanning; }
    // Whether a worker reads page ends (perhaps of an older filter) or is about to.
    bool isReadingPageEnds() const;
    // Reads the row's page when it is not loaded; an empty row for a row that vanished since the
    // page ends were read. The reference holds until the model reads or drops pages again.
    const VoucherListRow &rowAt(int row) const;
    // The row of a loaded application; -1 when it is not loaded.
    int rowOf(const QUuid &applicationId) const;
    // Reads pages from the first until the application is loaded, at most `maxRows` rows in all;
    // its row, or -1.
    int fetchUntil(const QUuid &applicationId, int maxRows);
    // The application's row when it is in the page of `row` or a page next to it (reading them):
    // where a row moves to when a few rows were added or removed above it; -1 otherwise.
    int rowNear(const QUuid &applicationId, int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static constexpr int PageSize = 200;
    // Ten pages: a few milliseconds of reading (the seek pages stay as cheap as the first).
    static constexpr int MaxRefreshRows = 10 * PageSize;
    // Pages kept while the model spans every row: a few screens in each direction.
    static constexpr int MaxLoadedPages = 50;
    // From the last filter change to the start of the page ends' worker.
    static constexpr int EndsDelayMs = 50;
    // How many pages are kept (tests; a machine short of memory).
    void setLoadedPageLimit(int pages);
    int loadedPageCount() const { return int(m_pages.size()); }

signals:
    // -1 when a count starts; the number of matching rows when it ends.
    void totalCountChanged(qint64 count);
    // The page ends of the current filter were read: rowCount() now spans every row (rows were
    // inserted or removed at the end, and after a refresh the rows may have moved).
    void pageEndsRead();

private:
    void reload(int rows);
    void startCount();
    void startPageEnds();
    void readPageEnds();
    void applyPageEnds(QList<VoucherListRow> ends, qint64 count);
    void resize(int rows);
    const VoucherListRow *loadedRow(int row) const;
    int rowInPage(int page, const QUuid &applicationId) const;
    QList<VoucherListRow> readPage(int page) const;
    void keepLoadedPagesBounded(int keep) const;
    QVariant displayData(const VoucherListRow &row, int column) const;

    Session &m_session;
    VoucherListFilter m_filter;
    VoucherListSort m_sort;
    QDateTime m_now;
    QList<VoucherListRow> m_rows;
    QSet<QUuid> m_pending;                // read with the rows, not at every data() call
    QHash<QUuid, QString> m_partnerNames; // for the Partner column (vendor roles)
    bool m_atEnd = true;
    bool m_announcing = false;
    QString m_error;
    qint64 m_totalCount = -1;
    bool m_countFailed = false;
    quint64 m_countGeneration = 0;
    QList<QFutureWatcherBase *> m_workers;

    struct LoadedPage
    {
        QList<VoucherListRow> rows;
        quint64 lastUse = 0;
    };
    bool m_spanning = false;
    int m_spannedRows = 0;
    QList<VoucherListRow> m_pageEnds; // the last row of each page, as the last worker read them
    quint64 m_endsGeneration = 0;
    QTimer *m_endsDelay;
    bool m_endsRunning = false;
    bool m_endsWanted = false;
    // Pages are read on demand from const data(): a cache, not the model's state.
    mutable QHash<int, LoadedPage> m_pages;
    mutable quint64 m_pageUse = 0;
    int m_loadedPageLimit = MaxLoadedPages;
};
