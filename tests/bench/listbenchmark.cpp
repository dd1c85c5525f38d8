#include "tests/bench/listbenchmark.h"

#include "core/commands/session.h"
#include "core/queries/voucherlistquery.h"
#include "tests/bench/benchstats.h"
#include "tests/bench/machineinfo.h"
#include "tests/bench/rawlistsql.h"
#include "ui/vouchers/voucherlistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
void progress(const QString &line)
{
    QTextStream(stderr) << line << Qt::endl;
}

// A filter that matches nothing through an index: the untimed state every timed filter
// change starts from, so that each run really changes the filter.
VoucherListFilter emptyFilter()
{
    VoucherListFilter filter;
    filter.customerId = QUuid::fromString(u"00000000-0000-4000-8000-000000000001"_s);
    return filter;
}
// A figure beside the same SQL timed directly: its text, its median and the ratio of the two.
QJsonObject againstSql(const BenchStats &stats, const QString &sql, const BenchStats &sqlStats)
{
    QJsonObject figure = stats.toJson();
    figure[u"sql"_s] = sql;
    figure[u"sql_median_ms"_s] = sqlStats.toJson()[u"median_ms"_s];
    figure[u"ratio"_s] =
        sqlStats.median() > 0 ? std::round(stats.median() / sqlStats.median() * 100) / 100 : 0.0;
    return figure;
}
} // namespace

ListBenchmark::ListBenchmark(Session &session, QString scope, int runs, QJsonObject &figures)
    : m_session(session)
    , m_scope(std::move(scope))
    , m_runs(runs)
    , m_figures(figures)
{}

QString ListBenchmark::key(const QString &group, const QString &name) const
{
    return group + u'/' + m_scope + u'/' + name;
}

void ListBenchmark::waitForWorkers(VoucherListModel &model)
{
    // The count and the page ends run on worker threads; letting them finish keeps them out of
    // the next timing (as when a user looks at a list before changing its filter again).
    while (model.isCounting() || model.isReadingPageEnds())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// The filters of the list, with a customer, code and name taken from this session's own rows
// so that each one matches something.
QList<ListBenchmark::NamedFilter> ListBenchmark::filters()
{
    if (!m_filters.isEmpty())
        return m_filters;
    VoucherListModel model(m_session);
    waitForWorkers(model);
    const VoucherListFilter all;
    m_filters.append({u"all"_s, all});
    for (VoucherListStatus status :
         {VoucherListStatus::PendingReview, VoucherListStatus::Unused,
          VoucherListStatus::PartiallyUsed, VoucherListStatus::UsedUp, VoucherListStatus::Expired,
          VoucherListStatus::Rejected, VoucherListStatus::Cancelled,
          VoucherListStatus::Invalidated}) {
        VoucherListFilter f;
        f.status = status;
        m_filters.append({u"status_"_s + voucherListStatusToString(status), f});
    }
    const VoucherListRow *sample = nullptr;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!model.rowAt(row).voucherCode.isEmpty()) {
            sample = &model.rowAt(row);
            break;
        }
    }
    if (sample) {
        VoucherListFilter customer;
        customer.customerId = sample->customerId;
        m_filters.append({u"customer"_s, customer});
    }
    for (VoucherKind kind : {VoucherKind::Universal, VoucherKind::Specific}) {
        VoucherListFilter f;
        f.kind = kind;
        m_filters.append({u"kind_"_s + voucherKindToString(kind), f});
    }
    if (sample) {
        // The middle of a code and the start of a word inside the name: both need the
        // '%…%' scan today.
        VoucherListFilter code;
        code.text = sample->voucherCode.mid(sample->voucherCode.size() / 2 - 2, 5);
        m_filters.append({u"text_code"_s, code});
        VoucherListFilter name;
        name.text = sample->customerName.left(4);
        m_filters.append({u"text_name"_s, name});
    }
    VoucherListFilter expiring;
    expiring.expiresBefore = m_session.now().addDays(30);
    m_filters.append({u"expiring_30_days"_s, expiring});
    VoucherListFilter balance;
    balance.positiveBalance = true;
    m_filters.append({u"balance_positive"_s, balance});
    return m_filters;
}

void ListBenchmark::firstPages()
{
    VoucherListModel model(m_session);
    waitForWorkers(model);
    for (const NamedFilter &named : filters()) {
        // What the user waits for: setFilter() reads the first page on the UI thread and
        // starts the count on a worker (which is not waited for in the timing).
        const BenchStats modelStats = BenchStats::measure(
            m_runs, [&] { model.setFilter(named.filter); },
            [&] {
                waitForWorkers(model);
                model.setFilter(emptyFilter());
                waitForWorkers(model);
            });
        waitForWorkers(model);
        const VoucherListQuery query(m_session.db(), model.scopedFilter(), model.listSort());
        const QString sql = query.pageSql();
        const RawListSql raw(m_session.db(), model.scopedFilter(), model.now());
        const BenchStats sqlStats =
            BenchStats::measure(m_runs, [&] { raw.run(sql, VoucherListModel::PageSize, 0); });
        QJsonObject figure = againstSql(modelStats, sql, sqlStats);
        figure[u"rows"_s] = model.rowCount();
        m_figures[key(u"first_page"_s, named.name)] = figure;
        progress(u"first_page/%1/%2: %3 ms (sql %4 ms)"_s.arg(m_scope, named.name)
                     .arg(modelStats.median(), 0, 'f', 2)
                     .arg(sqlStats.median(), 0, 'f', 2));
    }
}

// Jumping. Once a worker has read where every page ends, the model spans every row and a jump
// reads the one page shown, as a seek after the previous page's end. Timed: from a filter change
// until the ends are read (before that the scroll bar spans the pages read so far); then, in a
// real QTableView with only the first page loaded, moving the scroll bar to the end (and to rows
// spread over the list) and painting the viewport. Beside them: reversing the sort (the last row
// first) and the deep OFFSET page a naive jump would run.
void ListBenchmark::lastRow()
{
    VoucherListModel model(m_session);
    waitForWorkers(model);
    const auto waitForEnds = [&model] {
        while (!model.spansAllRows() && model.canFetchMore({}))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    };
    const BenchStats ends = BenchStats::measure(
        m_runs,
        [&] {
            model.setFilter({});
            waitForEnds();
        },
        [&] {
            model.setFilter(emptyFilter());
            waitForWorkers(model);
        });
    waitForWorkers(model);
    QJsonObject figure = ends.toJson();
    figure[u"how"_s] = u"from VoucherListModel::setFilter until pageEndsRead (a worker thread)"_s;
    figure[u"sql"_s] =
        VoucherListQuery(m_session.db(), model.scopedFilter(), model.listSort()).pageEndsSql();
    figure[u"rows"_s] = model.rowCount();
    m_figures[key(u"jump"_s, u"ends_read"_s)] = figure;
    progress(u"jump/%1/ends_read: %2 ms"_s.arg(m_scope).arg(ends.median(), 0, 'f', 2));

    QTableView view;
    view.setModel(&model);
    view.resize(1280, 800);
    view.show();
    QScrollBar *bar = view.verticalScrollBar();
    const auto backToTheTop = [&] {
        bar->setValue(0);
        view.viewport()->grab();
        model.setLoadedPageLimit(1); // the first page only
        model.setLoadedPageLimit(VoucherListModel::MaxLoadedPages);
    };
    const auto jump = [&](double fraction) {
        bar->setValue(int(std::lround(bar->maximum() * fraction)));
        view.viewport()->grab(); // painted now, as the window would be at its next frame
    };
    if (model.spansAllRows()) {
        const BenchStats last = BenchStats::measure(
            m_runs, [&] { jump(1.0); }, backToTheTop);
        figure = last.toJson();
        figure[u"how"_s] = u"QTableView: scroll bar to its end, viewport painted (grab)"_s;
        figure[u"rows"_s] = model.rowCount();
        figure[u"loaded"_s] = !model.rowAt(model.rowCount() - 1).applicationId.isNull();
        m_figures[key(u"jump"_s, u"last_row"_s)] = figure;
        progress(u"jump/%1/last_row: %2 ms"_s.arg(m_scope).arg(last.median(), 0, 'f', 2));

        const QList<double> fractions = {0.5, 0.9, 0.1, 0.75, 0.25, 0.6, 0.35, 0.95, 0.05};
        qsizetype run = 0;
        const BenchStats any = BenchStats::measure(
            m_runs, [&] { jump(fractions.at(run++ % fractions.size())); }, backToTheTop);
        figure = any.toJson();
        figure[u"how"_s] = u"QTableView: scroll bar to 50 %, 90 %, 10 %, 75 %, … of the list, "
                           u"viewport painted"_s;
        m_figures[key(u"jump"_s, u"any_row"_s)] = figure;
        progress(u"jump/%1/any_row: %2 ms"_s.arg(m_scope).arg(any.median(), 0, 'f', 2));
    }
    view.setModel(nullptr);

    const int applied = VoucherListModel::columnOf(VoucherListSortKey::AppliedAt);
    const BenchStats reverse = BenchStats::measure(
        m_runs, [&] { model.sort(applied, Qt::AscendingOrder); },
        [&] { model.sort(applied, Qt::DescendingOrder); });
    figure = reverse.toJson();
    figure[u"how"_s] = u"VoucherListModel::sort(Applied, ascending): first page of the "
                       u"reversed order"_s;
    figure[u"sql"_s] =
        VoucherListQuery(m_session.db(), model.scopedFilter(), model.listSort()).pageSql();
    m_figures[key(u"last_row"_s, u"reverse_sort"_s)] = figure;
    progress(u"last_row/%1/reverse_sort: %2 ms"_s.arg(m_scope).arg(reverse.median(), 0, 'f', 2));

    model.sort(applied, Qt::DescendingOrder);
    const VoucherListQuery query(m_session.db(), model.scopedFilter(), model.listSort());
    const QDateTime now = m_session.now();
    const qint64 total = query.count(now);
    const int offset = int(std::max<qint64>(0, total - VoucherListModel::PageSize));
    const BenchStats deep =
        BenchStats::measure(m_runs, [&] { query.page(offset, VoucherListModel::PageSize, now); });
    figure = deep.toJson();
    figure[u"how"_s] = u"VoucherListQuery::page(count - PageSize): an OFFSET scan"_s;
    figure[u"sql"_s] = query.pageSql();
    figure[u"offset"_s] = offset;
    m_figures[key(u"last_row"_s, u"offset_page"_s)] = figure;
    progress(u"last_row/%1/offset_page: %2 ms"_s.arg(m_scope).arg(deep.median(), 0, 'f', 2));
}

void ListBenchmark::counts()
{
    VoucherListModel model(m_session);
    waitForWorkers(model);
    for (const NamedFilter &named : filters()) {
        model.setFilter(named.filter);
        waitForWorkers(model);
        const VoucherListQuery query(m_session.db(), model.scopedFilter(), model.listSort());
        const QDateTime now = model.now();
        qint64 total = 0;
        const BenchStats stats = BenchStats::measure(m_runs, [&] { total = query.count(now); });
        const QString sql = query.countSql();
        const RawListSql raw(m_session.db(), model.scopedFilter(), now);
        const BenchStats sqlStats = BenchStats::measure(m_runs, [&] { raw.run(sql); });
        QJsonObject figure = againstSql(stats, sql, sqlStats);
        figure[u"count"_s] = double(total);
        m_figures[key(u"count"_s, named.name)] = figure;
        progress(u"count/%1/%2: %3 ms (%4 rows)"_s.arg(m_scope, named.name)
                     .arg(stats.median(), 0, 'f', 2)
                     .arg(total));
    }
}

void ListBenchmark::scroll(int maxRows)
{
    QElapsedTimer timer;
    timer.start();
    VoucherListModel model(m_session);
    int pages = 0;
    while (model.rowCount() < maxRows && model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const int rows = model.rowCount();
    waitForWorkers(model);
    BenchStats stats;
    stats.add(ms);
    QJsonObject figure = stats.toJson();
    figure[u"rows"_s] = rows;
    figure[u"pages"_s] = pages;
    figure[u"per_page_ms"_s] = pages > 0 ? std::round(ms / pages * 1000) / 1000 : 0.0;
    figure[u"rss_mb"_s] = MachineInfo::currentRssMb();
    figure[u"peak_rss_mb"_s] = MachineInfo::peakRssMb();
    m_figures[key(u"scroll"_s, u"fetch_more"_s)] = figure;
    progress(u"scroll/%1/fetch_more: %2 rows in %3 ms, peak RSS %4 MB"_s.arg(m_scope)
                 .arg(rows)
                 .arg(ms, 0, 'f', 1)
                 .arg(MachineInfo::peakRssMb()));

    // Spanning every row (the page ends read), the same rows as a view shows them going down:
    // each page read when its first row is asked for, at most MaxLoadedPages kept.
    if (!model.spansAllRows())
        return;
    const int spanned = std::min(maxRows, model.rowCount());
    model.setLoadedPageLimit(1);
    model.setLoadedPageLimit(VoucherListModel::MaxLoadedPages);
    timer.restart();
    for (int row = 0; row < spanned; ++row)
        model.rowAt(row);
    const double spannedMs = double(timer.nsecsElapsed()) / 1e6;
    BenchStats spannedStats;
    spannedStats.add(spannedMs);
    figure = spannedStats.toJson();
    figure[u"rows"_s] = spanned;
    figure[u"loaded_pages"_s] = model.loadedPageCount();
    figure[u"rss_mb"_s] = MachineInfo::currentRssMb();
    figure[u"peak_rss_mb"_s] = MachineInfo::peakRssMb();
    m_figures[key(u"scroll"_s, u"spanning"_s)] = figure;
    progress(u"scroll/%1/spanning: %2 rows in %3 ms, %4 pages kept"_s.arg(m_scope)
                 .arg(spanned)
                 .arg(spannedMs, 0, 'f', 1)
                 .arg(model.loadedPageCount()));
}
