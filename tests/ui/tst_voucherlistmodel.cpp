#include "core/commands/customercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/vouchercommands.h"
#include "core/demo/bulkvouchergenerator.h"
#include "core/queries/voucherlistquery.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/statusstyle.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFutureWatcher>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The Vendor Voucher List model: the session's scope, what each column shows (badge, balance
// bar, "—" before issue), lazy pages that follow one another without gaps, sorting by the
// columns that have a key (every row once and in order across pages, also where the rows without
// a voucher meet those with one), the count that arrives from a worker thread (and a stale count
// that never arrives), a refresh that reads only up to the kept row and a page more, and, once a
// worker has read where the pages end, a model that spans every row and reads the pages shown
// (any row, the last included, in every sort; a bounded number of pages kept; refreshed rows
// that moved; ends of an older filter discarded).
class TestVoucherListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void modelTester();
    void partnerSeesOnlyItsRows();
    void columnsAndRoles();
    void fetchMoreReadsFollowingPages();
    void countArrivesFromAWorker();
    void newerFilterDiscardsOlderCount();
    void sortByColumns();
    void sortAcrossPages_data();
    void sortAcrossPages();
    void unsortableColumnsKeepTheOrder();
    void filterNarrows();
    void refreshReadsUpToTheKeptRow();
    void fetchUntilFindsARow();
    void spansEveryRowOnceTheEndsAreRead_data();
    void spansEveryRowOnceTheEndsAreRead();
    void keepsABoundedNumberOfPages();
    void endsOfAnOlderFilterAreDiscarded();
    void spanningRowsFindAndFetch();
    void refreshWhileSpanningKeepsTheSizeUntilTheEndsAreReadAgain();

private:
    std::unique_ptr<VoucherListModel> model(const Actor &actor);
    QList<QUuid> ids(const VoucherListModel &model) const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_managerSession, m_reviewerSession;
    QUuid m_pending, m_partial, m_rejected;
    qint64 m_all = 0;
};

void TestVoucherListModel::initTestCase()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    // Bulk rows first, so that the hand-made ones are the newest.
    BulkOptions options;
    options.vouchers = 3 * VoucherListModel::PageSize + 37;
    options.partners = 4;
    options.customers = 60;
    options.now = m_ws->now().addSecs(-3600);
    const auto generated = BulkVoucherGenerator(m_ws->db(), options).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));

    const QUuid spec = m_ws->createTemplate(u"Trial CVM 1000"_s).id;
    m_pending = m_ws->submit(spec);
    m_ws->advance(60);
    m_partial = m_ws->submit(spec);
    const QUuid voucherId = m_ws->approve(m_partial);
    m_ws->advance(60);
    m_rejected = m_ws->submit(spec);
    QVERIFY(ReviewCommands(*m_ws->context(m_ws->reviewer)).reject(m_rejected, u"no"_s).ok());

    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = m_ws->customerA.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 30000;
    const auto paid = VoucherCommands(*m_ws->context(m_ws->managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));

    m_managerSession = m_ws->session(m_ws->managerA);
    m_reviewerSession = m_ws->session(m_ws->reviewer);
    m_all = VoucherListQuery(m_ws->db(), {}).count(m_ws->now());
    QVERIFY(m_all > 3 * VoucherListModel::PageSize);
}

std::unique_ptr<VoucherListModel> TestVoucherListModel::model(const Actor &actor)
{
    Session &session = actor.isPartnerManager() ? *m_managerSession : *m_reviewerSession;
    return std::make_unique<VoucherListModel>(session);
}

QList<QUuid> TestVoucherListModel::ids(const VoucherListModel &model) const
{
    QList<QUuid> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(ItemRoles::Id).toUuid());
    return result;
}

void TestVoucherListModel::modelTester()
{
    auto m = model(m_ws->reviewer);
    QAbstractItemModelTester tester(m.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(m->totalCount(), m_all);
    m->fetchMore({});
    m->sort(VoucherListModel::CustomerColumn, Qt::AscendingOrder);
    m->fetchMore({});
    VoucherListFilter filter;
    filter.status = VoucherListStatus::Unused;
    m->setFilter(filter);
    m->refresh();
    filter.text = u"no such thing"_s;
    m->setFilter(filter);
    QCOMPARE(m->rowCount(), 0);
    m->setFilter({});
    QCOMPARE(m->rowCount(), VoucherListModel::PageSize);
    QTRY_COMPARE(m->totalCount(), m_all);
}

void TestVoucherListModel::partnerSeesOnlyItsRows()
{
    auto m = model(m_ws->managerA);
    VoucherListFilter scope;
    scope.partnerId = m_ws->partnerA.id;
    const qint64 ownRows = VoucherListQuery(m_ws->db(), scope).count(m_ws->now());
    QVERIFY(ownRows > 3 && ownRows < m_all);
    QCOMPARE(m->scopedFilter().partnerId, m_ws->partnerA.id);
    while (m->canFetchMore({}))
        m->fetchMore({});
    QCOMPARE(m->rowCount(), ownRows);
    for (int row = 0; row < m->rowCount(); ++row)
        QCOMPARE(m->rowAt(row).partnerId, m_ws->partnerA.id);
    QCOMPARE(ids(*m).mid(0, 3), (QList<QUuid>{m_rejected, m_partial, m_pending}));
    QTRY_COMPARE(m->totalCount(), ownRows);

    // A partnerId in the filter cannot widen or move the scope.
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerB.id;
    m->setFilter(filter);
    QCOMPARE(m->scopedFilter().partnerId, m_ws->partnerA.id);
    QCOMPARE(m->rowAt(0).partnerId, m_ws->partnerA.id);

    QCOMPARE(model(m_ws->reviewer)->scopedFilter().partnerId, QUuid());
}

void TestVoucherListModel::columnsAndRoles()
{
    auto m = model(m_ws->managerA);
    const int partial = m->rowOf(m_partial);
    const int pending = m->rowOf(m_pending);
    QVERIFY(partial >= 0 && pending >= 0);
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return m->index(row, column).data(role);
    };
    const auto row = VoucherListQuery(m_ws->db(), {}).row(m_partial);
    QVERIFY(row);
    QCOMPARE(cell(partial, VoucherListModel::CodeColumn).toString(), row->voucherCode);
    QVERIFY(row->voucherCode.startsWith(u"VV"_s));
    QCOMPARE(cell(partial, VoucherListModel::CustomerColumn).toString(),
             u"Acme Test Co (100000001)"_s);
    QCOMPARE(cell(partial, VoucherListModel::KindColumn).toString(), u"Specific"_s);
    QCOMPARE(cell(partial, VoucherListModel::KindColumn, Qt::ToolTipRole).toString(),
             voucherKindDisplayName(VoucherKind::Specific));
    QCOMPARE(cell(partial, VoucherListModel::FaceColumn).toString(),
             DisplayFormat::money(100000, u"CNY"_s));
    QCOMPARE(cell(partial, VoucherListModel::BalanceColumn).toString(),
             DisplayFormat::money(70000, u"CNY"_s));
    QCOMPARE(cell(partial, VoucherListModel::BalanceColumn, ItemRoles::Progress).toDouble(), 0.7);
    QCOMPARE(cell(partial, VoucherListModel::StatusColumn).toString(),
             voucherListStatusDisplayName(VoucherListStatus::PartiallyUsed));
    QCOMPARE(cell(partial, VoucherListModel::StatusColumn, ItemRoles::BadgeColor).value<QColor>(),
             StatusStyle::color(VoucherListStatus::PartiallyUsed));
    QVERIFY(!cell(partial, VoucherListModel::CodeColumn, ItemRoles::BadgeColor).isValid());
    QCOMPARE(cell(partial, VoucherListModel::TemplateColumn).toString(), u"Trial CVM 1000"_s);
    QCOMPARE(cell(partial, VoucherListModel::AppliedColumn).toString(),
             DisplayFormat::dateTime(row->appliedAt));
    QCOMPARE(cell(partial, VoucherListModel::ExpiresColumn).toString(),
             DisplayFormat::date(row->expiresAt));
    for (int column = 0; column < VoucherListModel::ColumnCount; ++column)
        QCOMPARE(cell(partial, column, ItemRoles::Id).toUuid(), m_partial);
    QVERIFY(cell(partial, VoucherListModel::BalanceColumn, Qt::TextAlignmentRole)
                .value<Qt::Alignment>()
                .testFlag(Qt::AlignRight));

    // Before issue: no code, balance, bar or expiry.
    QCOMPARE(cell(pending, VoucherListModel::CodeColumn).toString(), u"—"_s);
    QCOMPARE(cell(pending, VoucherListModel::BalanceColumn).toString(), u"—"_s);
    QVERIFY(!cell(pending, VoucherListModel::BalanceColumn, ItemRoles::Progress).isValid());
    QCOMPARE(cell(pending, VoucherListModel::ExpiresColumn).toString(), u"—"_s);
    QCOMPARE(cell(pending, VoucherListModel::StatusColumn).toString(),
             voucherListStatusDisplayName(VoucherListStatus::PendingReview));
    QCOMPARE(cell(pending, VoucherListModel::CodeColumn, Qt::AccessibleTextRole).toString(),
             u"No voucher yet"_s);

    QCOMPARE(m->headerData(VoucherListModel::CustomerColumn, Qt::Horizontal).toString(),
             u"Customer (UIN)"_s);
    QCOMPARE(
        m->headerData(VoucherListModel::KindColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
        u"The list cannot be sorted by this column"_s);
}

void TestVoucherListModel::fetchMoreReadsFollowingPages()
{
    auto m = model(m_ws->reviewer);
    QCOMPARE(m->rowCount(), VoucherListModel::PageSize);
    QVERIFY(m->canFetchMore({}));
    QSignalSpy inserted(m.get(), &QAbstractItemModel::rowsInserted);
    m->fetchMore({});
    QCOMPARE(m->rowCount(), 2 * VoucherListModel::PageSize);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), VoucherListModel::PageSize);

    while (m->canFetchMore({}))
        m->fetchMore({});
    QCOMPARE(m->rowCount(), m_all);
    // Every row once, in the list's order (newest first).
    QList<QUuid> expected;
    for (const VoucherListRow &row : VoucherListQuery(m_ws->db(), {}).page(0, 10000, m_ws->now()))
        expected.append(row.applicationId);
    QCOMPARE(ids(*m), expected);
    QCOMPARE(ids(*m).constFirst(), m_rejected);
}

void TestVoucherListModel::countArrivesFromAWorker()
{
    auto m = model(m_ws->reviewer);
    QSignalSpy counted(m.get(), &VoucherListModel::totalCountChanged);
    VoucherListFilter filter;
    filter.kind = VoucherKind::Universal;
    m->setFilter(filter);
    // Announced as running at once; the rows are there before the count.
    QCOMPARE(m->totalCount(), -1);
    QVERIFY(m->isCounting());
    QVERIFY(m->rowCount() > 0);
    QCOMPARE(counted.constLast().at(0).toLongLong(), -1);
    const qint64 expected = VoucherListQuery(m_ws->db(), m->scopedFilter()).count(m_ws->now());
    QTRY_COMPARE(m->totalCount(), expected);
    QVERIFY(!m->isCounting());
    QCOMPARE(counted.constLast().at(0).toLongLong(), expected);
    QVERIFY(expected > 0 && expected < m_all);
}

void TestVoucherListModel::newerFilterDiscardsOlderCount()
{
    auto m = model(m_ws->reviewer);
    QTRY_COMPARE(m->totalCount(), m_all);
    QSignalSpy counted(m.get(), &VoucherListModel::totalCountChanged);
    VoucherListFilter first;
    first.kind = VoucherKind::Universal;
    VoucherListFilter second;
    second.kind = VoucherKind::Specific;
    m->setFilter(first);
    m->setFilter(second);
    const qint64 expected = VoucherListQuery(m_ws->db(), m->scopedFilter()).count(m_ws->now());
    QTRY_COMPARE(m->totalCount(), expected);
    // Let the first count end too (its watcher goes away): its result is never announced.
    QTRY_COMPARE(m->findChildren<QFutureWatcherBase *>().size(), 0);
    QList<qint64> announced;
    for (const auto &arguments : std::as_const(counted))
        announced.append(arguments.at(0).toLongLong());
    QCOMPARE(announced, (QList<qint64>{-1, -1, expected}));
}

void TestVoucherListModel::sortByColumns()
{
    auto m = model(m_ws->reviewer);
    m->sort(VoucherListModel::CustomerColumn, Qt::AscendingOrder);
    QCOMPARE(m->listSort(), (VoucherListSort{VoucherListSortKey::Customer, false}));
    QCOMPARE(m->rowCount(), VoucherListModel::PageSize);
    m->fetchMore({});
    QString previous;
    for (int row = 0; row < m->rowCount(); ++row) {
        const QString name = m->rowAt(row).customerName;
        QVERIFY2(previous <= name, qPrintable(previous + u" > "_s + name));
        previous = name;
    }

    m->sort(VoucherListModel::FaceColumn, Qt::DescendingOrder);
    qint64 face = std::numeric_limits<qint64>::max();
    for (int row = 0; row < m->rowCount(); ++row) {
        QVERIFY(m->rowAt(row).faceValueMinor <= face);
        face = m->rowAt(row).faceValueMinor;
    }
    for (int column : {VoucherListModel::CodeColumn, VoucherListModel::CustomerColumn,
                       VoucherListModel::FaceColumn, VoucherListModel::BalanceColumn,
                       VoucherListModel::AppliedColumn, VoucherListModel::ExpiresColumn})
        QCOMPARE(VoucherListModel::columnOf(*VoucherListModel::sortKey(column)), column);
}

void TestVoucherListModel::sortAcrossPages_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    for (const auto &[column, name] : {std::pair{int(VoucherListModel::BalanceColumn), "balance"},
                                       std::pair{int(VoucherListModel::ExpiresColumn), "expires"},
                                       std::pair{int(VoucherListModel::CodeColumn), "code"}}) {
        QTest::addRow("%s ascending", name) << column << false;
        QTest::addRow("%s descending", name) << column << true;
    }
}

// The columns that are empty until a voucher is issued: pages follow one another through ties
// (many vouchers share a balance) and across the rows without a voucher, which SQLite sorts
// first in ascending and last in descending order.
void TestVoucherListModel::sortAcrossPages()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    auto m = model(m_ws->reviewer);
    m->sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(m->rowCount(), VoucherListModel::PageSize);
    int pages = 1;
    while (m->canFetchMore({})) {
        m->fetchMore({});
        ++pages;
    }
    QVERIFY(pages >= 4);
    QCOMPARE(m->rowCount(), m_all);

    // Every row exactly once.
    const QList<QUuid> listed = ids(*m);
    QCOMPARE(QSet<QUuid>(listed.cbegin(), listed.cend()).size(), m_all);

    // In order: the rows without a value together, then (or before) the values in the sort's
    // direction, ties in the direction of their ids.
    const auto value = [column](const VoucherListRow &row) -> QVariant {
        if (!row.isIssued())
            return {};
        if (column == VoucherListModel::BalanceColumn)
            return row.balanceMinor;
        if (column == VoucherListModel::ExpiresColumn)
            return row.expiresAt;
        return row.voucherCode;
    };
    int withoutValue = 0;
    for (int row = 1; row < m->rowCount(); ++row) {
        const VoucherListRow &before = m->rowAt(row - 1);
        const VoucherListRow &after = m->rowAt(row);
        const QVariant a = value(before);
        const QVariant b = value(after);
        withoutValue += b.isValid() ? 0 : 1;
        const QString where = u"rows %1 and %2"_s.arg(row - 1).arg(row);
        if (a.isValid() != b.isValid()) {
            // The one place where the groups meet: NULL first when ascending.
            QVERIFY2(a.isValid() == descending, qPrintable(where));
            continue;
        }
        const QPartialOrdering order =
            a.isValid() ? QVariant::compare(a, b) : QPartialOrdering::Equivalent;
        QVERIFY2(order != QPartialOrdering::Unordered, qPrintable(where));
        if (order == QPartialOrdering::Equivalent) {
            const QString idA = before.applicationId.toString(QUuid::WithoutBraces);
            const QString idB = after.applicationId.toString(QUuid::WithoutBraces);
            QVERIFY2(descending ? idA > idB : idA < idB, qPrintable(where));
        } else {
            QVERIFY2(order == (descending ? QPartialOrdering::Greater : QPartialOrdering::Less),
                     qPrintable(where));
        }
    }
    // Both groups are there, each over more than one page boundary's worth of rows.
    QVERIFY(withoutValue > 3);
    QVERIFY(withoutValue < m_all - VoucherListModel::PageSize);
}

void TestVoucherListModel::unsortableColumnsKeepTheOrder()
{
    auto m = model(m_ws->reviewer);
    const QList<QUuid> before = ids(*m);
    QSignalSpy reset(m.get(), &QAbstractItemModel::modelReset);
    for (int column : {VoucherListModel::KindColumn, VoucherListModel::StatusColumn,
                       VoucherListModel::TemplateColumn}) {
        QVERIFY(!VoucherListModel::sortKey(column));
        m->sort(column, Qt::AscendingOrder);
    }
    QCOMPARE(reset.size(), 0);
    QCOMPARE(ids(*m), before);
    QCOMPARE(m->listSort(), VoucherListSort());
}

void TestVoucherListModel::filterNarrows()
{
    auto m = model(m_ws->managerA);
    const auto check = [&](const VoucherListFilter &filter, const QUuid &included) {
        m->setFilter(filter);
        while (m->canFetchMore({}))
            m->fetchMore({});
        QList<QUuid> expected;
        for (const VoucherListRow &row :
             VoucherListQuery(m_ws->db(), m->scopedFilter()).page(0, 10000, m_ws->now()))
            expected.append(row.applicationId);
        QCOMPARE(ids(*m), expected);
        QVERIFY(ids(*m).contains(included));
        QVERIFY(m->rowCount() < m_all);
        QTRY_COMPARE(m->totalCount(), expected.size());
    };
    VoucherListFilter filter;
    filter.positiveBalance = true;
    check(filter, m_partial);
    for (int row = 0; row < m->rowCount(); ++row)
        QVERIFY(m->rowAt(row).balanceMinor > 0);
    QVERIFY(m->rowOf(m_pending) < 0);
    filter = {};
    filter.status = VoucherListStatus::Rejected;
    check(filter, m_rejected);
    QVERIFY(m->rowOf(m_partial) < 0);
    filter = {};
    filter.text = u"acme"_s;
    check(filter, m_pending);
}

void TestVoucherListModel::refreshReadsUpToTheKeptRow()
{
    auto m = model(m_ws->reviewer);
    m->fetchMore({});
    m->fetchMore({});
    QCOMPARE(m->rowCount(), 3 * VoucherListModel::PageSize);
    QSignalSpy reset(m.get(), &QAbstractItemModel::modelReset);
    const auto firstIds = [&](int rows) {
        QList<QUuid> expected;
        for (const VoucherListRow &row :
             VoucherListQuery(m_ws->db(), {}).page(0, rows, m_ws->now()))
            expected.append(row.applicationId);
        return expected;
    };

    // Nothing to keep: the first page, however many rows were loaded.
    m->refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m->rowCount(), VoucherListModel::PageSize);
    QVERIFY(m->canFetchMore({}));

    // The kept row and a page more; the following rows load again as before.
    m->refresh(150);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(m->rowCount(), 151 + VoucherListModel::PageSize);
    QCOMPARE(ids(*m), firstIds(151 + VoucherListModel::PageSize));
    QVERIFY(m->canFetchMore({}));
    m->fetchMore({});
    QCOMPARE(m->rowCount(), 151 + 2 * VoucherListModel::PageSize);
    QCOMPARE(ids(*m), firstIds(m->rowCount()));

    // However far down the kept row is, a refresh reads at most MaxRefreshRows.
    QCOMPARE(VoucherListModel::refreshRows(-1), VoucherListModel::PageSize);
    QCOMPARE(VoucherListModel::refreshRows(0), VoucherListModel::PageSize + 1);
    QCOMPARE(VoucherListModel::refreshRows(VoucherListModel::MaxRefreshRows),
             VoucherListModel::MaxRefreshRows);
    QCOMPARE(VoucherListModel::refreshRows(std::numeric_limits<int>::max()),
             VoucherListModel::MaxRefreshRows);
    QVERIFY(m_all < VoucherListModel::MaxRefreshRows);
    m->refresh(std::numeric_limits<int>::max());
    QCOMPARE(m->rowCount(), m_all);
    QVERIFY(!m->canFetchMore({}));
    QTRY_COMPARE(m->totalCount(), m_all);
}

void TestVoucherListModel::fetchUntilFindsARow()
{
    auto m = model(m_ws->reviewer);
    const QUuid oldest = VoucherListQuery(m_ws->db(), {}, {VoucherListSortKey::AppliedAt, false})
                             .page(0, 1, m_ws->now())
                             .constFirst()
                             .applicationId;
    QCOMPARE(m->rowOf(oldest), -1);
    // Limited: not read beyond the limit.
    QCOMPARE(m->fetchUntil(oldest, 2 * VoucherListModel::PageSize), -1);
    QCOMPARE(m->rowCount(), 2 * VoucherListModel::PageSize);
    QCOMPARE(m->fetchUntil(oldest, 100000), int(m_all) - 1);
}

void TestVoucherListModel::spansEveryRowOnceTheEndsAreRead_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addRow("applied, newest first") << int(VoucherListModel::AppliedColumn) << true;
    for (const auto &[column, name] :
         {std::pair{int(VoucherListModel::BalanceColumn), "balance"},
          std::pair{int(VoucherListModel::CodeColumn), "code"},
          std::pair{int(VoucherListModel::CustomerColumn), "customer"},
          std::pair{int(VoucherListModel::FaceColumn), "face"},
          std::pair{int(VoucherListModel::ExpiresColumn), "expires"}}) {
        QTest::addRow("%s ascending", name) << column << false;
        QTest::addRow("%s descending", name) << column << true;
    }
}

// Every row in the sort's order, read from the end first: each page opens at the end of the one
// before it as the worker read them, across ties and the rows without a voucher.
void TestVoucherListModel::spansEveryRowOnceTheEndsAreRead()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    auto m = model(m_ws->reviewer);
    QAbstractItemModelTester tester(m.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy read(m.get(), &VoucherListModel::pageEndsRead);
    m->sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QVERIFY(!m->spansAllRows());
    const int loaded = m->rowCount(); // the first page, and more the tester fetched
    QVERIFY(loaded >= VoucherListModel::PageSize && loaded < m_all);
    QSignalSpy inserted(m.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(read.wait());
    QVERIFY(m->spansAllRows());
    QCOMPARE(m->rowCount(), m_all);
    QVERIFY(!m->canFetchMore({}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), loaded);
    QCOMPARE(inserted.at(0).at(2).toInt(), int(m_all) - 1);

    QList<QUuid> expected;
    for (const VoucherListRow &row :
         VoucherListQuery(m_ws->db(), {}, m->listSort()).page(0, 10000, m_ws->now()))
        expected.append(row.applicationId);
    QCOMPARE(m->rowAt(int(m_all) - 1).applicationId, expected.constLast());
    QList<QUuid> listed(m_all);
    for (int row = int(m_all) - 1; row >= 0; --row)
        listed[row] = m->index(row, 0).data(ItemRoles::Id).toUuid();
    QCOMPARE(listed, expected);
}

void TestVoucherListModel::keepsABoundedNumberOfPages()
{
    auto m = model(m_ws->reviewer);
    QTRY_VERIFY(m->spansAllRows());
    m->setLoadedPageLimit(2);
    const int pages = int((m_all + VoucherListModel::PageSize - 1) / VoucherListModel::PageSize);
    QVERIFY(pages > 3);
    for (int row = 0; row < m_all; ++row)
        QVERIFY(m->index(row, 0).data(ItemRoles::Id).isValid());
    QCOMPARE(m->loadedPageCount(), 2);
    // A page read again after it was dropped is the same page.
    QCOMPARE(m->index(0, 0).data(ItemRoles::Id).toUuid(), m_rejected);
    QCOMPARE(m->loadedPageCount(), 2);
}

void TestVoucherListModel::endsOfAnOlderFilterAreDiscarded()
{
    auto m = model(m_ws->reviewer);
    VoucherListFilter kind;
    kind.kind = VoucherKind::Universal;
    m->setFilter(kind);
    m->setFilter({}); // while the ends of the first filter are read
    QSignalSpy read(m.get(), &VoucherListModel::pageEndsRead);
    QTRY_VERIFY(m->spansAllRows());
    QCOMPARE(read.size(), 1);
    QCOMPARE(m->rowCount(), m_all);
    QCOMPARE(m->rowAt(0).applicationId, m_rejected);

    // A filter whose first page holds every row needs no ends.
    VoucherListFilter rejected;
    rejected.status = VoucherListStatus::Rejected;
    m->setFilter(rejected);
    QVERIFY(!m->spansAllRows());
    QTRY_VERIFY(!m->isCounting());
    QVERIFY(!read.wait(100));
    QVERIFY(!m->spansAllRows());
    QVERIFY(m->rowCount() < VoucherListModel::PageSize);
}

void TestVoucherListModel::spanningRowsFindAndFetch()
{
    auto m = model(m_ws->reviewer);
    QTRY_VERIFY(m->spansAllRows());
    const QUuid oldest = VoucherListQuery(m_ws->db(), {}, {VoucherListSortKey::AppliedAt, false})
                             .page(0, 1, m_ws->now())
                             .constFirst()
                             .applicationId;
    QCOMPARE(m->rowOf(oldest), -1); // not read yet
    QCOMPARE(m->fetchUntil(oldest, 2 * VoucherListModel::PageSize), -1);
    QCOMPARE(m->fetchUntil(oldest, 100000), int(m_all) - 1);
    QCOMPARE(m->rowOf(oldest), int(m_all) - 1);
    const int middle = 2 * VoucherListModel::PageSize + 5;
    const QUuid id = m->rowAt(middle).applicationId;
    QCOMPARE(m->rowNear(id, middle + VoucherListModel::PageSize), middle);
    QCOMPARE(m->rowNear(id, middle + 2 * VoucherListModel::PageSize), -1);
}

// The last test: it adds rows.
void TestVoucherListModel::refreshWhileSpanningKeepsTheSizeUntilTheEndsAreReadAgain()
{
    auto m = model(m_ws->reviewer);
    QTRY_VERIFY(m->spansAllRows());
    const int kept = 3 * VoucherListModel::PageSize + 10;
    const QUuid id = m->rowAt(kept).applicationId;

    const QUuid spec = m_ws->createTemplate(u"Trial CVM 2000"_s).id;
    m_ws->advance(60);
    const QUuid newest = m_ws->submit(spec);
    m_ws->advance(60);
    const QUuid newer = m_ws->submit(spec);
    m_all += 2;
    QSignalSpy reset(m.get(), &QAbstractItemModel::modelReset);
    QSignalSpy read(m.get(), &VoucherListModel::pageEndsRead);
    m->refresh(kept);
    QCOMPARE(reset.size(), 1);
    QVERIFY(m->spansAllRows());
    QCOMPARE(m->rowCount(), m_all - 2); // the old size and ends until the worker has read them
    // Read with the refresh, still where the old ends put it; the first page shows the new rows.
    QCOMPARE(m->rowOf(id), kept);
    QCOMPARE(m->rowAt(0).applicationId, newer);
    QVERIFY(read.wait());
    QCOMPARE(m->rowCount(), m_all);
    QCOMPARE(m->rowAt(kept + 2).applicationId, id); // moved by the two new rows above it
    QCOMPARE(m->rowAt(1).applicationId, newest);
    QCOMPARE(m->rowAt(int(m_all) - 1).applicationId,
             VoucherListQuery(m_ws->db(), {}, {VoucherListSortKey::AppliedAt, false})
                 .page(0, 1, m_ws->now())
                 .constFirst()
                 .applicationId);
}

QTEST_MAIN(TestVoucherListModel)
#include "tst_voucherlistmodel.moc"
