#include "core/commands/localcommandgateway.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/mainwindow.h"
#include "ui/review/reviewdecisionbar.h"
#include "ui/review/reviewdetailpanel.h"
#include "ui/review/reviewqueuemodel.h"
#include "ui/review/reviewqueuewindow.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {
// A server workspace's gateway as the window sees it: decisions are only queued (here: recorded),
// and the replica keeps the application pending until a sync brings the server's answer.
class DeferringGateway : public LocalCommandGateway
{
public:
    using LocalCommandGateway::LocalCommandGateway;

    Result<Application> approve(const QUuid &applicationId, const QString &comment,
                                int expectedVersion) override
    {
        sent.append({u"approve"_s, applicationId, comment, expectedVersion});
        return *ApplicationRepository(*db).find(applicationId);
    }
    Result<Application> reject(const QUuid &applicationId, const QString &reason,
                               int expectedVersion) override
    {
        sent.append({u"reject"_s, applicationId, reason, expectedVersion});
        return *ApplicationRepository(*db).find(applicationId);
    }
    bool defersDecisions() const override { return true; }

    struct Sent
    {
        QString command;
        QUuid id;
        QString text;
        int expectedVersion;
    };
    QList<Sent> sent;
    const Database *db = nullptr;
};

// The controls of `root` a user can reach that no assistive technology could name (as
// tst_accessibility checks the main window and its dialogs).
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget);
        if (!control || !widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QComboBox *>(widget->parentWidget()))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u'#' +
                           widget->objectName());
    }
    return unnamed;
}
} // namespace

// The reviewer's window driven through its widgets and keys, checked in the widgets and in the
// store: order and marks, filters, J/K, A and R, decisions made elsewhere, deferred decisions.
class TestReviewQueueWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsPendingApplicationsByDeadline();
    void detailShowsWhatTheReviewerWeighs();
    void overdueRowsAreMarked();
    void partnerAndKindFiltersNarrowTheList();
    void amountRangeFilters();
    void amountRangeBelowMinimumIsRefusedAtTheField();
    void jAndKMove();
    void clickBelowTheRowsLeavesNothingToDecide();
    void detailFollowsASelectionThatDoesNotMoveTheCurrentRow();
    void decisionAsksNamingTheApplication();
    void approveWithAIssuesTheVoucher();
    void typingInTheFieldsDecidesNothing();
    void rejectWithoutReasonSendsNothing();
    void rejectWithPresetReason();
    void rejectWithTypedReasonFromTheButton();
    void decisionMadeMeanwhileIsShownNotOverwritten();
    void decisionMadeMeanwhileWithoutRefreshIsReported();
    void refusalIsShownInTheWindow();
    void deferredDecisionIsMarkedSent();
    void emptyQueue();
    void adminSeesTheQueueButCannotDecide();
    void modelFetchesLazily();
    void everyControlIsNamed();
    void layoutIsRemembered();
    void mainWindowOpensTheQueueForVendorRoles();
    void screenshot();

private:
    std::unique_ptr<ReviewQueueWindow> openWindow();
    QTableView *view() const { return m_window->view(); }
    ReviewQueueModel *model() const { return m_window->model(); }
    QString due(int row) const;
    QString countsText() const;
    QString statusText() const;
    QLineEdit *comment() const;
    QComboBox *reason() const;
    QPushButton *approveButton() const;
    QPushButton *rejectButton() const;
    QComboBox *combo(const char *name) const;
    QLineEdit *amount(const char *name) const;
    Application stored(const QUuid &id) const;
    void pressInQueue(Qt::Key key);
    QMessageBox *confirmation() const;
    void confirm();
    void expectNoConfirmation();

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ReviewQueueWindow> m_window;
    // Wed 2 Dec (partner A, specific ¥1,000), Thu 3 Dec (partner B, specific ¥300), Fri 4 Dec
    // (partner A, universal ¥5,000): the review deadlines, in queue order.
    QUuid m_first, m_second, m_third;
};

void TestReviewQueueWindow::initTestCase()
{
    // Deadlines are end of day in Shanghai: pin the zone so that "due today" is that day.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_reviewqueuewindow"_s);
}

void TestReviewQueueWindow::init()
{
    QSettings().clear();
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    const VoucherTemplate specificA = m_ws->createTemplate(u"Trial CVM 1000"_s);
    const VoucherTemplate universalA =
        m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    const VoucherTemplate smallB =
        m_ws->createTemplate(u"Small B"_s, VoucherKind::Specific, 30000, &m_ws->managerB);
    m_first = m_ws->submit(specificA.id); // Fri 27 Nov
    m_ws->setNow(TestWorkspace::defaultNow().addDays(3));
    m_second = m_ws->submit(smallB.id, &m_ws->managerB, &m_ws->customerB);
    m_ws->setNow(TestWorkspace::defaultNow().addDays(4)); // Tue 1 Dec 10:00
    m_third = m_ws->submit(universalA.id);
    m_session = m_ws->session(m_ws->reviewer);
}

void TestReviewQueueWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_ws.reset();
}

std::unique_ptr<ReviewQueueWindow> TestReviewQueueWindow::openWindow()
{
    auto window = std::make_unique<ReviewQueueWindow>(*m_session);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the review queue window did not become active");
    return window;
}

QString TestReviewQueueWindow::due(int row) const
{
    return model()->index(row, ReviewQueueModel::DueColumn).data().toString();
}

QString TestReviewQueueWindow::countsText() const
{
    return requireChild<QLabel>(m_window.get(), u"counts"_s)->text();
}

QString TestReviewQueueWindow::statusText() const
{
    return requireChild<QLabel>(m_window.get(), u"decision"_s)->text();
}

QLineEdit *TestReviewQueueWindow::comment() const
{
    return requireByAccessibleName<QLineEdit>(m_window.get(), u"Comment"_s);
}

QComboBox *TestReviewQueueWindow::reason() const
{
    return requireByAccessibleName<QComboBox>(m_window.get(), u"Reason"_s);
}

QPushButton *TestReviewQueueWindow::approveButton() const
{
    return requireByAccessibleName<QPushButton>(m_window.get(), u"Approve"_s);
}

QPushButton *TestReviewQueueWindow::rejectButton() const
{
    return requireByAccessibleName<QPushButton>(m_window.get(), u"Reject"_s);
}

QComboBox *TestReviewQueueWindow::combo(const char *name) const
{
    return requireChild<QComboBox>(m_window.get(), QString::fromLatin1(name));
}

QLineEdit *TestReviewQueueWindow::amount(const char *name) const
{
    return requireChild<QLineEdit>(m_window.get(), QString::fromLatin1(name));
}

Application TestReviewQueueWindow::stored(const QUuid &id) const
{
    return *ApplicationRepository(m_ws->db()).find(id);
}

// A key pressed while the queue has the focus, as a reviewer moving through it does.
void TestReviewQueueWindow::pressInQueue(Qt::Key key)
{
    view()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(view()->hasFocus());
    QTest::keyClick(view(), key);
}

QMessageBox *TestReviewQueueWindow::confirmation() const
{
    return waitForVisibleChild<QMessageBox>(m_window.get());
}

// The decision's confirmation, answered as a reviewer does: Enter takes its default button.
void TestReviewQueueWindow::confirm()
{
    QPointer<QMessageBox> box = confirmation();
    QVERIFY2(box, "the decision asked no confirmation");
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY(!box || !box->isVisible());
}

void TestReviewQueueWindow::expectNoConfirmation()
{
    for (const QMessageBox *box : m_window->findChildren<QMessageBox *>())
        QVERIFY2(!box->isVisible(), qPrintable(box->text()));
}

void TestReviewQueueWindow::listsPendingApplicationsByDeadline()
{
    // Decided and cancelled ones are not in the queue.
    m_ws->approve(m_ws->submit(m_ws->createTemplate(u"Decided"_s).id));
    m_window = openWindow();
    QCOMPARE(m_window->windowTitle(), u"Review Queue — reviewer"_s);
    QCOMPARE(model()->rowCount(), 3);
    const QList<QUuid> order{m_first, m_second, m_third};
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model()->index(row, 0).data(ItemRoles::Id).toUuid(), order.at(row));

    auto cell = [this](int row, int column) {
        return model()->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, ReviewQueueModel::PartnerColumn), u"Demo Partner A"_s);
    QCOMPARE(cell(0, ReviewQueueModel::CustomerColumn), u"Acme Test Co"_s);
    QCOMPARE(cell(0, ReviewQueueModel::TemplateColumn), u"Trial CVM 1000"_s);
    QCOMPARE(cell(0, ReviewQueueModel::FaceColumn), u"¥1,000.00"_s);
    QCOMPARE(cell(0, ReviewQueueModel::SubmittedColumn), u"27 Nov 2026 10:00"_s);
    QCOMPARE(cell(1, ReviewQueueModel::PartnerColumn), u"Demo Partner B"_s);
    QCOMPARE(cell(1, ReviewQueueModel::FaceColumn), u"¥300.00"_s);
    QCOMPARE(model()->headerData(ReviewQueueModel::DueColumn, Qt::Horizontal).toString(), u"Due"_s);

    // Tue 1 Dec: Wednesday's deadline is tomorrow.
    QCOMPARE(due(0), u"due in 1d"_s);
    QCOMPARE(due(1), u"due in 2d"_s);
    QCOMPARE(due(2), u"due in 3d"_s);
    QCOMPARE(countsText(), u"3 pending · 0 overdue"_s);
    // The earliest deadline is selected and shown.
    QCOMPARE(view()->currentIndex().row(), 0);
    QCOMPARE(m_window->currentApplicationId(), m_first);
}

void TestReviewQueueWindow::detailShowsWhatTheReviewerWeighs()
{
    // Partner A has one approval and one rejection in the last 90 days, one more before.
    auto reviewerCtx = m_ws->context(m_ws->reviewer);
    const VoucherTemplate history = m_ws->createTemplate(u"History"_s);
    const QDateTime now = m_ws->now();
    m_ws->setNow(now.addDays(-120));
    m_ws->approve(m_ws->submit(history.id));
    m_ws->setNow(now.addDays(-10));
    m_ws->approve(m_ws->submit(history.id));
    QVERIFY(ReviewCommands(*reviewerCtx).reject(m_ws->submit(history.id), u"Vague"_s).ok());
    m_ws->setNow(now);

    m_window = openWindow();
    auto text = [this](const char *name) {
        return requireChild<QLabel>(m_window.get(), QString::fromLatin1(name))->text();
    };
    QCOMPARE(text("scenario"), u"Load test of CVM for a two-week trial before migration."_s);
    QCOMPARE(text("kind"), voucherKindDisplayName(VoucherKind::Specific));
    QCOMPARE(text("faceValue"), u"¥1,000.00"_s);
    // As the catalogue words it ("30 days after issue" in English).
    QCOMPARE(text("validity"), ReviewDetailPanel::tr("%n day(s) after issue", nullptr, 30));
    QCOMPARE(text("payMode"), payModeDisplayName(PayMode::All));
    QCOMPARE(text("minSpend"), u"None"_s);
    QCOMPARE(text("products"), u"Cloud Virtual Machine, Cloud Object Storage"_s);
    QCOMPARE(text("uin"), u"100000001"_s);
    QCOMPARE(text("eligible"), u"Yes"_s);
    QCOMPARE(text("partnerName"), u"Demo Partner A"_s);
    // ¥2,000 issued of ¥1,000,000.
    QCOMPARE(text("quotaLeft"), u"¥998,000.00 of ¥1,000,000.00"_s);
    QCOMPARE(text("recentDecisions"), u"1 approved, 1 rejected (last 90 days)"_s);
    QCOMPARE(statusText(), u"Pending review"_s);
    QVERIFY(approveButton()->isEnabled());

    // The universal one: all products except the blocklist.
    m_window->selectApplication(m_third);
    QCOMPARE(text("products"), u"All except blocklist"_s);
    QCOMPARE(text("faceValue"), u"¥5,000.00"_s);
}

void TestReviewQueueWindow::overdueRowsAreMarked()
{
    m_ws->setNow(QDateTime(QDate(2026, 12, 3), QTime(2, 0), Qt::UTC)); // Thu 3 Dec 10:00
    m_window = openWindow();
    QCOMPARE(due(0), u"⚠ overdue 1d"_s);
    QCOMPARE(due(1), u"due today"_s);
    QCOMPARE(due(2), u"due in 1d"_s);
    const QModelIndex overdue = model()->index(0, ReviewQueueModel::DueColumn);
    QCOMPARE(overdue.data(ItemRoles::BadgeColor).value<QColor>(), ReviewQueueModel::overdueColor());
    QCOMPARE(overdue.data(Qt::ForegroundRole).value<QColor>(), ReviewQueueModel::overdueColor());
    QVERIFY(!model()->index(1, ReviewQueueModel::DueColumn).data(ItemRoles::BadgeColor).isValid());
    QVERIFY(
        !model()->index(0, ReviewQueueModel::PartnerColumn).data(ItemRoles::BadgeColor).isValid());
    QCOMPARE(countsText(), u"3 pending · 1 overdue"_s);

    // The clock moves on: a refresh re-reads the marks.
    m_ws->setNow(QDateTime(QDate(2026, 12, 5), QTime(2, 0), Qt::UTC)); // Sat 5 Dec
    m_session->notifyChanged(Session::Change::Applications);
    QCOMPARE(due(0), u"⚠ overdue 3d"_s);
    QCOMPARE(due(2), u"⚠ overdue 1d"_s);
    QCOMPARE(countsText(), u"3 pending · 3 overdue"_s);
}

void TestReviewQueueWindow::partnerAndKindFiltersNarrowTheList()
{
    m_window = openWindow();
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QComboBox *partner = combo("partnerFilter");
    QComboBox *kind = combo("kindFilter");
    QCOMPARE(partner->itemText(0), u"All partners"_s);
    QCOMPARE(partner->count(), 3);

    partner->setFocus();
    partner->setCurrentIndex(partner->findText(u"Demo Partner B"_s));
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->rowAt(0).applicationId, m_second);
    QCOMPARE(countsText(), u"1 pending · 0 overdue"_s);
    QCOMPARE(m_window->currentApplicationId(), m_second);

    partner->setCurrentIndex(partner->findText(u"Demo Partner A"_s));
    QCOMPARE(model()->rowCount(), 2);
    kind->setCurrentIndex(kind->findText(voucherKindDisplayName(VoucherKind::Universal)));
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->rowAt(0).applicationId, m_third);

    partner->setCurrentIndex(0);
    kind->setCurrentIndex(kind->findText(voucherKindDisplayName(VoucherKind::Specific)));
    QCOMPARE(model()->rowCount(), 2);
    QCOMPARE(model()->rowAt(0).applicationId, m_first);
    QCOMPARE(model()->rowAt(1).applicationId, m_second);

    // Partner B's universal ones: none; the empty state says so.
    partner->setCurrentIndex(partner->findText(u"Demo Partner B"_s));
    kind->setCurrentIndex(kind->findText(voucherKindDisplayName(VoucherKind::Universal)));
    QCOMPARE(model()->rowCount(), 0);
    auto *empty = requireChild<EmptyState>(m_window.get(), u"queueEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No applications waiting for review"_s);
    QCOMPARE(countsText(), u"0 pending · 0 overdue"_s);
}

void TestReviewQueueWindow::amountRangeFilters()
{
    m_window = openWindow();
    typeInto(amount("minAmount"), u"1000"_s);
    QTest::keyClick(amount("minAmount"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 2); // ¥1,000 and ¥5,000
    QCOMPARE(model()->rowAt(0).applicationId, m_first);
    QCOMPARE(model()->rowAt(1).applicationId, m_third);

    typeInto(amount("maxAmount"), u"1,000.00"_s);
    QTest::keyClick(amount("maxAmount"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->rowAt(0).applicationId, m_first);

    typeInto(amount("minAmount"), QString());
    QTest::keyClick(amount("minAmount"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 2); // ¥300 and ¥1,000
    QCOMPARE(countsText(), u"2 pending · 0 overdue"_s);

    // Not an amount: said at the field; the list keeps its range.
    typeInto(amount("minAmount"), u"lots"_s);
    QTest::keyClick(amount("minAmount"), Qt::Key_Return);
    FieldMessage *message = messageOf(m_window.get(), amount("minAmount"));
    QVERIFY(message && message->hasMessage());
    QCOMPARE(model()->rowCount(), 2);
}

void TestReviewQueueWindow::amountRangeBelowMinimumIsRefusedAtTheField()
{
    m_window = openWindow();
    typeInto(amount("minAmount"), u"2000"_s);
    QTest::keyClick(amount("minAmount"), Qt::Key_Return);
    QCOMPARE(model()->rowCount(), 1);
    typeInto(amount("maxAmount"), u"500"_s);
    QTest::keyClick(amount("maxAmount"), Qt::Key_Return);
    FieldMessage *message = messageOf(m_window.get(), amount("maxAmount"));
    QVERIFY(message && message->hasMessage());
    QVERIFY2(message->text().contains(u"below the minimum"_s), qPrintable(message->text()));
    // The list keeps the range that made sense.
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->rowAt(0).applicationId, m_third);
    // Fixed: the message goes and the range applies.
    typeInto(amount("maxAmount"), u"6000"_s);
    QTest::keyClick(amount("maxAmount"), Qt::Key_Return);
    QVERIFY(!message->hasMessage());
    QCOMPARE(model()->rowCount(), 1);
}

void TestReviewQueueWindow::jAndKMove()
{
    m_window = openWindow();
    QCOMPARE(m_window->currentApplicationId(), m_first);
    pressInQueue(Qt::Key_J);
    QCOMPARE(view()->currentIndex().row(), 1);
    QCOMPARE(m_window->detailPanel()->applicationId(), m_second);
    QCOMPARE(requireChild<QLabel>(m_window.get(), u"partnerName"_s)->text(), u"Demo Partner B"_s);
    QTest::keyClick(view(), Qt::Key_J);
    QCOMPARE(m_window->currentApplicationId(), m_third);
    QTest::keyClick(view(), Qt::Key_J); // the last one stays
    QCOMPARE(m_window->currentApplicationId(), m_third);
    QTest::keyClick(view(), Qt::Key_K);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QTest::keyClick(view(), Qt::Key_K);
    QTest::keyClick(view(), Qt::Key_K); // the first one stays
    QCOMPARE(m_window->currentApplicationId(), m_first);
    // The arrows do the same in the table.
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QTest::keyClick(view(), Qt::Key_Up);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    // A comment typed for one application does not follow to the next.
    QTest::keyClicks(comment(), u"For the first"_s);
    QTest::keyClick(comment(), Qt::Key_Escape);
    QTRY_VERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_J);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QVERIFY(comment()->text().isEmpty());
}

// A click on the empty area below the rows clears the selection (Qt keeps the current index):
// the detail must not go on showing, and A deciding, the row that was selected.
void TestReviewQueueWindow::clickBelowTheRowsLeavesNothingToDecide()
{
    m_window = openWindow();
    QCOMPARE(m_window->currentApplicationId(), m_first);
    const QRect last = view()->visualRect(model()->index(model()->rowCount() - 1, 0));
    QVERIFY(last.bottom() + 20 < view()->viewport()->height());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, QPoint(40, last.bottom() + 20));
    QVERIFY(!view()->selectionModel()->hasSelection());
    QVERIFY(m_window->currentApplicationId().isNull());
    QVERIFY(m_window->detailPanel()->applicationId().isNull());
    QVERIFY(requireChild<EmptyState>(m_window.get(), u"detailEmptyState"_s)->isEmpty());
    QVERIFY(!approveButton()->isEnabled());
    QVERIFY(!rejectButton()->isEnabled());
    pressInQueue(Qt::Key_A);
    pressInQueue(Qt::Key_R);
    expectNoConfirmation();
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);

    // J selects again where the selection was, then goes on; a click on a row selects it.
    pressInQueue(Qt::Key_J);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QVERIFY(approveButton()->isEnabled());
    pressInQueue(Qt::Key_J);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    clickRow(view(), 2);
    QCOMPARE(m_window->currentApplicationId(), m_third);
    QVERIFY(approveButton()->isEnabled());
}

// A screen reader selects a row as QAccessibleTable::selectRow does (Table.addRowSelection):
// a selection without moving the current index. The detail and the decision follow it.
void TestReviewQueueWindow::detailFollowsASelectionThatDoesNotMoveTheCurrentRow()
{
    m_window = openWindow();
    QCOMPARE(view()->currentIndex().row(), 0);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view());
    QVERIFY(table && table->tableInterface());
    QVERIFY(table->tableInterface()->selectRow(2));
    QCOMPARE(m_window->currentApplicationId(), m_third);
    QCOMPARE(m_window->detailPanel()->applicationId(), m_third);
    QCOMPARE(view()->currentIndex().row(), 2); // the arrows go on from the selected row
    QCOMPARE(requireChild<QLabel>(m_window.get(), u"faceValue"_s)->text(), u"¥5,000.00"_s);

    QTest::mouseClick(approveButton(), Qt::LeftButton);
    confirm();
    QCOMPARE(stored(m_third).status, ApplicationStatus::Approved);
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);

    // Another row selected, then none: nothing left to decide.
    QCOMPARE(m_window->currentApplicationId(), m_second); // the decision moved on
    QVERIFY(table->tableInterface()->selectRow(0));
    QCOMPARE(m_window->currentApplicationId(), m_first);
    view()->clearSelection();
    QVERIFY(m_window->currentApplicationId().isNull());
    QVERIFY(!approveButton()->isEnabled());
}

// The confirmation names what is decided, so a wrong row is seen before it is decided; Esc keeps
// the application pending.
void TestReviewQueueWindow::decisionAsksNamingTheApplication()
{
    m_window = openWindow();
    pressInQueue(Qt::Key_A);
    QPointer<QMessageBox> box = confirmation();
    QVERIFY(box);
    const QString asked = box->text() + u'\n' + box->informativeText();
    for (const QString &part : {u"Acme Test Co"_s, u"Demo Partner A"_s, u"Trial CVM 1000"_s,
                                u"¥1,000.00"_s, u"100000001"_s})
        QVERIFY2(asked.contains(part), qPrintable(asked));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!box || !box->isVisible());
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
    QCOMPARE(stored(m_first).version, 1);
    QCOMPARE(m_window->currentApplicationId(), m_first);

    typeInto(reason(), u"Duplicate application"_s);
    QTest::keyClick(reason()->lineEdit(), Qt::Key_Return);
    box = confirmation();
    QVERIFY(box);
    const QString rejecting = box->text() + u'\n' + box->informativeText();
    for (const QString &part :
         {u"Reject"_s, u"Acme Test Co"_s, u"¥1,000.00"_s, u"Duplicate application"_s})
        QVERIFY2(rejecting.contains(part), qPrintable(rejecting));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
}

void TestReviewQueueWindow::approveWithAIssuesTheVoucher()
{
    m_window = openWindow();
    const qint64 issuedBefore = PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor;
    QTest::keyClicks(comment(), u"Fine for a trial"_s);
    QTest::keyClick(comment(), Qt::Key_Escape);
    QTRY_VERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_A);
    confirm();

    const Application approved = stored(m_first);
    QCOMPARE(approved.status, ApplicationStatus::Approved);
    QCOMPARE(approved.reviewerId, m_ws->reviewer.userId);
    QCOMPARE(approved.reviewComment, u"Fine for a trial"_s);
    const auto voucher = VoucherRepository(m_ws->db()).find(approved.voucherId);
    QVERIFY(voucher);
    QCOMPARE(voucher->faceValueMinor, 100000);
    QCOMPARE(PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor,
             issuedBefore + 100000);

    // It leaves the queue; the next one is selected, with empty fields.
    QCOMPARE(model()->rowCount(), 2);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QCOMPARE(view()->currentIndex().row(), 0);
    QVERIFY(comment()->text().isEmpty());
    QVERIFY2(m_window->messageText().contains(u"Approved"_s), qPrintable(m_window->messageText()));
    QCOMPARE(countsText(), u"2 pending · 0 overdue"_s);

    // The button approves as well.
    QTest::mouseClick(approveButton(), Qt::LeftButton);
    confirm();
    QCOMPARE(stored(m_second).status, ApplicationStatus::Approved);
    QCOMPARE(m_window->currentApplicationId(), m_third);
}

void TestReviewQueueWindow::typingInTheFieldsDecidesNothing()
{
    m_window = openWindow();
    comment()->setFocus(Qt::MouseFocusReason);
    QTest::keyClicks(comment(), u"a"_s);
    QCOMPARE(comment()->text(), u"a"_s);
    QTest::keyClicks(comment(), u"jkr"_s);
    QCOMPARE(comment()->text(), u"ajkr"_s);
    reason()->setFocus(Qt::MouseFocusReason);
    QTest::keyClicks(reason()->lineEdit(), u"ra"_s);
    QCOMPARE(reason()->currentText(), u"ra"_s);

    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
    QCOMPARE(stored(m_first).version, 1);
    QCOMPARE(model()->rowCount(), 3);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    // The filter bar's combo boxes take letters to find an entry, not as decisions.
    combo("kindFilter")->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(combo("kindFilter"), Qt::Key_A);
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
}

void TestReviewQueueWindow::rejectWithoutReasonSendsNothing()
{
    m_window = openWindow();
    pressInQueue(Qt::Key_R);
    FieldMessage *message = messageOf(m_window.get(), reason());
    QVERIFY(message && message->hasMessage());
    QVERIFY(message->isVisible());
    QTRY_VERIFY(reason()->hasFocus());
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
    QCOMPARE(model()->rowCount(), 3);

    // The button and Enter refuse the same way; blanks are no reason.
    QTest::keyClicks(reason()->lineEdit(), u"   "_s);
    QTest::keyClick(reason()->lineEdit(), Qt::Key_Return);
    QVERIFY(message->hasMessage());
    QTest::mouseClick(rejectButton(), Qt::LeftButton);
    QVERIFY(message->hasMessage());
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
    QCOMPARE(stored(m_first).version, 1);
}

void TestReviewQueueWindow::rejectWithPresetReason()
{
    m_window = openWindow();
    QCOMPARE(reason()->count(), ReviewDecisionBar::presetReasons().size());
    pressInQueue(Qt::Key_R);
    QTRY_VERIFY(reason()->hasFocus());
    // Down picks the first preset reason; Enter rejects with it.
    QTest::keyClick(reason(), Qt::Key_Down);
    QCOMPARE(reason()->currentText(), u"Scenario too vague"_s);
    QVERIFY(!messageOf(m_window.get(), reason())->hasMessage());
    QTest::keyClick(reason()->lineEdit(), Qt::Key_Return);
    confirm();

    const Application rejected = stored(m_first);
    QCOMPARE(rejected.status, ApplicationStatus::Rejected);
    QCOMPARE(rejected.rejectReason, u"Scenario too vague"_s);
    QCOMPARE(rejected.reviewerId, m_ws->reviewer.userId);
    QCOMPARE(model()->rowCount(), 2);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QVERIFY(reason()->currentText().isEmpty());
    QVERIFY(VoucherRepository(m_ws->db()).find(rejected.voucherId) == std::nullopt);
}

void TestReviewQueueWindow::rejectWithTypedReasonFromTheButton()
{
    m_window = openWindow();
    m_window->selectApplication(m_third); // the last: the decision moves back to the previous
    typeInto(reason(), u"Needs a written migration plan"_s);
    QTest::mouseClick(rejectButton(), Qt::LeftButton);
    confirm();
    QCOMPARE(stored(m_third).status, ApplicationStatus::Rejected);
    QCOMPARE(stored(m_third).rejectReason, u"Needs a written migration plan"_s);
    QCOMPARE(m_window->currentApplicationId(), m_second);

    // R again from the queue with a reason typed rejects too.
    typeInto(reason(), u"Duplicate application"_s);
    QTest::keyClick(reason()->lineEdit(), Qt::Key_Escape);
    QTRY_VERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_R);
    confirm();
    QCOMPARE(stored(m_second).status, ApplicationStatus::Rejected);
    QCOMPARE(stored(m_second).rejectReason, u"Duplicate application"_s);

    // Ctrl+Enter in the reason field as well.
    QCOMPARE(m_window->currentApplicationId(), m_first);
    typeInto(reason(), u"Customer not eligible for testing"_s);
    QTest::keyClick(reason()->lineEdit(), Qt::Key_Return, Qt::ControlModifier);
    confirm();
    QCOMPARE(stored(m_first).status, ApplicationStatus::Rejected);
    QCOMPARE(stored(m_first).rejectReason, u"Customer not eligible for testing"_s);
    QCOMPARE(model()->rowCount(), 0);
    QVERIFY(!rejectButton()->isEnabled());
}

void TestReviewQueueWindow::decisionMadeMeanwhileIsShownNotOverwritten()
{
    m_window = openWindow();
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QTest::keyClicks(comment(), u"About to approve"_s);

    // Another reviewer, through its own context on the same store, rejects it first.
    auto other = m_ws->context(m_ws->reviewer);
    QVERIFY(ReviewCommands(*other).reject(m_first, u"Duplicate application"_s).ok());
    m_session->notifyChanged(Session::Change::Applications);

    // The detail stays on it and shows the decision; nothing can overwrite it.
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QCOMPARE(model()->rowCount(), 2);
    QVERIFY2(statusText().startsWith(u"Rejected: Duplicate application"_s),
             qPrintable(statusText()));
    QVERIFY(!approveButton()->isEnabled());
    QVERIFY(!rejectButton()->isEnabled());
    QVERIFY(!comment()->isEnabled());
    m_window->approve();
    pressInQueue(Qt::Key_A);
    expectNoConfirmation();
    QCOMPARE(stored(m_first).status, ApplicationStatus::Rejected);
    QCOMPARE(stored(m_first).version, 2);
    QVERIFY(stored(m_first).voucherId.isNull());

    // J goes on with the application that took its place.
    QTest::keyClick(view(), Qt::Key_J);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QVERIFY(approveButton()->isEnabled());

    // An approval made elsewhere names the reviewer.
    QVERIFY(ReviewCommands(*other).approve(m_second).ok());
    m_session->notifyChanged(Session::Change::Applications);
    QVERIFY2(statusText().startsWith(u"Approved by reviewer at "_s), qPrintable(statusText()));
    QVERIFY(!approveButton()->isEnabled());
}

void TestReviewQueueWindow::decisionMadeMeanwhileWithoutRefreshIsReported()
{
    m_window = openWindow();
    auto other = m_ws->context(m_ws->reviewer);
    QVERIFY(ReviewCommands(*other).approve(m_first, u"Mine"_s).ok());
    const QString voucherBefore = stored(m_first).voucherId.toString();

    // The window has not heard of it: A sends, the store refuses, the window says who decided.
    pressInQueue(Qt::Key_A);
    confirm();
    QVERIFY2(m_window->messageText().startsWith(u"Already decided: Approved by reviewer at "_s),
             qPrintable(m_window->messageText()));
    QCOMPARE(stored(m_first).voucherId.toString(), voucherBefore);
    QCOMPARE(stored(m_first).reviewComment, u"Mine"_s);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QVERIFY(statusText().startsWith(u"Approved by reviewer"_s));
    QVERIFY(!approveButton()->isEnabled());
    QCOMPARE(model()->rowCount(), 2);
}

void TestReviewQueueWindow::refusalIsShownInTheWindow()
{
    // Partner B's pool has less left than the ¥300 it asks for.
    auto admin = m_ws->context(m_ws->admin);
    QVERIFY(PartnerCommands(*admin).setQuota(m_ws->partnerB.id, 100).ok());
    m_window = openWindow();
    m_window->selectApplication(m_second);
    QVERIFY2(requireChild<QLabel>(m_window.get(), u"quotaLeft"_s)->text().contains(u"Not enough"_s),
             qPrintable(requireChild<QLabel>(m_window.get(), u"quotaLeft"_s)->text()));
    pressInQueue(Qt::Key_A);
    confirm();
    QVERIFY2(m_window->messageText().contains(u"quota"_s), qPrintable(m_window->messageText()));
    QCOMPARE(stored(m_second).status, ApplicationStatus::PendingReview);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QCOMPARE(model()->rowCount(), 3);
    QVERIFY(approveButton()->isEnabled());
}

void TestReviewQueueWindow::deferredDecisionIsMarkedSent()
{
    auto gateway = std::make_unique<DeferringGateway>(m_session->context());
    gateway->db = &m_ws->db();
    DeferringGateway *deferring = gateway.get();
    m_session->setCommands(std::move(gateway));
    m_window = openWindow();

    QTest::keyClicks(comment(), u"ok"_s);
    QTest::keyClick(comment(), Qt::Key_Return); // Enter in the comment approves
    confirm();
    QCOMPARE(deferring->sent.size(), 1);
    QCOMPARE(deferring->sent.first().command, u"approve"_s);
    QCOMPARE(deferring->sent.first().id, m_first);
    QCOMPARE(deferring->sent.first().text, u"ok"_s);
    QCOMPARE(deferring->sent.first().expectedVersion, 1);

    // The row stays, marked; the window moves on.
    QCOMPARE(model()->rowCount(), 3);
    QCOMPARE(due(0), u"Decision sent"_s);
    QCOMPARE(model()->index(0, ReviewQueueModel::CustomerColumn).data(Qt::ToolTipRole).toString(),
             u"Decision sent — waiting for the server"_s);
    QCOMPARE(m_window->currentApplicationId(), m_second);
    QVERIFY2(m_window->messageText().startsWith(u"Decision sent — waiting for the server"_s),
             qPrintable(m_window->messageText()));

    // Back on it: marked, and its buttons are off; a sync that changes nothing keeps the mark.
    QTest::keyClick(view(), Qt::Key_K);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QCOMPARE(statusText(), u"Decision sent — waiting for the server"_s);
    QVERIFY(!approveButton()->isEnabled());
    QVERIFY(!rejectButton()->isEnabled());
    QTest::keyClick(view(), Qt::Key_A);
    expectNoConfirmation();
    QCOMPARE(deferring->sent.size(), 1);
    m_session->notifyChanged(Session::Change::Applications);
    QCOMPARE(due(0), u"Decision sent"_s);
    QVERIFY(!approveButton()->isEnabled());
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);

    // The server's answer arrives (here: the decision applied to the store) and the row goes.
    auto other = m_ws->context(m_ws->reviewer);
    QVERIFY(ReviewCommands(*other).approve(m_first, u"ok"_s).ok());
    m_session->notifyChanged(Session::Change::Applications);
    QCOMPARE(model()->rowCount(), 2);
    QVERIFY2(statusText().startsWith(u"Approved by reviewer"_s), qPrintable(statusText()));
}

void TestReviewQueueWindow::emptyQueue()
{
    for (const QUuid &id : {m_first, m_second, m_third})
        m_ws->approve(id);
    m_window = openWindow();
    QCOMPARE(model()->rowCount(), 0);
    auto *empty = requireChild<EmptyState>(m_window.get(), u"queueEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No applications waiting for review"_s);
    QCOMPARE(countsText(), u"0 pending · 0 overdue"_s);
    QVERIFY(!approveButton()->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_J);
    QTest::keyClick(m_window.get(), Qt::Key_A);
    expectNoConfirmation();
    QVERIFY(m_window->currentApplicationId().isNull());
    QVERIFY(requireChild<EmptyState>(m_window.get(), u"detailEmptyState"_s)->isEmpty());
}

void TestReviewQueueWindow::adminSeesTheQueueButCannotDecide()
{
    m_session = m_ws->session(m_ws->admin);
    m_window = openWindow();
    QCOMPARE(model()->rowCount(), 3);
    QCOMPARE(m_window->currentApplicationId(), m_first);
    QVERIFY(!approveButton()->isEnabled());
    QVERIFY(!rejectButton()->isEnabled());
    pressInQueue(Qt::Key_A);
    expectNoConfirmation();
    QCOMPARE(stored(m_first).status, ApplicationStatus::PendingReview);
}

void TestReviewQueueWindow::modelFetchesLazily()
{
    const VoucherTemplate bulk = m_ws->createTemplate(u"Bulk"_s, VoucherKind::Specific, 100);
    const int extra = ReviewQueueModel::PageSize + 20;
    for (int i = 0; i < extra; ++i)
        m_ws->submit(bulk.id);
    ReviewQueueModel standalone(*m_session);
    QAbstractItemModelTester tester(&standalone,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    standalone.setFilter({});
    QCOMPARE(standalone.rowCount(), ReviewQueueModel::PageSize);
    QVERIFY(standalone.canFetchMore({}));
    QCOMPARE(standalone.counts().pending, extra + 3);
    standalone.fetchMore({});
    QCOMPARE(standalone.rowCount(), extra + 3);
    QVERIFY(!standalone.canFetchMore({}));
    // Every row once, in queue order.
    QSet<QUuid> seen;
    for (int row = 0; row < standalone.rowCount(); ++row)
        seen.insert(standalone.rowAt(row).applicationId);
    QCOMPARE(seen.size(), extra + 3);
    // A refresh keeps what was loaded.
    standalone.refresh();
    QCOMPARE(standalone.rowCount(), extra + 3);
    ReviewQueueFilter filter;
    filter.maxFaceMinor = 100;
    standalone.setFilter(filter);
    QCOMPARE(standalone.rowCount(), ReviewQueueModel::PageSize);
    standalone.setSent({standalone.rowAt(0).applicationId});
    QCOMPARE(standalone.index(0, 0).data().toString(), u"Decision sent"_s);

    // The window's view scrolls the rest in.
    m_window = openWindow();
    QCOMPARE(model()->rowCount(), ReviewQueueModel::PageSize);
    view()->scrollToBottom();
    QTRY_COMPARE(model()->rowCount(), extra + 3);
}

void TestReviewQueueWindow::everyControlIsNamed()
{
    m_window = openWindow();
    const QStringList unnamed = unnamedControls(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    // Buttons and menu actions tell their key.
    QVERIFY(approveButton()->toolTip().contains(u"(A)"_s));
    QVERIFY(rejectButton()->toolTip().contains(u"(R)"_s));
    QStringList shortcuts;
    for (QAction *action : m_window->menuBar()->actions().first()->menu()->actions())
        shortcuts.append(action->shortcut().toString());
    for (const QString &key : {u"J"_s, u"K"_s, u"A"_s, u"R"_s})
        QVERIFY2(shortcuts.contains(key), qPrintable(shortcuts.join(u", "_s)));
    // Tab goes from the queue to the comment, Approve, the reason and Reject.
    view()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(view()->hasFocus());
    const QList<QWidget *> chain{comment(), approveButton(), reason(), rejectButton()};
    for (QWidget *expected : chain) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus == expected || focus->parentWidget() == expected,
                 qPrintable(focus->objectName()));
    }
}

void TestReviewQueueWindow::layoutIsRemembered()
{
    m_window = openWindow();
    auto *splitter = requireChild<QSplitter>(m_window.get(), u"reviewSplitter"_s);
    splitter->setSizes({200, 550});
    const QList<int> sizes = splitter->sizes();
    m_window->close();
    QSettings settings;
    QVERIFY(settings.contains(u"ReviewQueueWindow/geometry"_s));
    QVERIFY(settings.contains(u"ReviewQueueWindow/splitter"_s));
    m_window = openWindow();
    QCOMPARE(requireChild<QSplitter>(m_window.get(), u"reviewSplitter"_s)->sizes(), sizes);
}

void TestReviewQueueWindow::mainWindowOpensTheQueueForVendorRoles()
{
    auto findAction = [](QMainWindow &window, const QString &text) -> QAction * {
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                if (action->text() == text)
                    return action;
            }
        }
        return nullptr;
    };
    QPointer<ReviewQueueWindow> queue;
    {
        MainWindow main(*m_session, u"Local workspace test.db"_s);
        QAction *open = findAction(main, u"Review &Queue…"_s);
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(u"Ctrl+Shift+R"_s));
        QVERIFY(!findAction(main, u"Set Partner &Quota…"_s));
        open->trigger();
        QVERIFY(!main.findChild<ReviewQueueWindow *>()); // top-level: not a child
        ReviewQueueWindow *opened = main.openReviewQueue();
        QVERIFY(opened && opened->isVisible());
        QVERIFY(!opened->parent());
        QVERIFY(opened->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(opened->windowTitle(), u"Review Queue — reviewer"_s);
        open->trigger();
        QCOMPARE(main.openReviewQueue(), opened); // raised, not opened twice
        queue = opened;
    }
    // It goes with the main window, before the session.
    QVERIFY(queue.isNull());

    auto admin = m_ws->session(m_ws->admin);
    MainWindow adminWindow(*admin, u"Local workspace test.db"_s);
    QVERIFY(findAction(adminWindow, u"Review &Queue…"_s));
    QVERIFY(findAction(adminWindow, u"Set Partner &Quota…"_s));

    auto manager = m_ws->session(m_ws->managerA);
    MainWindow managerWindow(*manager, u"Local workspace test.db"_s);
    QVERIFY(!findAction(managerWindow, u"Review &Queue…"_s));
    QVERIFY(!findAction(managerWindow, u"Set Partner &Quota…"_s));
}

void TestReviewQueueWindow::screenshot()
{
    // A history for the partner and one overdue application, as a reviewer meets the queue.
    m_ws->setNow(QDateTime(QDate(2026, 12, 3), QTime(2, 0), Qt::UTC));
    m_window = openWindow();
    m_window->resize(1280, 800);
    QTest::keyClicks(comment(), u"Trial scope matches the scenario"_s);
    QVERIFY(m_window->grab().save(u"/tmp/reviewqueue.png"_s));
}

QTEST_MAIN(TestReviewQueueWindow)
#include "tst_reviewqueuewindow.moc"
