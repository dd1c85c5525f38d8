#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/statusstyle.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The templates table model: lazy pages over TemplateRepository, the filter, and what each
// column shows.
class TestTemplateTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fetchesAPageAtATime();
    void columnsAndRoles();
    void filtersNarrowTheRows();
    void reloadKeepsLoadedRowsAndSeesChanges();
    void rowOfLoadsFurtherPages();
    void fetchUntilStopsAtItsBound();
    void failedReadOffersNoMore();

private:
    TemplateFilter partnerA() const
    {
        TemplateFilter filter;
        filter.partnerId = m_ws->partnerA.id;
        return filter;
    }

    std::unique_ptr<TestWorkspace> m_ws;
};

void TestTemplateTableModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTemplateTableModel::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
}

void TestTemplateTableModel::cleanup()
{
    m_ws.reset();
}

void TestTemplateTableModel::fetchesAPageAtATime()
{
    for (int i = 0; i < 120; ++i) {
        m_ws->createTemplate(u"Template %1"_s.arg(i, 3, 10, QChar(u'0')));
        m_ws->advance(60);
    }
    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(partnerA());
    QCOMPARE(model.totalCount(), 120);
    QCOMPARE(model.rowCount(), TemplateTableModel::PageSize);
    QCOMPARE(model.index(0, TemplateTableModel::Name).data().toString(), u"Template 119"_s);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * TemplateTableModel::PageSize);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(119, TemplateTableModel::Name).data().toString(), u"Template 000"_s);
    model.fetchMore({}); // nothing more: no change
    QCOMPARE(model.rowCount(), 120);
}

void TestTemplateTableModel::columnsAndRoles()
{
    const VoucherTemplate specific = m_ws->createTemplate(u"Trial CVM"_s);
    m_ws->advance(60);
    const VoucherTemplate universal =
        m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    m_ws->submit(universal.id);

    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProductScope(ProductScope::load(m_ws->db(), m_ws->now()));
    model.setFilter(partnerA());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(TemplateTableModel::ColumnCount));
    QCOMPARE(model.headerData(TemplateTableModel::Scope, Qt::Horizontal).toString(), u"Scope"_s);

    auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    // Newest first: the universal one.
    QCOMPARE(cell(0, TemplateTableModel::Name).toString(), u"Universal 5k"_s);
    QCOMPARE(cell(0, TemplateTableModel::Name, ItemRoles::Id).toUuid(), universal.id);
    QCOMPARE(cell(0, TemplateTableModel::Kind).toString(), u"Universal"_s);
    QCOMPARE(cell(0, TemplateTableModel::FaceValue).toString(),
             DisplayFormat::money(500000, u"CNY"_s));
    QCOMPARE(cell(0, TemplateTableModel::Scope).toString(), u"All except blocklist"_s);
    const QString tip = cell(0, TemplateTableModel::Scope, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"Domain Registration"_s) && tip.contains(u"Applicable products (41)"_s),
             qPrintable(tip));
    QCOMPARE(cell(0, TemplateTableModel::State).toString(), u"Locked"_s);
    QCOMPARE(cell(0, TemplateTableModel::State, ItemRoles::BadgeColor).value<QColor>(),
             StatusStyle::lockedColor());
    QVERIFY(cell(0, TemplateTableModel::Name, Qt::DecorationRole).isValid()); // the lock
    QCOMPARE(cell(0, TemplateTableModel::State, Qt::ToolTipRole).toString(),
             u"Locked: an application was submitted"_s);

    QCOMPARE(cell(1, TemplateTableModel::Name, ItemRoles::Id).toUuid(), specific.id);
    QCOMPARE(cell(1, TemplateTableModel::Kind).toString(), u"Specific"_s);
    QCOMPARE(cell(1, TemplateTableModel::Validity).toString(), u"30 days"_s);
    QCOMPARE(cell(1, TemplateTableModel::Scope).toString(),
             u"Cloud Virtual Machine, Cloud Object Storage"_s);
    QCOMPARE(cell(1, TemplateTableModel::State).toString(), u"Editable"_s);
    QCOMPARE(cell(1, TemplateTableModel::State, ItemRoles::BadgeColor).value<QColor>(),
             StatusStyle::editableColor());
    QVERIFY(!cell(1, TemplateTableModel::Name, Qt::DecorationRole).isValid());
    QCOMPARE(cell(1, TemplateTableModel::Created).toString(),
             DisplayFormat::date(specific.createdAt));
    QCOMPARE(cell(1, TemplateTableModel::FaceValue, ItemRoles::SortValue).toLongLong(), 100000);
    QVERIFY(!model.templateAt(2));
    QCOMPARE(model.templateAt(1)->id, specific.id);
}

void TestTemplateTableModel::filtersNarrowTheRows()
{
    m_ws->createTemplate(u"Trial CVM"_s);
    m_ws->advance(2 * 86400);
    const QDateTime second = m_ws->now();
    const VoucherTemplate universal =
        m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal);
    m_ws->submit(universal.id);
    m_ws->createTemplate(u"Partner B's"_s, VoucherKind::Specific, 100000, &m_ws->managerB);

    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 3); // a reviewer's view: every partner's
    model.setFilter(partnerA());
    QCOMPARE(model.rowCount(), 2);

    TemplateFilter filter = partnerA();
    filter.nameContains = u"TRIAL"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Trial CVM"_s);

    filter = partnerA();
    filter.kind = VoucherKind::Universal;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Universal 5k"_s);

    filter = partnerA();
    filter.locked = false;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Trial CVM"_s);

    filter = partnerA();
    filter.createdFrom = second;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totalCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Universal 5k"_s);
    QCOMPARE(model.filter().createdFrom, second);
}

void TestTemplateTableModel::reloadKeepsLoadedRowsAndSeesChanges()
{
    for (int i = 0; i < 60; ++i)
        m_ws->createTemplate(u"T%1"_s.arg(i));
    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(partnerA());
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 60);
    m_ws->createTemplate(u"Another"_s);
    model.reload();
    QCOMPARE(model.totalCount(), 61);
    QVERIFY(model.rowCount() >= 60);
}

void TestTemplateTableModel::rowOfLoadsFurtherPages()
{
    const VoucherTemplate oldest = m_ws->createTemplate(u"Oldest"_s);
    for (int i = 0; i < 70; ++i) {
        m_ws->advance(1);
        m_ws->createTemplate(u"T%1"_s.arg(i));
    }
    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(partnerA());
    QCOMPARE(model.rowCount(), TemplateTableModel::PageSize);
    QCOMPARE(model.rowOf(oldest.id), 70);
    QCOMPARE(model.rowCount(), 71);
    QCOMPARE(model.rowOf(QUuid::createUuid()), -1);
}

void TestTemplateTableModel::fetchUntilStopsAtItsBound()
{
    const VoucherTemplate oldest = m_ws->createTemplate(u"Oldest"_s);
    for (int i = 0; i < 119; ++i) {
        m_ws->advance(1);
        m_ws->createTemplate(u"T%1"_s.arg(i));
    }
    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(partnerA());
    QCOMPARE(model.loadedRow(oldest.id), -1); // not loaded, and looking does not load it
    QCOMPARE(model.rowCount(), TemplateTableModel::PageSize);
    // A page at a time until the bound is reached: 100 rows hold no "Oldest".
    QCOMPARE(model.fetchUntil(oldest.id, 60), -1);
    QCOMPARE(model.rowCount(), 2 * TemplateTableModel::PageSize);
    QCOMPARE(model.fetchUntil(oldest.id, 1000), 119);
    QCOMPARE(model.rowCount(), 120);
    QCOMPARE(model.loadedRow(oldest.id), 119);
    QCOMPARE(model.fetchUntil(QUuid::createUuid(), 1000), -1);
}

void TestTemplateTableModel::failedReadOffersNoMore()
{
    const VoucherTemplate oldest = m_ws->createTemplate(u"Oldest"_s);
    for (int i = 0; i < 119; ++i) {
        m_ws->advance(1);
        m_ws->createTemplate(u"T%1"_s.arg(i));
    }
    TemplateTableModel model(m_ws->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &TemplateTableModel::loadFailed);
    model.setFilter(partnerA());
    QVERIFY(model.canFetchMore({}));

    StoreProbe::exec(m_ws->db(), u"ALTER TABLE templates RENAME TO templates_away"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"prepare failed: no such table"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"reading templates failed"_s));
    model.fetchMore({});
    QCOMPARE(failed.size(), 1);
    QVERIFY(!model.errorMessage().isEmpty());
    QCOMPARE(model.rowCount(), TemplateTableModel::PageSize); // what was read stays
    QCOMPARE(model.totalCount(), 120);
    // A view scrolling on, or a search, does not retry the failing read again and again.
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.fetchUntil(oldest.id, 1000), -1);
    QCOMPARE(failed.size(), 1);

    // Refresh reads again once the store is back.
    StoreProbe::exec(m_ws->db(), u"ALTER TABLE templates_away RENAME TO templates"_s);
    model.reload();
    QVERIFY(model.errorMessage().isEmpty());
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.fetchUntil(oldest.id, 1000), 119);
}

QTEST_MAIN(TestTemplateTableModel)
#include "tst_templatetablemodel.moc"
