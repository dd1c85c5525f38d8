#include "ui/widgets/searchfield.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QListView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

// The search box of every list: what it announces and when (every edit, or after a pause with
// Enter at once), and Down into the result view, driven by keys.
class TestSearchField : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void isNamedAndClearable();
    void withoutDelayEveryEditIsAnnounced();
    void delayWaitsForAPauseInTyping();
    void enterSearchesAtOnce();
    void applyNowAndCancelPending();
    void blockedSignalsStartNoWait();
    void downSelectsTheFirstRow();
    void downKeepsTheSelectedRow();
    void downRunsTheWaitingSearchFirst();
    void downIntoAChecklistKeepsItsCurrentItem();
    void downWithoutAResultViewStaysInTheField();

private:
    void addView(QAbstractItemView *view);
    // A list to choose one row from, as the wizard's.
    QTableView *addTable();

    std::unique_ptr<QWidget> m_window;
    SearchField *m_field = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

void TestSearchField::init()
{
    m_window = std::make_unique<QWidget>();
    m_field = new SearchField(u"Search fruit…"_s, u"Search fruit by name"_s);
    m_model = new QStandardItemModel(m_window.get());
    for (const QString &name : {u"apple"_s, u"apricot"_s, u"banana"_s})
        m_model->appendRow(new QStandardItem(name));
    m_proxy = new QSortFilterProxyModel(m_window.get());
    m_proxy->setSourceModel(m_model);
    connect(m_field, &SearchField::searchChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    auto *layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_field);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_field->setFocus();
}

void TestSearchField::cleanup()
{
    m_window.reset();
}

void TestSearchField::addView(QAbstractItemView *view)
{
    view->setModel(m_proxy);
    m_window->layout()->addWidget(view);
    view->show();
    m_field->setResultView(view);
}

QTableView *TestSearchField::addTable()
{
    auto *view = new QTableView;
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    addView(view);
    return view;
}

void TestSearchField::isNamedAndClearable()
{
    QCOMPARE(m_field->placeholderText(), u"Search fruit…"_s);
    QCOMPARE(m_field->accessibleName(), u"Search fruit by name"_s);
    QVERIFY(m_field->isClearButtonEnabled());
    QCOMPARE(m_field->actions().size(), 1); // the search icon
    QCOMPARE(m_field->delay(), 0);
}

void TestSearchField::withoutDelayEveryEditIsAnnounced()
{
    QSignalSpy searched(m_field, &SearchField::searchChanged);
    QTest::keyClicks(m_field, u"ap"_s);
    QCOMPARE(searched.size(), 2);
    QCOMPARE(searched.last().first().toString(), u"ap"_s);
    QCOMPARE(m_proxy->rowCount(), 2);
    QVERIFY(!m_field->isPending());
    // Enter has nothing left to announce.
    QTest::keyClick(m_field, Qt::Key_Return);
    QCOMPARE(searched.size(), 2);
}

void TestSearchField::delayWaitsForAPauseInTyping()
{
    m_field->setDelay(50);
    QSignalSpy searched(m_field, &SearchField::searchChanged);
    QTest::keyClicks(m_field, u"ban"_s);
    QCOMPARE(searched.size(), 0);
    QVERIFY(m_field->isPending());
    QCOMPARE(m_proxy->rowCount(), 3);
    QVERIFY(searched.wait());
    QCOMPARE(searched.size(), 1);
    QCOMPARE(searched.first().first().toString(), u"ban"_s);
    QCOMPARE(m_proxy->rowCount(), 1);
    QVERIFY(!m_field->isPending());
}

void TestSearchField::enterSearchesAtOnce()
{
    m_field->setDelay(60000);
    QSignalSpy searched(m_field, &SearchField::searchChanged);
    QTest::keyClicks(m_field, u"apr"_s);
    QCOMPARE(searched.size(), 0);
    QTest::keyClick(m_field, Qt::Key_Return);
    QCOMPARE(searched.size(), 1);
    QCOMPARE(searched.first().first().toString(), u"apr"_s);
    QVERIFY(!m_field->isPending());
    // Enter again searches again: the list may have changed meanwhile.
    QTest::keyClick(m_field, Qt::Key_Enter);
    QCOMPARE(searched.size(), 2);
}

void TestSearchField::applyNowAndCancelPending()
{
    m_field->setDelay(60000);
    QSignalSpy searched(m_field, &SearchField::searchChanged);
    m_field->setText(u"apple"_s);
    QVERIFY(m_field->isPending());
    m_field->cancelPending();
    QVERIFY(!m_field->isPending());
    QCOMPARE(searched.size(), 0);
    m_field->clear();
    QVERIFY(m_field->isPending());
    m_field->applyNow();
    QVERIFY(!m_field->isPending());
    QCOMPARE(searched.size(), 1);
    QCOMPARE(searched.first().first().toString(), QString());
}

void TestSearchField::blockedSignalsStartNoWait()
{
    // A filter bar resets its fields under a QSignalBlocker and announces the reset once.
    QSignalSpy searched(m_field, &SearchField::searchChanged);
    {
        const QSignalBlocker blocker(m_field);
        m_field->setText(u"apple"_s);
    }
    QCOMPARE(searched.size(), 0);
    m_field->setDelay(60000);
    {
        const QSignalBlocker blocker(m_field);
        m_field->clear();
    }
    QVERIFY(!m_field->isPending());
}

void TestSearchField::downSelectsTheFirstRow()
{
    QTableView *view = addTable();
    QAbstractItemModelTester tester(m_proxy,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(m_field, u"ap"_s);
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), view);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), u"apple"_s);
    QCOMPARE(view->currentIndex().row(), 0);
}

void TestSearchField::downKeepsTheSelectedRow()
{
    QTableView *view = addTable();
    view->selectRow(2);
    m_field->setFocus();
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), view);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), u"banana"_s);
}

void TestSearchField::downRunsTheWaitingSearchFirst()
{
    m_field->setDelay(60000);
    QTableView *view = addTable();
    // Nothing matches: Down stays in the field, with the search run.
    QTest::keyClicks(m_field, u"cherry"_s);
    QCOMPARE(m_proxy->rowCount(), 3);
    QTest::keyClick(m_field, Qt::Key_Down);
    QVERIFY(!m_field->isPending());
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(QApplication::focusWidget(), m_field);

    // One match: Down goes to it, not to the first row of the list shown before.
    m_field->clear();
    m_field->applyNow();
    QTest::keyClicks(m_field, u"nan"_s);
    QCOMPARE(m_proxy->rowCount(), 3);
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(QApplication::focusWidget(), view);
    QCOMPARE(view->currentIndex().data().toString(), u"banana"_s);
    QVERIFY(view->selectionModel()->isRowSelected(0, {}));
}

void TestSearchField::downIntoAChecklistKeepsItsCurrentItem()
{
    auto *list = new QListView;
    addView(list);
    m_field->setResultView(list, SearchField::ResultEntry::FocusCurrentItem);
    // A current item the user left there stays current, and nothing is selected for it.
    list->selectionModel()->setCurrentIndex(m_proxy->index(1, 0), QItemSelectionModel::NoUpdate);
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), list);
    QCOMPARE(list->currentIndex().row(), 1);
    QVERIFY(!list->selectionModel()->hasSelection());

    // Without one, the first item becomes current.
    list->selectionModel()->clearCurrentIndex();
    m_field->setFocus();
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), list);
    QCOMPARE(list->currentIndex().row(), 0);
}

void TestSearchField::downWithoutAResultViewStaysInTheField()
{
    auto *view = new QTableView;
    view->setModel(m_proxy);
    m_window->layout()->addWidget(view);
    QTest::keyClick(m_field, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_field);
    QVERIFY(!view->selectionModel()->hasSelection());
}

QTEST_MAIN(TestSearchField)
#include "tst_searchfield.moc"
