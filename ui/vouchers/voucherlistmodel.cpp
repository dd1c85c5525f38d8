#include "ui/vouchers/voucherlistmodel.h"

#include "core/commands/session.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/storeerror.h"
#include "ui/sync/pendingmarker.h"
#include "ui/vouchers/voucherlistlog.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/statusstyle.h"

#include <QTimer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {
const QString kNone = u"—"_s;

struct PageEnds
{
    QList<VoucherListRow> ends;
    qint64 count = 0;
};
} // namespace

VoucherListModel::VoucherListModel(Session &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_endsDelay(new QTimer(this))
{
    m_endsDelay->setSingleShot(true);
    m_endsDelay->setInterval(EndsDelayMs);
    connect(m_endsDelay, &QTimer::timeout, this, &VoucherListModel::readPageEnds);
    reload(PageSize);
    startCount();
    startPageEnds();
}

VoucherListModel::~VoucherListModel()
{
    // A worker still running reads the store the session owns: let it end first.
    for (auto *watcher : std::as_const(m_workers))
        watcher->waitForFinished();
}

VoucherListFilter VoucherListModel::scopedFilter() const
{
    VoucherListFilter filter = m_filter;
    const Actor actor = m_session.actor();
    // A manager sees its own partner's rows whatever the filter says; a vendor role the
    // partner it chose, or every partner's.
    if (actor.isPartnerManager())
        filter.partnerId = actor.partnerId;
    return filter;
}

void VoucherListModel::setFilter(const VoucherListFilter &filter)
{
    if (filter == m_filter && m_error.isEmpty())
        return;
    m_filter = filter;
    reload(PageSize);
    startCount();
    startPageEnds();
}

void VoucherListModel::refresh(int keepRow)
{
    if (!m_spanning) {
        reload(refreshRows(keepRow));
        startCount();
        startPageEnds();
        return;
    }
    // Spanning every row, the model keeps its size and the page ends until a worker has read
    // them again (the scroll position stays); the pages around the kept row are read now, so
    // that a view finds its selected row there when it has moved by a few rows.
    m_announcing = true;
    beginResetModel();
    m_now = m_session.now();
    m_error.clear();
    m_pages.clear();
    m_pending = PendingMarker::ids(m_session.pendingIds()); // empty when it cannot be read
    if (keepRow >= 0 && keepRow < m_spannedRows) {
        for (const int page : {keepRow / PageSize - 1, keepRow / PageSize, keepRow / PageSize + 1})
            rowInPage(page, {});
    }
    endResetModel();
    m_announcing = false;
    startCount();
    startPageEnds();
}

int VoucherListModel::refreshRows(int keepRow)
{
    const qint64 wanted = qint64(std::max(keepRow, -1)) + 1 + PageSize;
    return int(std::min<qint64>(wanted, MaxRefreshRows));
}

void VoucherListModel::refreshPending()
{
    QSet<QUuid> pending = PendingMarker::ids(m_session.pendingIds());
    if (pending == m_pending)
        return;
    m_pending = std::move(pending);
    if (rowCount() > 0) {
        emit dataChanged(index(0, CodeColumn), index(rowCount() - 1, CodeColumn),
                         {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    }
}

bool VoucherListModel::isPending(const VoucherListRow &row) const
{
    return !m_pending.isEmpty() && (m_pending.contains(row.applicationId) ||
                                    (!row.voucherId.isNull() && m_pending.contains(row.voucherId)));
}

void VoucherListModel::sort(int column, Qt::SortOrder order)
{
    const auto key = sortKey(column);
    if (!key)
        return;
    const VoucherListSort sort{*key, order == Qt::DescendingOrder};
    if (sort == m_sort)
        return;
    m_sort = sort;
    reload(PageSize); // the same rows in another order: the count stands
    startPageEnds();
}

std::optional<VoucherListSortKey> VoucherListModel::sortKey(int column)
{
    switch (column) {
    case CodeColumn:
        return VoucherListSortKey::Code;
    case CustomerColumn:
        return VoucherListSortKey::Customer;
    case FaceColumn:
        return VoucherListSortKey::FaceValue;
    case BalanceColumn:
        return VoucherListSortKey::Balance;
    case AppliedColumn:
        return VoucherListSortKey::AppliedAt;
    case ExpiresColumn:
        return VoucherListSortKey::ExpiresAt;
    default:
        return std::nullopt;
    }
}

int VoucherListModel::columnOf(VoucherListSortKey key)
{
    for (int column = 0; column < ColumnCount; ++column) {
        if (sortKey(column) == key)
            return column;
    }
    return AppliedColumn;
}

void VoucherListModel::reload(int rows)
{
    // Slots of the change signals may ask for more rows while a change is being announced:
    // they get none until it is over (views fetch again when they lay out the rows).
    m_announcing = true;
    beginResetModel();
    m_now = m_session.now();
    m_error.clear();
    m_spanning = false;
    m_spannedRows = 0;
    m_pageEnds.clear();
    m_pages.clear();
    ++m_endsGeneration; // the ends a worker is reading belong to the rows before
    try {
        m_rows = VoucherListQuery(m_session.db(), scopedFilter(), m_sort).page(0, rows, m_now);
        m_pending = PendingMarker::ids(m_session.pendingIds());
        m_atEnd = m_rows.size() < rows;
        // A handful of partners, read with the rows (not a join on a million of them). A
        // manager's own only: its column is hidden, but a screen reader still reads the cells.
        m_partnerNames.clear();
        const Actor actor = m_session.actor();
        const PartnerRepository partners(m_session.db());
        if (!actor.isPartnerManager()) {
            for (const Partner &partner : partners.all())
                m_partnerNames.insert(partner.id, partner.name);
        } else if (const std::optional<Partner> own = partners.find(actor.partnerId)) {
            m_partnerNames.insert(own->id, own->name);
        }
    } catch (const StoreError &error) {
        qCWarning(lcVoucherList) << "reading the list failed:" << error.what();
        m_rows.clear();
        m_atEnd = true;
        m_error = tr("The list could not be read from the workspace.");
    }
    endResetModel();
    m_announcing = false;
}

void VoucherListModel::startCount()
{
    const quint64 generation = ++m_countGeneration;
    m_totalCount = -1;
    m_countFailed = false;
    emit totalCountChanged(-1);

    const Database *db = &m_session.db();
    const VoucherListFilter filter = scopedFilter();
    const QDateTime now = m_now;
    auto *watcher = new QFutureWatcher<std::optional<qint64>>(this);
    m_workers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        m_workers.removeOne(watcher);
        watcher->deleteLater();
        if (generation != m_countGeneration)
            return; // a newer filter is being counted
        const std::optional<qint64> count = watcher->result();
        m_countFailed = !count;
        m_totalCount = count.value_or(-1);
        emit totalCountChanged(m_totalCount);
    });
    // The store gives the worker thread a connection of its own.
    watcher->setFuture(QtConcurrent::run([db, filter, now]() -> std::optional<qint64> {
        try {
            return VoucherListQuery(*db, filter).count(now);
        } catch (const StoreError &error) {
            qCWarning(lcVoucherList) << "counting the list failed:" << error.what();
            return std::nullopt;
        } catch (const std::exception &error) {
            // result() would rethrow it in the UI thread: a count that failed, as any other.
            qCWarning(lcVoucherList) << "counting the list failed unexpectedly:" << error.what();
            return std::nullopt;
        } catch (...) {
            qCWarning(lcVoucherList) << "counting the list failed unexpectedly";
            return std::nullopt;
        }
    }));
}

// The pass starts a moment after the last change: the first page is painted before a worker
// competes for the cores, and a filter typed letter by letter reads the ends of the last one only.
void VoucherListModel::startPageEnds()
{
    ++m_endsGeneration;
    if (!m_spanning && m_atEnd) {
        m_endsWanted = false; // every row is loaded
        m_endsDelay->stop();
        return;
    }
    m_endsDelay->start();
}

bool VoucherListModel::isReadingPageEnds() const
{
    return m_endsRunning || m_endsDelay->isActive();
}

void VoucherListModel::readPageEnds()
{
    // One pass at a time: a million rows keep a core busy for ~0.4 s.
    if (m_endsRunning) {
        m_endsWanted = true;
        return;
    }
    m_endsRunning = true;
    m_endsWanted = false;
    const quint64 generation = m_endsGeneration;
    const Database *db = &m_session.db();
    const VoucherListFilter filter = scopedFilter();
    const VoucherListSort sort = m_sort;
    const QDateTime now = m_now;
    auto *watcher = new QFutureWatcher<std::optional<PageEnds>>(this);
    m_workers.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        m_workers.removeOne(watcher);
        watcher->deleteLater();
        m_endsRunning = false;
        const std::optional<PageEnds> result = watcher->result();
        if (generation == m_endsGeneration && result)
            applyPageEnds(result->ends, result->count);
        else if (m_endsWanted)
            readPageEnds();
    });
    watcher->setFuture(QtConcurrent::run([db, filter, sort, now]() -> std::optional<PageEnds> {
        try {
            PageEnds result;
            result.ends =
                VoucherListQuery(*db, filter, sort).pageEnds(PageSize, now, &result.count);
            return result;
        } catch (const StoreError &error) {
            // The list goes on loading page after page as the view scrolls.
            qCWarning(lcVoucherList) << "reading the page ends failed:" << error.what();
            return std::nullopt;
        } catch (const std::exception &error) {
            qCWarning(lcVoucherList)
                << "reading the page ends failed unexpectedly:" << error.what();
            return std::nullopt;
        }
    }));
}

void VoucherListModel::applyPageEnds(QList<VoucherListRow> ends, qint64 count)
{
    const int rows = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (!m_spanning) {
        // The pages read so far end where the worker's pages end (the same rows: any change
        // since would have reset the model and discarded these ends); they stay loaded.
        for (qsizetype first = 0, page = 0; first < m_rows.size(); first += PageSize, ++page)
            m_pages.insert(int(page), {m_rows.mid(first, PageSize), ++m_pageUse});
        m_spannedRows = int(m_rows.size());
        m_rows.clear();
        m_spanning = true;
        m_pageEnds = std::move(ends);
        resize(rows);
        keepLoadedPagesBounded(-1);
    } else {
        // Read again after a refresh: rows may have moved from one page to the next.
        m_pageEnds = std::move(ends);
        m_pages.clear();
        resize(rows);
        if (rows > 0)
            emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
    emit pageEndsRead();
}

void VoucherListModel::resize(int rows)
{
    m_announcing = true;
    if (rows > m_spannedRows) {
        beginInsertRows({}, m_spannedRows, rows - 1);
        m_spannedRows = rows;
        endInsertRows();
    } else if (rows < m_spannedRows) {
        beginRemoveRows({}, rows, m_spannedRows - 1);
        m_spannedRows = rows;
        const int lastPage = rows > 0 ? (rows - 1) / PageSize : -1;
        m_pages.removeIf([lastPage](const auto &entry) { return entry.key() > lastPage; });
        endRemoveRows();
    }
    m_announcing = false;
}

QList<VoucherListRow> VoucherListModel::readPage(int page) const
{
    const VoucherListQuery query(m_session.db(), scopedFilter(), m_sort);
    if (page == 0)
        return query.page(0, PageSize, m_now);
    if (page - 1 >= m_pageEnds.size())
        return {};
    return query.pageAfter(m_pageEnds.at(page - 1), PageSize, m_now);
}

const VoucherListRow *VoucherListModel::loadedRow(int row) const
{
    if (!m_spanning)
        return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
    if (row < 0 || row >= m_spannedRows)
        return nullptr;
    const int page = row / PageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // One indexed seek (~1 ms), like fetchMore(): read when a view first asks for the row.
        QList<VoucherListRow> rows;
        try {
            rows = readPage(page);
        } catch (const StoreError &error) {
            qCWarning(lcVoucherList) << "reading a page failed:" << error.what();
        }
        m_pages.insert(page, {std::move(rows), 0});
        keepLoadedPagesBounded(page);
        it = m_pages.find(page);
    }
    it->lastUse = ++m_pageUse;
    const int offset = row % PageSize;
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

void VoucherListModel::setLoadedPageLimit(int pages)
{
    m_loadedPageLimit = std::max(1, pages);
    keepLoadedPagesBounded(-1);
}

void VoucherListModel::keepLoadedPagesBounded(int keep) const
{
    while (m_pages.size() > m_loadedPageLimit) {
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it.key() != keep && (oldest == m_pages.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

const VoucherListRow &VoucherListModel::rowAt(int row) const
{
    static const VoucherListRow vanished;
    const VoucherListRow *loaded = loadedRow(row);
    return loaded ? *loaded : vanished;
}

int VoucherListModel::rowOf(const QUuid &applicationId) const
{
    if (m_spanning) {
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            for (qsizetype i = 0; i < it->rows.size(); ++i) {
                if (it->rows.at(i).applicationId == applicationId)
                    return it.key() * PageSize + int(i);
            }
        }
        return -1;
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).applicationId == applicationId)
            return row;
    }
    return -1;
}

// The row of the application in the page, reading the page when it is not loaded; -1 when it
// is not there.
int VoucherListModel::rowInPage(int page, const QUuid &applicationId) const
{
    const int first = page * PageSize;
    if (page < 0 || first >= m_spannedRows || !loadedRow(first))
        return -1;
    const QList<VoucherListRow> rows = m_pages.value(page).rows;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).applicationId == applicationId)
            return first + int(i);
    }
    return -1;
}

int VoucherListModel::rowNear(const QUuid &applicationId, int row) const
{
    if (!m_spanning)
        return rowOf(applicationId);
    const int page = row / PageSize;
    for (const int near : {page, page - 1, page + 1}) {
        if (const int found = rowInPage(near, applicationId); found >= 0)
            return found;
    }
    return -1;
}

int VoucherListModel::fetchUntil(const QUuid &applicationId, int maxRows)
{
    if (m_spanning) {
        for (int first = 0; first < m_spannedRows && first < maxRows; first += PageSize) {
            if (const int found = rowInPage(first / PageSize, applicationId); found >= 0)
                return found;
        }
        return -1;
    }
    int row = rowOf(applicationId);
    while (row < 0 && canFetchMore({}) && m_rows.size() < maxRows) {
        const qsizetype before = m_rows.size();
        fetchMore({});
        for (qsizetype i = before; i < m_rows.size(); ++i) {
            if (m_rows.at(i).applicationId == applicationId)
                row = int(i);
        }
    }
    return row;
}

int VoucherListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_spanning ? m_spannedRows : int(m_rows.size());
}

int VoucherListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool VoucherListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_spanning && !m_atEnd && !m_announcing;
}

void VoucherListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QList<VoucherListRow> page;
    try {
        const VoucherListQuery query(m_session.db(), scopedFilter(), m_sort);
        page = m_rows.isEmpty() ? query.page(0, PageSize, m_now)
                                : query.pageAfter(m_rows.constLast(), PageSize, m_now);
    } catch (const StoreError &error) {
        qCWarning(lcVoucherList) << "reading a page failed:" << error.what();
        m_error = tr("The list could not be read from the workspace.");
        m_atEnd = true;
        return;
    }
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    m_announcing = true;
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows += page;
    endInsertRows();
    m_announcing = false;
}

QVariant VoucherListModel::displayData(const VoucherListRow &row, int column) const
{
    switch (column) {
    case CodeColumn:
        return row.isIssued() ? row.voucherCode : kNone;
    case PartnerColumn:
        return m_partnerNames.value(row.partnerId);
    case CustomerColumn:
        return tr("%1 (%2)").arg(row.customerName, row.customerUin);
    case KindColumn:
        // Short in the table (the full name is the tooltip and the filter's wording).
        return row.kind == VoucherKind::Universal ? tr("Universal") : tr("Specific");
    case FaceColumn:
        return DisplayFormat::money(row.faceValueMinor, row.currency);
    case BalanceColumn:
        return row.isIssued() ? DisplayFormat::money(row.balanceMinor, row.currency) : kNone;
    case StatusColumn:
        return voucherListStatusDisplayName(row.statusAt(m_now));
    case TemplateColumn:
        return row.templateName;
    case AppliedColumn:
        return DisplayFormat::dateTime(row.appliedAt);
    case ExpiresColumn:
        return row.isIssued() ? DisplayFormat::date(row.expiresAt) : kNone;
    default:
        return {};
    }
}

QVariant VoucherListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VoucherListRow *loaded = loadedRow(index.row());
    if (!loaded)
        return {}; // vanished since the page ends were read
    const VoucherListRow &row = *loaded;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::DecorationRole:
        if (column == CodeColumn && isPending(row))
            return PendingMarker::icon();
        return {};
    case Qt::AccessibleTextRole:
        if (column == CodeColumn && isPending(row)) {
            return PendingMarker::accessibleText(row.isIssued() ? row.voucherCode
                                                                : tr("No voucher yet"));
        }
        if (column == KindColumn)
            return voucherKindDisplayName(row.kind);
        if (column == CodeColumn && !row.isIssued())
            return tr("No voucher yet");
        if ((column == BalanceColumn || column == ExpiresColumn) && !row.isIssued())
            return tr("Not issued");
        return displayData(row, column);
    case Qt::ToolTipRole:
        if (column == CodeColumn && isPending(row))
            return PendingMarker::toolTip();
        if (column == CustomerColumn)
            return tr("%1\nUIN %2").arg(row.customerName, row.customerUin);
        if (column == BalanceColumn && row.isIssued()) {
            return tr("%1 left of %2")
                .arg(DisplayFormat::money(row.balanceMinor, row.currency),
                     DisplayFormat::money(row.faceValueMinor, row.currency));
        }
        if (column == ExpiresColumn && row.isIssued())
            return DisplayFormat::dateTime(row.expiresAt);
        if (column == KindColumn)
            return voucherKindDisplayName(row.kind);
        return {};
    case Qt::TextAlignmentRole:
        if (column == FaceColumn || column == BalanceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ItemRoles::Id:
        return row.applicationId;
    case ItemRoles::BadgeColor:
        if (column == StatusColumn)
            return StatusStyle::color(row.statusAt(m_now));
        return {};
    case ItemRoles::Progress:
        if (column == BalanceColumn && row.isIssued() && row.faceValueMinor > 0)
            return double(row.balanceMinor) / double(row.faceValueMinor);
        return {};
    case ItemRoles::SortValue:
        switch (column) {
        case FaceColumn:
            return row.faceValueMinor;
        case BalanceColumn:
            return row.isIssued() ? QVariant(row.balanceMinor) : QVariant();
        case AppliedColumn:
            return row.appliedAt;
        case ExpiresColumn:
            return row.isIssued() ? QVariant(row.expiresAt) : QVariant();
        default:
            return displayData(row, column);
        }
    default:
        return {};
    }
}

QVariant VoucherListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        return sortKey(section) ? tr("Click to sort by this column")
                                : tr("The list cannot be sorted by this column");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("Voucher code");
    case PartnerColumn:
        return tr("Partner");
    case CustomerColumn:
        return tr("Customer (UIN)");
    case KindColumn:
        return tr("Kind");
    case FaceColumn:
        return tr("Face value");
    case BalanceColumn:
        return tr("Balance");
    case StatusColumn:
        return tr("Status");
    case TemplateColumn:
        return tr("Template");
    case AppliedColumn:
        return tr("Applied");
    case ExpiresColumn:
        return tr("Expires");
    default:
        return {};
    }
}
