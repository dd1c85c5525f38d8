#include "core/commands/customercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/vouchercommands.h"
#include "core/demo/bulkvouchergenerator.h"
#include "core/domain/money.h"
#include "core/queries/vouchercsvexporter.h"
#include "core/queries/voucherlistquery.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/vouchers/optionaldateedit.h"
#include "ui/vouchers/voucherdetailpanel.h"
#include "ui/vouchers/voucherexportcontroller.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/vouchers/voucherlistpage.h"
#include "ui/vouchers/vouchersortmenu.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

// The Vendor Voucher List page as a partner manager (and a reviewer over bulk data) uses it:
// every filter through its widget, sorting by the header and by the keyboard's "Sort List By"
// menu, pages loaded while scrolling, the record count arriving later, the empty states,
// selection driving the detail panel, refreshes (bounded, and none while hidden), showItem, and
// the CSV export (written, filtered, cancelled, with the statuses as of the export).
// Stands in for the desktop's file opener (QDesktopServices::setUrlHandler).
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

class TestVoucherListPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsThePartnersRows();
    void everyControlIsNamed();
    void statusComboNarrows();
    void searchNarrows_data();
    void searchNarrows();
    void balanceCheckboxKeepsSpendableVouchers();
    void kindComboNarrows();
    void customerChosenFromSuggestions();
    void unknownCustomerIsSaidSo();
    void dateFilters();
    void impossibleDateRangeIsRefused();
    void noMatchOffersClearFilters();
    void emptyWorkspace();
    void dateStepStartsAtTheSessionsToday();
    void sortByClickingTheHeader();
    void unsortableHeaderKeepsTheOrder();
    void sortFromTheKeyboard();
    void scrollingReachesEveryRow();
    void countArrivesLater();
    void selectionShowsTheDetail();
    void clickBelowTheRowsClearsTheDetail();
    void screenReaderSelectionDrivesTheDetail();
    void tabLeavesTheTable();
    void elidedCellShowsItsTextAsTooltip();
    void reviewerSeesAndFiltersByPartner();
    void refreshKeepsTheSelection();
    void hiddenPageReadsOnceWhenShown();
    void refreshKeepsADeepSelection();
    void selectionFollowsItsRowWhenRowsAreAdded();
    void selectionBeyondTheRefreshStaysInTheDetail();
    void showItemClearsHidingFilters();
    void exportWritesTheFilteredList();
    void exportShowsStatusesAsOfTheExport();
    void cancelledExportLeavesNoFile();
    void exportActionAsksForAFile();
    void focusSearch();
    void tabOrder();
    void stateIsRestored();
    void screenshot();

private:
    template<typename T>
    T *child(const QString &name) const
    {
        return requireChild<T>(m_page.get(), name);
    }
    QTableView *view() const { return child<QTableView>(u"voucherTable"_s); }
    QAbstractItemModel *model() const { return view()->model(); }
    VoucherListModel *listModel() const { return m_page->findChild<VoucherListModel *>(); }
    QList<QUuid> listedIds() const;
    QString countText() const { return child<QLabel>(u"countLabel"_s)->text(); }
    QString statusLine() const { return child<QLabel>(u"statusLine"_s)->text(); }
    void openPage(Session &session);
    void clickHeader(int column);
    // Presses a mnemonic in the page's "Sort List By" menu, opened as a popup.
    void pressInSortMenu(Qt::Key key);
    // Types like a user: keys for Latin text, an input method's commit for Chinese.
    static void typeText(QWidget *widget, const QString &text);
    QStringList readCsv(const QString &path);
    Customer addCustomer(const QString &name, const QString &uin);

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<VoucherListPage> m_page;
    QTemporaryDir m_dir;
    QUuid m_pending, m_partial, m_unused, m_rejected, m_otherPartner;
    QUuid m_partialVoucher;
    Customer m_zeta, m_chinese;

    // A reviewer's view over bulk data, built once.
    std::unique_ptr<TestWorkspace> m_bulk;
};

Customer TestVoucherListPage::addCustomer(const QString &name, const QString &uin)
{
    auto ctx = m_ws->context(m_ws->managerA);
    Customer draft;
    draft.name = name;
    draft.uin = uin;
    const auto added = CustomerCommands(*ctx).addCustomer(draft);
    if (!added.ok())
        qFatal("add customer: %s", resultMessage(added).constData());
    return added.value();
}

void TestVoucherListPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The page remembers the export folder: in a settings file of the test's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_voucherlistpage"_s);
    QSettings().clear();
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_zeta = addCustomer(u"zeta labs"_s, u"700000001"_s);
    m_chinese = addCustomer(u"腾讯云测试客户"_s, u"800000001"_s);
    const QUuid spec = m_ws->createTemplate(u"Trial CVM 1000"_s).id;
    const QUuid univ = m_ws->createTemplate(u"Universal 500"_s, VoucherKind::Universal, 50000).id;

    m_pending = m_ws->submit(spec);
    m_ws->advance(3600);
    m_partial = m_ws->submit(spec, nullptr, &m_zeta);
    m_partialVoucher = m_ws->approve(m_partial);
    m_ws->advance(3600);
    m_unused = m_ws->submit(univ, nullptr, &m_chinese);
    m_ws->approve(m_unused);
    m_ws->advance(3600);
    m_rejected = m_ws->submit(spec);
    QVERIFY(ReviewCommands(*m_ws->context(m_ws->reviewer)).reject(m_rejected, u"no"_s).ok());
    const QUuid forB =
        m_ws->createTemplate(u"B template"_s, VoucherKind::Specific, 100000, &m_ws->managerB).id;
    m_otherPartner = m_ws->submit(forB, &m_ws->managerB, &m_ws->customerB);

    Deduction bill;
    bill.voucherId = m_partialVoucher;
    bill.customerId = m_zeta.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 30000;
    const auto paid = VoucherCommands(*m_ws->context(m_ws->managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));

    m_bulk = std::make_unique<TestWorkspace>();
    QVERIFY(m_bulk->isValid());
    BulkOptions options;
    options.vouchers = 5 * VoucherListModel::PageSize + 11;
    options.partners = 3;
    options.customers = 40;
    options.now = m_bulk->now();
    const auto generated = BulkVoucherGenerator(m_bulk->db(), options).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));
}

void TestVoucherListPage::init()
{
    m_session = m_ws->session(m_ws->managerA);
    openPage(*m_session);
}

void TestVoucherListPage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

void TestVoucherListPage::openPage(Session &session)
{
    m_page.reset();
    m_page = std::make_unique<VoucherListPage>(session);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

QList<QUuid> TestVoucherListPage::listedIds() const
{
    QList<QUuid> ids;
    for (int row = 0; row < model()->rowCount(); ++row)
        ids.append(model()->index(row, 0).data(ItemRoles::Id).toUuid());
    return ids;
}

void TestVoucherListPage::clickHeader(int column)
{
    QHeaderView *header = view()->horizontalHeader();
    const QPoint middle(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
}

void TestVoucherListPage::pressInSortMenu(Qt::Key key)
{
    QAction *action = m_page->menuActions().value(1);
    QVERIFY(action);
    auto *menu = action->menu<QMenu *>();
    QVERIFY(menu);
    menu->popup(m_page->mapToGlobal(QPoint(200, 200)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QTest::keyClick(menu, key);
    QTRY_VERIFY(!menu->isVisible());
}

void TestVoucherListPage::typeText(QWidget *widget, const QString &text)
{
    bool latin = true;
    for (const QChar c : text)
        latin = latin && c.unicode() < 0x80;
    if (latin) {
        QTest::keyClicks(widget, text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(widget, &commit);
}

QStringList TestVoucherListPage::readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"<cannot read>"_s};
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("\xEF\xBB\xBF"))
        return {u"<no BOM>"_s};
    return QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
}

void TestVoucherListPage::showsThePartnersRows()
{
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Newest first; partner B's application is not in A's list.
    QCOMPARE(listedIds(), (QList<QUuid>{m_rejected, m_unused, m_partial, m_pending}));
    QTRY_COMPARE(countText(), u"4 records"_s);
    QCOMPARE(m_page->title(), u"Vendor Voucher List"_s);
    QVERIFY(!child<EmptyState>(u"listEmptyState"_s)->isEmpty());
    const QHeaderView *header = view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::AppliedColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(model()->headerData(VoucherListModel::BalanceColumn, Qt::Horizontal).toString(),
             u"Balance"_s);
}

void TestVoucherListPage::everyControlIsNamed()
{
    for (QWidget *widget : m_page->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(m_page.get()))
            continue;
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
            qobject_cast<QTableView *>(widget)) {
            // The line edit inside a date field is named by the field.
            if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                continue;
            QVERIFY2(
                !widget->accessibleName().isEmpty(),
                qPrintable(u"%1 %2 has no accessible name"_s.arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
        }
    }
    const QAction *exportAction = m_page->menuActions().value(0);
    QVERIFY(exportAction);
    QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QVERIFY(exportAction->toolTip().contains(u"CSV"_s));
    QVERIFY(!child<QComboBox>(u"statusFilter"_s)->toolTip().isEmpty());
    QVERIFY(!child<QCheckBox>(u"positiveBalance"_s)->toolTip().isEmpty());
}

void TestVoucherListPage::statusComboNarrows()
{
    auto *status = child<QComboBox>(u"statusFilter"_s);
    QCOMPARE(status->count(), 9);
    QCOMPARE(status->itemText(0), u"All statuses"_s);
    status->setFocus();
    status->setCurrentIndex(
        status->findText(voucherListStatusDisplayName(VoucherListStatus::PartiallyUsed)));
    QCOMPARE(listedIds(), QList<QUuid>{m_partial});
    QTRY_COMPARE(countText(), u"1 record"_s);
    // Next one down with the keyboard: Used up, which nobody has.
    QTest::keyClick(status, Qt::Key_Down);
    QCOMPARE(status->currentText(), voucherListStatusDisplayName(VoucherListStatus::UsedUp));
    QCOMPARE(model()->rowCount(), 0);
    status->setCurrentIndex(
        status->findText(voucherListStatusDisplayName(VoucherListStatus::Rejected)));
    QCOMPARE(listedIds(), QList<QUuid>{m_rejected});
    status->setCurrentIndex(0);
    QCOMPARE(model()->rowCount(), 4);
}

void TestVoucherListPage::searchNarrows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // index into {pending, partial, unused, rejected}, -1: none
    QTest::newRow("customer name") << u"ZETA"_s << 1;
    QTest::newRow("chinese name") << u"腾讯云"_s << 2;
    QTest::newRow("UIN start") << u"8000"_s << 2;
    QTest::newRow("nothing") << u"no such customer"_s << -1;
}

void TestVoucherListPage::searchNarrows()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    auto *search = child<QLineEdit>(u"searchField"_s);
    search->setFocus();
    typeText(search, text);
    // Waits for the pause in typing.
    QCOMPARE(model()->rowCount(), 4);
    const QList<QUuid> ids{m_pending, m_partial, m_unused, m_rejected};
    const QList<QUuid> want = expected < 0 ? QList<QUuid>{} : QList<QUuid>{ids.at(expected)};
    QTRY_COMPARE(listedIds(), want);
    QTRY_COMPARE(countText(), want.isEmpty() ? u"0 records"_s : u"1 record"_s);
}

void TestVoucherListPage::balanceCheckboxKeepsSpendableVouchers()
{
    auto *balance = child<QCheckBox>(u"positiveBalance"_s);
    QCOMPARE(balance->text(), u"&Balance > 0"_s);
    QTest::mouseClick(balance, Qt::LeftButton);
    QVERIFY(balance->isChecked());
    QCOMPARE(listedIds(), (QList<QUuid>{m_unused, m_partial}));
    // The same as the store says is spendable.
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.positiveBalance = true;
    QCOMPARE(VoucherListQuery(m_ws->db(), filter).count(m_ws->now()), 2);

    // Once they expired, nothing is spendable any more.
    m_ws->advance(40 * 24 * 3600);
    m_page->refresh();
    QCOMPARE(model()->rowCount(), 0);
    QTest::mouseClick(balance, Qt::LeftButton);
    QCOMPARE(model()->rowCount(), 4);
    m_ws->setNow(TestWorkspace::defaultNow().addSecs(3 * 3600));
}

void TestVoucherListPage::kindComboNarrows()
{
    auto *kind = child<QComboBox>(u"kindFilter"_s);
    QCOMPARE(kind->count(), 3);
    kind->setCurrentIndex(kind->findText(voucherKindDisplayName(VoucherKind::Universal)));
    QCOMPARE(listedIds(), QList<QUuid>{m_unused});
    kind->setCurrentIndex(kind->findText(voucherKindDisplayName(VoucherKind::Specific)));
    QCOMPARE(listedIds(), (QList<QUuid>{m_rejected, m_partial, m_pending}));
}

void TestVoucherListPage::customerChosenFromSuggestions()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    auto *customer = child<QLineEdit>(u"customerFilter"_s);
    customer->setFocus();
    QTest::keyClicks(customer, u"zet"_s);
    QAbstractItemView *popup = customer->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->model()->index(0, 0).data().toString(), u"zeta labs (700000001)"_s);
    // Typing alone does not filter yet.
    QCOMPARE(model()->rowCount(), 4);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QVERIFY(!popup->isVisible());
    QCOMPARE(customer->text(), u"zeta labs (700000001)"_s);
    QCOMPARE(listedIds(), QList<QUuid>{m_partial});

    // Editing the text lets go of the customer.
    QTest::keyClick(customer, Qt::Key_Backspace);
    QCOMPARE(model()->rowCount(), 4);

    // Enter on a text that names one customer chooses it.
    customer->clear();
    QTest::keyClicks(customer, u"Acme"_s);
    QTest::keyClick(customer, Qt::Key_Return);
    QTRY_COMPARE(listedIds(), (QList<QUuid>{m_rejected, m_pending}));
}

void TestVoucherListPage::unknownCustomerIsSaidSo()
{
    auto *customer = child<QLineEdit>(u"customerFilter"_s);
    QTest::keyClicks(customer, u"Nobody"_s);
    QTest::keyClick(customer, Qt::Key_Return);
    FieldMessage *message = messageOf(m_page.get(), customer);
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"No customer matches “Nobody”."_s);
    QCOMPARE(model()->rowCount(), 4);
    // Customer B is another partner's: never suggested to A.
    customer->clear();
    QTest::keyClicks(customer, u"Beta"_s);
    QTest::keyClick(customer, Qt::Key_Return);
    QVERIFY(message->isVisible());
    QCOMPARE(model()->rowCount(), 4);
}

void TestVoucherListPage::dateFilters()
{
    auto *from = child<OptionalDateEdit>(u"appliedFrom"_s);
    auto *to = child<OptionalDateEdit>(u"appliedTo"_s);
    auto *expires = child<OptionalDateEdit>(u"expiresBefore"_s);
    QVERIFY(from->isAny());
    QCOMPARE(from->text(), u"Any"_s);
    const QDate today = m_ws->now().toLocalTime().date();

    from->setFocus();
    from->setDate(today.addDays(1));
    QCOMPARE(model()->rowCount(), 0);
    // Delete returns the field to "Any".
    QTest::keyClick(from, Qt::Key_Delete);
    QVERIFY(from->isAny());
    QCOMPARE(model()->rowCount(), 4);

    // Applied up to today, inclusive: every row.
    to->setDate(today);
    QCOMPARE(model()->rowCount(), 4);
    to->setDate(today.addDays(-1));
    QCOMPARE(model()->rowCount(), 0);
    to->clear();

    // Vouchers expire 30 days after issue.
    expires->setDate(today.addDays(40));
    QCOMPARE(listedIds(), (QList<QUuid>{m_unused, m_partial}));
    expires->setDate(today.addDays(2));
    QCOMPARE(model()->rowCount(), 0);
}

void TestVoucherListPage::impossibleDateRangeIsRefused()
{
    auto *from = child<OptionalDateEdit>(u"appliedFrom"_s);
    auto *to = child<OptionalDateEdit>(u"appliedTo"_s);
    const QDate today = m_ws->now().toLocalTime().date();
    to->setDate(today.addDays(-3));
    QCOMPARE(model()->rowCount(), 0);
    from->setDate(today.addDays(-1));
    FieldMessage *message = messageOf(m_page.get(), to);
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"The end date is before the start date."_s);
    // The list keeps the last possible conditions.
    QCOMPARE(model()->rowCount(), 0);
    to->setDate(today);
    QVERIFY(!message->isVisible());
    QCOMPARE(model()->rowCount(), 4);
}

void TestVoucherListPage::noMatchOffersClearFilters()
{
    auto *status = child<QComboBox>(u"statusFilter"_s);
    status->setCurrentIndex(
        status->findText(voucherListStatusDisplayName(VoucherListStatus::Invalidated)));
    auto *empty = child<EmptyState>(u"listEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No records match these filters"_s);
    QPushButton *clear = findVisible<QPushButton>(empty);
    QVERIFY(clear);
    QCOMPARE(clear->text(), u"Clear filters"_s);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(status->currentIndex(), 0);
    QVERIFY(!empty->isEmpty());
    QCOMPARE(model()->rowCount(), 4);
}

void TestVoucherListPage::emptyWorkspace()
{
    TestWorkspace fresh;
    QVERIFY(fresh.isValid());
    auto session = fresh.session(fresh.managerA);
    openPage(*session);
    auto *empty = child<EmptyState>(u"listEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No vouchers yet"_s);
    QVERIFY(empty->findChild<QLabel *>() != nullptr);
    bool hintShown = false;
    for (QLabel *label : empty->findChildren<QLabel *>())
        hintShown |= label->text() == u"Apply for a voucher from Vendor Voucher Application"_s;
    QVERIFY(hintShown);
    QTRY_COMPARE(countText(), u"0 records"_s);
    QSignalSpy requested(m_page.get(), &Page::showPageRequested);
    QPushButton *button = findVisible<QPushButton>(empty);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<Page::Id>(), Page::Id::Templates);
    m_page.reset();
}

void TestVoucherListPage::dateStepStartsAtTheSessionsToday()
{
    auto *from = child<OptionalDateEdit>(u"appliedFrom"_s);
    QVERIFY(from->isAny());
    from->setFocus();
    // Today on the session's clock (the workspace's fixed day), not the computer's.
    QTest::keyClick(from, Qt::Key_Up);
    const QDate today = m_ws->now().toLocalTime().date();
    QVERIFY(today != QDate::currentDate());
    QCOMPARE(from->optionalDate(), today);
}

void TestVoucherListPage::sortByClickingTheHeader()
{
    clickHeader(VoucherListModel::CustomerColumn);
    QHeaderView *header = view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::CustomerColumn));
    const QList<QUuid> ascending = listedIds();
    QStringList names;
    for (int row = 0; row < model()->rowCount(); ++row)
        names.append(model()->index(row, VoucherListModel::CustomerColumn).data().toString());
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
    QVERIFY(names.constFirst() != names.constLast());

    clickHeader(VoucherListModel::CustomerColumn);
    QList<QUuid> reversed = listedIds();
    // Ties (Acme's two rows) keep the id order in both directions: reversing the whole list
    // gives the other order.
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(reversed, ascending);

    clickHeader(VoucherListModel::FaceColumn);
    QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::FaceColumn));
    const QList<QUuid> byFace = listedIds();
    QVERIFY(byFace.constFirst() == m_unused || byFace.constLast() == m_unused); // the cheapest
}

void TestVoucherListPage::unsortableHeaderKeepsTheOrder()
{
    const QList<QUuid> before = listedIds();
    QHeaderView *header = view()->horizontalHeader();
    for (int column : {VoucherListModel::KindColumn, VoucherListModel::StatusColumn,
                       VoucherListModel::TemplateColumn}) {
        clickHeader(column);
        QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::AppliedColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(listedIds(), before);
    }
}

void TestVoucherListPage::sortFromTheKeyboard()
{
    QHeaderView *header = view()->horizontalHeader();
    QAction *menuAction = m_page->menuActions().value(1);
    QVERIFY(menuAction);
    QCOMPARE(menuAction->text(), u"Sort List &By"_s);
    auto *menu = m_page->findChild<VoucherSortMenu *>();
    QVERIFY(menu);
    QCOMPARE(menuAction->menu<QMenu *>(), menu);
    // One item per sortable column, and "Descending"; the list's order checked.
    for (int column = 0; column < VoucherListModel::ColumnCount; ++column)
        QCOMPARE(menu->columnAction(column) != nullptr,
                 VoucherListModel::sortKey(column).has_value());
    QVERIFY(menu->columnAction(VoucherListModel::AppliedColumn)->isChecked());
    QVERIFY(menu->descendingAction()->isChecked());
    QSignalSpy pageRequested(m_page.get(), &Page::showPageRequested);

    // C for Customer: sorted by customer, still descending, as the header shows.
    pressInSortMenu(Qt::Key_C);
    QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::CustomerColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(menu->columnAction(VoucherListModel::CustomerColumn)->isChecked());
    QVERIFY(!menu->columnAction(VoucherListModel::AppliedColumn)->isChecked());
    const auto names = [this] {
        QStringList result;
        for (int row = 0; row < model()->rowCount(); ++row)
            result.append(model()->index(row, VoucherListModel::CustomerColumn).data().toString());
        return result;
    };
    QStringList expected = names();
    std::sort(expected.begin(), expected.end(), std::greater<>());
    QCOMPARE(names(), expected);
    QVERIFY(expected.constFirst() != expected.constLast());
    // The menu lives in the main window's menu bar: its page comes to the front.
    QCOMPARE(pageRequested.size(), 1);
    QCOMPARE(pageRequested.at(0).at(0).value<Page::Id>(), Page::Id::VoucherList);

    // D turns "Descending" off: ascending, in the header too.
    pressInSortMenu(Qt::Key_D);
    QVERIFY(!menu->descendingAction()->isChecked());
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(names(), expected);

    // The other way round: a click on the header checks the menu's items.
    clickHeader(VoucherListModel::FaceColumn);
    QVERIFY(menu->columnAction(VoucherListModel::FaceColumn)->isChecked());
    QCOMPARE(menu->descendingAction()->isChecked(),
             header->sortIndicatorOrder() == Qt::DescendingOrder);
    clickHeader(VoucherListModel::FaceColumn);
    QCOMPARE(menu->descendingAction()->isChecked(),
             header->sortIndicatorOrder() == Qt::DescendingOrder);
    const bool descending = menu->descendingAction()->isChecked();
    // A column the list cannot sort by changes neither.
    clickHeader(VoucherListModel::KindColumn);
    QCOMPARE(header->sortIndicatorSection(), int(VoucherListModel::FaceColumn));
    QVERIFY(menu->columnAction(VoucherListModel::FaceColumn)->isChecked());
    QCOMPARE(menu->descendingAction()->isChecked(), descending);
    QCOMPARE(m_page->findChild<VoucherListModel *>()->listSort(),
             (VoucherListSort{VoucherListSortKey::FaceValue, descending}));
}

// Once the model has read where its pages end, the scroll bar spans every row: dragged to the
// end it shows the oldest rows, and Ctrl+End selects the last one.
void TestVoucherListPage::scrollingReachesEveryRow()
{
    auto session = m_bulk->session(m_bulk->reviewer);
    openPage(*session);
    QVERIFY(model()->rowCount() >= VoucherListModel::PageSize);
    const qint64 all = VoucherListQuery(m_bulk->db(), {}).count(m_bulk->now());
    QTRY_VERIFY(listModel()->spansAllRows());
    QCOMPARE(model()->rowCount(), all);
    const QList<VoucherListRow> oldestFirst =
        VoucherListQuery(m_bulk->db(), {}, {VoucherListSortKey::AppliedAt, false})
            .page(0, 3, m_bulk->now());

    QScrollBar *bar = view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    const int bottom = view()->rowAt(view()->viewport()->height() - 1);
    QCOMPARE(bottom, int(all) - 1);
    const QModelIndex shown = view()->indexAt(QPoint(5, view()->viewport()->height() - 2));
    QCOMPARE(shown.data(ItemRoles::Id).toUuid(), oldestFirst.at(0).applicationId);
    QCOMPARE(model()->index(bottom - 2, VoucherListModel::CodeColumn).data().toString(),
             oldestFirst.at(2).isIssued() ? oldestFirst.at(2).voucherCode : u"—"_s);

    bar->setValue(0);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view()->selectionModel()->currentIndex().row(), int(all) - 1);
    QCOMPARE(m_page->findChild<VoucherDetailPanel *>()->applicationId(),
             oldestFirst.at(0).applicationId);
    const QString pictures = qEnvironmentVariable("VD_UI_SCREENSHOTS");
    if (!pictures.isEmpty())
        QVERIFY(m_page->grab().save(QDir(pictures).filePath(u"voucherlistpage-lastrow.png"_s)));
    const QList<QUuid> ids = listedIds();
    QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), all);
    m_page.reset();
}

void TestVoucherListPage::countArrivesLater()
{
    auto session = m_bulk->session(m_bulk->reviewer);
    openPage(*session);
    const qint64 all = VoucherListQuery(m_bulk->db(), {}).count(m_bulk->now());
    // The first page is there before the count: the window never waits for it.
    QVERIFY(model()->rowCount() >= VoucherListModel::PageSize);
    QTRY_COMPARE(countText(), u"%1 records"_s.arg(QLocale().toString(all)));
    QVERIFY(all > 999); // with a group separator

    auto *status = child<QComboBox>(u"statusFilter"_s);
    status->setCurrentIndex(
        status->findText(voucherListStatusDisplayName(VoucherListStatus::Unused)));
    QCOMPARE(countText(), u"Counting…"_s);
    VoucherListFilter filter;
    filter.status = VoucherListStatus::Unused;
    const qint64 unused = VoucherListQuery(m_bulk->db(), filter).count(m_bulk->now());
    QVERIFY(unused > 0 && unused < all);
    QTRY_COMPARE(countText(), u"%1 records"_s.arg(QLocale().toString(unused)));
    m_page.reset();
}

void TestVoucherListPage::selectionShowsTheDetail()
{
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QVERIFY(detail);
    QCOMPARE(detail->applicationId(), QUuid());
    const int row = listedIds().indexOf(m_partial);
    const QRect cell = view()->visualRect(model()->index(row, VoucherListModel::CodeColumn));
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(detail->applicationId(), m_partial);
    // The keyboard moves the selection too.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(detail->applicationId(), listedIds().at(row + 1));

    // A filter that hides the selected row clears the panel.
    child<QComboBox>(u"statusFilter"_s)
        ->setCurrentIndex(child<QComboBox>(u"statusFilter"_s)
                              ->findText(voucherListStatusDisplayName(VoucherListStatus::Unused)));
    QCOMPARE(detail->applicationId(), QUuid());
}

// A click below the last row clears the selection but not Qt's current index: the detail (and
// Pay with voucher in it) must not stay on the row that was selected.
void TestVoucherListPage::clickBelowTheRowsClearsTheDetail()
{
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QVERIFY(detail);
    clickRow(view(), listedIds().indexOf(m_partial));
    QCOMPARE(detail->applicationId(), m_partial);
    auto *pay = requireByAccessibleName<QPushButton>(detail, u"Pay with voucher"_s);
    QVERIFY(pay->isVisible() && pay->isEnabled());

    const QRect last = view()->visualRect(model()->index(model()->rowCount() - 1, 0));
    QVERIFY(last.bottom() + 20 < view()->viewport()->height());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, QPoint(40, last.bottom() + 20));
    QVERIFY(!view()->selectionModel()->hasSelection());
    QCOMPARE(detail->applicationId(), QUuid());
    QVERIFY(!pay->isVisible() || !pay->isEnabled());
}

// A screen reader selects a row as QAccessibleTable::selectRow does (Table.addRowSelection),
// without moving the current index: the detail shows that row, and the arrows go on from it.
void TestVoucherListPage::screenReaderSelectionDrivesTheDetail()
{
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    clickRow(view(), 0);
    const int row = listedIds().indexOf(m_partial);
    QVERIFY(row > 0);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view());
    QVERIFY(table && table->tableInterface());
    QVERIFY(table->tableInterface()->selectRow(row));
    QCOMPARE(detail->applicationId(), m_partial);
    QCOMPARE(view()->currentIndex().row(), row);
}

// Tab leaves the table for the detail's actions after one press; the arrows move inside it.
void TestVoucherListPage::tabLeavesTheTable()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    clickRow(view(), listedIds().indexOf(m_partial));
    QTRY_VERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_Tab);
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus != view(), qPrintable(focus->objectName()));
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QVERIFY2(detail->isAncestorOf(focus), qPrintable(focus->objectName()));
}

// A name cut short ("Tri…") shows whole in its tooltip; one that fits shows none.
void TestVoucherListPage::elidedCellShowsItsTextAsTooltip()
{
    const int row = listedIds().indexOf(m_partial);
    const QModelIndex name = model()->index(row, VoucherListModel::TemplateColumn);
    const QString text = name.data().toString();
    QHeaderView *header = view()->horizontalHeader();
    header->setSectionResizeMode(VoucherListModel::TemplateColumn, QHeaderView::Interactive);
    view()->setColumnWidth(VoucherListModel::TemplateColumn, 40);
    QVERIFY(40 < view()->fontMetrics().horizontalAdvance(text));
    const QPoint at = view()->visualRect(name).center();
    QHelpEvent tip(QEvent::ToolTip, at, view()->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view()->viewport(), &tip);
    QTRY_COMPARE(QToolTip::text(), text);
    QToolTip::hideText();

    const QModelIndex kind = model()->index(row, VoucherListModel::KindColumn);
    QTRY_VERIFY(!QToolTip::isVisible());
    const QPoint kindAt = view()->visualRect(kind).center();
    QHelpEvent fits(QEvent::ToolTip, kindAt, view()->viewport()->mapToGlobal(kindAt));
    QApplication::sendEvent(view()->viewport(), &fits);
    QVERIFY(QToolTip::text() != kind.data().toString() || !QToolTip::isVisible());
}

// A reviewer sees every partner's rows: with a Partner column and a Partner filter (the list
// had neither); a partner manager has neither, its rows being all its own.
void TestVoucherListPage::reviewerSeesAndFiltersByPartner()
{
    QVERIFY(view()->isColumnHidden(VoucherListModel::PartnerColumn));
    QVERIFY(!m_page->findChild<QComboBox *>(u"partnerFilter"_s));
    // Hidden, the column is still read by a screen reader: it names the manager's own partner.
    QCOMPARE(model()->index(0, VoucherListModel::PartnerColumn).data().toString(),
             u"Demo Partner A"_s);

    auto session = m_ws->session(m_ws->reviewer);
    openPage(*session);
    QVERIFY(!view()->isColumnHidden(VoucherListModel::PartnerColumn));
    QCOMPARE(model()->headerData(VoucherListModel::PartnerColumn, Qt::Horizontal).toString(),
             u"Partner"_s);
    const auto partnerOf = [this](const QUuid &id) {
        const QList<QUuid> ids = listedIds();
        return model()->index(ids.indexOf(id), VoucherListModel::PartnerColumn).data().toString();
    };
    QCOMPARE(partnerOf(m_otherPartner), u"Demo Partner B"_s);
    QCOMPARE(partnerOf(m_pending), u"Demo Partner A"_s);

    auto *partner = child<QComboBox>(u"partnerFilter"_s);
    QCOMPARE(partner->itemText(0), u"All partners"_s);
    partner->setCurrentIndex(partner->findText(u"Demo Partner B"_s));
    QTRY_COMPARE(listedIds(), QList<QUuid>{m_otherPartner});
    QTRY_COMPARE(countText(), u"1 record"_s);
    // Clear filters shows every partner again.
    child<QToolButton>(u"clearFilters"_s)->click();
    QTRY_VERIFY(listedIds().size() > 1);
    QCOMPARE(partner->currentIndex(), 0);
}

void TestVoucherListPage::refreshKeepsTheSelection()
{
    m_page->showItem(m_partial);
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QCOMPARE(detail->applicationId(), m_partial);

    // Another window pays with the voucher: the balance changes in the list, the row stays
    // selected.
    Deduction bill;
    bill.voucherId = m_partialVoucher;
    bill.customerId = m_zeta.id;
    bill.orderId = u"ORDER-2"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 1000;
    const auto paid = VoucherCommands(*m_ws->context(m_ws->managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    const QString before =
        model()
            ->index(listedIds().indexOf(m_partial), VoucherListModel::BalanceColumn)
            .data()
            .toString();
    m_session->notifyChanged(Session::Change::Vouchers);
    const int row = listedIds().indexOf(m_partial);
    QVERIFY(model()->index(row, VoucherListModel::BalanceColumn).data().toString() != before);
    QCOMPARE(view()->selectionModel()->currentIndex().row(), row);
    QCOMPARE(detail->applicationId(), m_partial);
    QTRY_VERIFY(countText().endsWith(u"records"_s));

    // Changes to other things leave the list alone.
    QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
    m_session->notifyChanged(Session::Change::Templates);
    QCOMPARE(reset.size(), 0);
}

void TestVoucherListPage::hiddenPageReadsOnceWhenShown()
{
    m_page->showItem(m_partial);
    const auto balance = [this] {
        return model()
            ->index(listedIds().indexOf(m_partial), VoucherListModel::BalanceColumn)
            .data()
            .toString();
    };
    const QString before = balance();
    QTRY_VERIFY(countText().endsWith(u"records"_s));
    QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
    m_page->hide();

    // Another window pays, and announces it several times over: the hidden list reads nothing.
    Deduction bill;
    bill.voucherId = m_partialVoucher;
    bill.customerId = m_zeta.id;
    bill.orderId = u"ORDER-HIDDEN"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 500;
    const auto paid = VoucherCommands(*m_ws->context(m_ws->managerA)).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    m_session->notifyChanged(Session::Change::Vouchers | Session::Change::Applications);
    m_session->notifyChanged(Session::Change::Applications);
    m_page->refresh();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(balance(), before);
    QVERIFY(!countText().startsWith(u"Counting"_s));

    // Shown again: read once, the row still selected, with its new balance.
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(reset.size(), 1);
    QVERIFY(balance() != before);
    QCOMPARE(view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid(), m_partial);
    QCOMPARE(m_page->findChild<VoucherDetailPanel *>()->applicationId(), m_partial);
    // Showing it again without a change reads nothing.
    m_page->hide();
    m_page->show();
    QCOMPARE(reset.size(), 1);
}

// Spanning every row, a refresh keeps the list's size and the selection, however deep.
void TestVoucherListPage::refreshKeepsADeepSelection()
{
    auto session = m_bulk->session(m_bulk->reviewer);
    openPage(*session);
    QTRY_VERIFY(listModel()->spansAllRows());
    const int all = model()->rowCount();
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_End, Qt::ControlModifier);
    const QUuid id = view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid();
    QVERIFY(!id.isNull());

    session->notifyChanged(Session::Change::Vouchers);
    QCOMPARE(model()->rowCount(), all);
    QCOMPARE(view()->selectionModel()->currentIndex().row(), all - 1);
    QCOMPARE(view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid(), id);
    QCOMPARE(m_page->findChild<VoucherDetailPanel *>()->applicationId(), id);
    QCOMPARE(view()->rowAt(view()->viewport()->height() - 1), all - 1); // still scrolled there
    m_page.reset();
}

// Rows added above the selection move it down once the model has read its page ends again: the
// selection follows its application.
void TestVoucherListPage::selectionFollowsItsRowWhenRowsAreAdded()
{
    auto session = m_bulk->session(m_bulk->reviewer);
    openPage(*session);
    QTRY_VERIFY(listModel()->spansAllRows());
    const int all = model()->rowCount();
    const int selected = 2 * VoucherListModel::PageSize + 17;
    view()->scrollTo(model()->index(selected, 0));
    clickRow(view(), selected, VoucherListModel::CodeColumn);
    const QUuid id = listedIds().at(selected);
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QCOMPARE(detail->applicationId(), id);

    const QUuid spec = m_bulk->createTemplate(u"Trial CVM 3000"_s).id;
    m_bulk->advance(60);
    m_bulk->submit(spec);
    m_bulk->submit(spec);
    QSignalSpy read(listModel(), &VoucherListModel::pageEndsRead);
    session->notifyChanged(Session::Change::Applications);
    QVERIFY(read.wait());
    QCOMPARE(model()->rowCount(), all + 2);
    QCOMPARE(view()->selectionModel()->currentIndex().row(), selected + 2);
    QCOMPARE(view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid(), id);
    QCOMPARE(detail->applicationId(), id);
    m_page.reset();
}

// Before the page ends are read, a refresh reads up to the selection and at most MaxRefreshRows;
// a selection beyond them stays in the detail panel.
void TestVoucherListPage::selectionBeyondTheRefreshStaysInTheDetail()
{
    TestWorkspace big;
    QVERIFY(big.isValid());
    BulkOptions options;
    options.vouchers = VoucherListModel::MaxRefreshRows + VoucherListModel::PageSize;
    options.partners = 3;
    options.customers = 40;
    options.now = big.now();
    const auto generated = BulkVoucherGenerator(big.db(), options).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));
    auto session = big.session(big.reviewer);
    // Shown without running the event loop, so that the ends the worker reads do not arrive.
    m_page = std::make_unique<VoucherListPage>(*session);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(!listModel()->spansAllRows());
    while (model()->rowCount() < VoucherListModel::MaxRefreshRows + 50)
        model()->fetchMore({});
    const int selected = VoucherListModel::MaxRefreshRows + 10;
    clickRow(view(), selected, VoucherListModel::CodeColumn);
    const QUuid id = listedIds().at(selected);
    auto *detail = m_page->findChild<VoucherDetailPanel *>();
    QCOMPARE(detail->applicationId(), id);
    QVERIFY(!listModel()->spansAllRows());

    session->notifyChanged(Session::Change::Vouchers);
    // Never more than MaxRefreshRows at once; the row is no longer loaded, its detail stays.
    QCOMPARE(model()->rowCount(), VoucherListModel::MaxRefreshRows);
    QVERIFY(!listedIds().contains(id));
    QCOMPARE(detail->applicationId(), id);
    m_page.reset();
}

void TestVoucherListPage::showItemClearsHidingFilters()
{
    auto *status = child<QComboBox>(u"statusFilter"_s);
    status->setCurrentIndex(
        status->findText(voucherListStatusDisplayName(VoucherListStatus::Rejected)));
    QCOMPARE(listedIds(), QList<QUuid>{m_rejected});
    m_page->showItem(m_unused);
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid(), m_unused);
    QCOMPARE(m_page->findChild<VoucherDetailPanel *>()->applicationId(), m_unused);
    QVERIFY(view()->hasFocus());

    // Another partner's application: nothing happens.
    m_page->showItem(m_otherPartner);
    QCOMPARE(view()->selectionModel()->currentIndex().data(ItemRoles::Id).toUuid(), m_unused);
}

void TestVoucherListPage::exportWritesTheFilteredList()
{
    QTest::mouseClick(child<QCheckBox>(u"positiveBalance"_s), Qt::LeftButton);
    QCOMPARE(model()->rowCount(), 2);
    const QString path = m_dir.filePath(u"spendable.csv"_s);
    QVERIFY(m_page->exportTo(path));
    QVERIFY(m_page->isExporting());
    QVERIFY(!m_page->menuActions().constFirst()->isEnabled());
    QTRY_COMPARE(statusLine(), u"Exported 2 records to %1"_s.arg(QDir::toNativeSeparators(path)));
    QVERIFY(!m_page->isExporting());
    QVERIFY(m_page->menuActions().constFirst()->isEnabled());
    QVERIFY(!child<QWidget>(u"exportProgress"_s)->isVisible());

    const QStringList lines = readCsv(path);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), VoucherCsvExporter::record(VoucherCsvExporter::header()));
    // In the list's order, with the Chinese name intact.
    QVERIFY2(lines.at(1).contains(u"腾讯云测试客户"_s), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(m_unused.toString(QUuid::WithoutBraces)));
    QVERIFY(lines.at(2).contains(u"zeta labs"_s));
    const auto partial = VoucherListQuery(m_ws->db(), {}).row(m_partial);
    QVERIFY(partial && partial->balanceMinor < 100000);
    QVERIFY(lines.at(2).contains(
        u"1000.00,"_s + Money(partial->balanceMinor, u"CNY"_s).toDecimalString() + u","_s));
}

void TestVoucherListPage::exportShowsStatusesAsOfTheExport()
{
    QCOMPARE(model()
                 ->index(listedIds().indexOf(m_unused), VoucherListModel::StatusColumn)
                 .data()
                 .toString(),
             voucherListStatusDisplayName(VoucherListStatus::Unused));
    // Forty days later, without the list having been read again: the vouchers have expired.
    m_ws->advance(40 * 24 * 3600);
    const QString path = m_dir.filePath(u"later.csv"_s);
    QVERIFY(m_page->exportTo(path));
    QTRY_VERIFY(!m_page->isExporting());
    m_ws->setNow(TestWorkspace::defaultNow().addSecs(3 * 3600));
    const QStringList lines = readCsv(path);
    QCOMPARE(lines.size(), 5);
    const QString unused = m_unused.toString(QUuid::WithoutBraces);
    const auto line = std::find_if(lines.cbegin(), lines.cend(),
                                   [&](const QString &l) { return l.contains(unused); });
    QVERIFY(line != lines.cend());
    QVERIFY2(
        line->contains(u","_s + voucherListStatusDisplayName(VoucherListStatus::Expired) + u","_s),
        qPrintable(*line));
}

void TestVoucherListPage::cancelledExportLeavesNoFile()
{
    auto *controller = m_page->findChild<VoucherExportController *>();
    QVERIFY(controller);
    auto *cancel = child<QPushButton>(u"cancelExport"_s);
    // Cancel as soon as the first step shows: the worker waits for that step to be shown,
    // so it sees the cancel before it writes a row.
    int steps = 0;
    connect(controller, &VoucherExportController::progressChanged, this, [&] {
        if (steps++ == 0) {
            QVERIFY(cancel->isVisible());
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    const QString path = m_dir.filePath(u"cancelled.csv"_s);
    QVERIFY(m_page->exportTo(path));
    QTRY_COMPARE(statusLine(), u"Export cancelled; no file was written."_s);
    QCOMPARE(steps, 1);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList({u"cancelled*"_s}), QStringList());
    QVERIFY(!cancel->isVisible());
}

void TestVoucherListPage::exportActionAsksForAFile()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<QFileDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    const QString path = m_dir.filePath(u"chosen.csv"_s);
    // Typing the name and pressing Enter, as a user saves.
    auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(name);
    name->setText(path);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE(statusLine(), u"Exported 4 records to %1"_s.arg(QDir::toNativeSeparators(path)));
    QCOMPARE(readCsv(path).size(), 5);

    // Then the file and its folder are a click away (opened by the desktop; caught here).
    UrlCatcher desktop;
    QDesktopServices::setUrlHandler(u"file"_s, &desktop, "open");
    auto *openFile = child<QPushButton>(u"openExportedFile"_s);
    auto *openFolder = child<QPushButton>(u"openExportFolder"_s);
    QVERIFY(openFile->isVisible() && openFolder->isVisible());
    QTest::mouseClick(openFile, Qt::LeftButton);
    QTest::mouseClick(openFolder, Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(desktop.urls, (QList<QUrl>{QUrl::fromLocalFile(path),
                                        QUrl::fromLocalFile(QFileInfo(path).absolutePath())}));

    // The next Save dialog opens in that folder, not in the process's working directory.
    m_page->menuActions().value(0)->trigger();
    QFileDialog *again = nullptr;
    const auto visibleDialog = [this]() -> QFileDialog * {
        for (QFileDialog *dialog : m_page->findChildren<QFileDialog *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    };
    QTRY_VERIFY((again = visibleDialog()));
    QCOMPARE(QFileInfo(again->directory().absolutePath()).canonicalFilePath(),
             QFileInfo(m_dir.path()).canonicalFilePath());
    again->reject();
}

void TestVoucherListPage::focusSearch()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    view()->setFocus();
    m_page->focusSearch();
    QVERIFY(child<QLineEdit>(u"searchField"_s)->hasFocus());
}

void TestVoucherListPage::tabOrder()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    auto *status = child<QComboBox>(u"statusFilter"_s);
    status->setFocus(Qt::TabFocusReason);
    QStringList visited{status->objectName()};
    // Tab walks through the sections of a date field before it leaves it: record each widget
    // once.
    for (int i = 0; i < 30 && visited.size() < 10; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        // A date field's focus sits in its line edit.
        while (focus && focus->objectName().isEmpty() && focus->parentWidget())
            focus = focus->parentWidget();
        const QString name = focus ? focus->objectName() : u"<none>"_s;
        if (name != visited.constLast())
            visited.append(name);
    }
    // "Clear filters" is disabled while no filter is set: Tab passes it.
    QCOMPARE(visited,
             (QStringList{u"statusFilter"_s, u"customerFilter"_s, u"kindFilter"_s, u"searchField"_s,
                          u"appliedFrom"_s, u"appliedTo"_s, u"expiresBefore"_s,
                          u"positiveBalance"_s, u"exportButton"_s, u"voucherTable"_s}));

    // With a date set, Tab walks its day, month and year, then leaves it.
    auto *to = child<OptionalDateEdit>(u"appliedTo"_s);
    to->setDate(QDate(2026, 11, 27));
    to->setFocus(Qt::TabFocusReason);
    const auto inside = [to] {
        const QWidget *focus = QApplication::focusWidget();
        return focus == to || (focus && focus->parentWidget() == to);
    };
    for (int i = 0; i < 5 && inside(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(!inside());
}

void TestVoucherListPage::stateIsRestored()
{
    clickHeader(VoucherListModel::CustomerColumn);
    const Qt::SortOrder order = view()->horizontalHeader()->sortIndicatorOrder();
    view()->setColumnWidth(VoucherListModel::FaceColumn, 122);
    const QList<QUuid> sorted = listedIds();
    QSettings settings(m_dir.filePath(u"state.ini"_s), QSettings::IniFormat);
    m_page->saveState(settings);

    openPage(*m_session);
    QCOMPARE(listedIds(), (QList<QUuid>{m_rejected, m_unused, m_partial, m_pending}));
    m_page->restoreState(settings);
    QCOMPARE(view()->horizontalHeader()->sortIndicatorSection(),
             int(VoucherListModel::CustomerColumn));
    QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), order);
    QCOMPARE(view()->columnWidth(VoucherListModel::FaceColumn), 122);
    QCOMPARE(listedIds(), sorted);
    QVERIFY(!view()->horizontalHeader()->stretchLastSection());

    // The spare width goes to the names (at 1920 px it went to the last column); narrow, they
    // keep their own width and the table scrolls.
    const int expires = view()->columnWidth(VoucherListModel::ExpiresColumn);
    m_page->resize(1900, 800);
    QTRY_VERIFY(view()->columnWidth(VoucherListModel::CustomerColumn) > 400);
    QVERIFY(view()->columnWidth(VoucherListModel::TemplateColumn) > 300);
    QCOMPARE(view()->columnWidth(VoucherListModel::ExpiresColumn), expires);
    m_page->resize(900, 800);
    QTRY_COMPARE(view()->columnWidth(VoucherListModel::CustomerColumn), 150);
    QCOMPARE(view()->columnWidth(VoucherListModel::TemplateColumn), 110);
}

// Set VD_UI_SCREENSHOTS to a folder to look at the page as a person would.
void TestVoucherListPage::screenshot()
{
    const QString path = qEnvironmentVariable("VD_UI_SCREENSHOTS");
    if (path.isEmpty())
        QSKIP("VD_UI_SCREENSHOTS not set");
    m_page->showItem(m_partial);
    QTRY_COMPARE(countText(), u"4 records"_s);
    QVERIFY(m_page->grab().save(QDir(path).filePath(u"voucherlistpage.png"_s)));
    auto *sortMenu = m_page->findChild<VoucherSortMenu *>();
    sortMenu->popup(m_page->mapToGlobal(QPoint(200, 200)));
    QVERIFY(QTest::qWaitForWindowExposed(sortMenu));
    QVERIFY(sortMenu->grab().save(QDir(path).filePath(u"voucherlistpage-sortmenu.png"_s)));
    sortMenu->close();
    typeText(child<QLineEdit>(u"searchField"_s), u"no such voucher"_s);
    QTRY_VERIFY(child<EmptyState>(u"listEmptyState"_s)->isEmpty());
    QVERIFY(m_page->grab().save(QDir(path).filePath(u"voucherlistpage-nomatch.png"_s)));
}

QTEST_MAIN(TestVoucherListPage)
#include "tst_voucherlistpage.moc"
