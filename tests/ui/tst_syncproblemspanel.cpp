#include "core/domain/customer.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/outbox.h"
#include "core/store/database.h"
#include "core/sync/syncproblemrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "tests/ui/synctestsupport.h"
#include "ui/sync/syncproblemmodel.h"
#include "ui/sync/syncproblemspanel.h"
#include "ui/widgets/emptystate.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The Sync Problems panel: the commands the server refused, newest first, in words, with the
// server's answer and what support needs; Dismiss and Dismiss All, in the panel and the store.
class TestSyncProblemsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyState();
    void listsProblemsNewestFirst();
    void describesEveryCommand_data();
    void describesEveryCommand();
    void dismissRemovesOne();
    void dismissAllEmptiesIt();
    void followsTheControllersStatus();
    void showsARefusalOfTheServer();
    void screenshot();

private:
    void openPanel();
    qint64 addProblem(const QString &command, const QString &label, const QDateTime &at,
                      const QString &message = u"The UIN is registered to another partner."_s);
    QTableView *view() const { return m_panel->findChild<QTableView *>(); }
    QLabel *label(const QString &accessibleName) const
    {
        return requireByAccessibleName<QLabel>(m_panel.get(), accessibleName);
    }
    QPushButton *button(const QString &accessibleName) const
    {
        return requireByAccessibleName<QPushButton>(m_panel.get(), accessibleName);
    }
    QStringList column(int column) const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<FakeSyncServer> m_server;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<SyncProblemsPanel> m_panel;
};

namespace {
const QString kIntro = u"The server refused these changes. Each row they changed is back at "
                       u"the server's state."_s;
} // namespace

void TestSyncProblemsPanel::initTestCase()
{
    qputenv("TZ", "Asia/Shanghai");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSyncProblemsPanel::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
}

void TestSyncProblemsPanel::cleanup()
{
    m_panel.reset();
    m_sync.reset();
    m_server.reset();
    m_session.reset();
    m_ws.reset();
}

void TestSyncProblemsPanel::openPanel()
{
    if (!m_sync)
        m_sync = startSync(*m_session, unreachableServer());
    m_panel = std::make_unique<SyncProblemsPanel>(*m_sync);
    new QAbstractItemModelTester(
        m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_panel.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

qint64 TestSyncProblemsPanel::addProblem(const QString &command, const QString &label,
                                         const QDateTime &at, const QString &message)
{
    SyncProblem problem;
    problem.at = at;
    problem.command = command;
    problem.label = label;
    problem.entity = u"customer"_s;
    problem.entityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    problem.code = u"InvalidParameter.UinTaken"_s;
    problem.message = message;
    problem.requestId = u"req-"_s + label;
    qint64 id = 0;
    const Result<void> written = m_ws->db().write([&]() -> Result<void> {
        id = SyncProblemRepository(m_ws->db()).add(problem);
        return {};
    });
    if (!written.ok())
        qWarning() << "adding a problem failed:" << resultMessage(written);
    return id;
}

QStringList TestSyncProblemsPanel::column(int column) const
{
    QStringList values;
    const QAbstractItemModel *model = m_panel->model();
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

void TestSyncProblemsPanel::emptyState()
{
    openPanel();
    auto *empty = m_panel->findChild<EmptyState *>();
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No sync problems"_s);
    QVERIFY(!button(u"Dismiss"_s)->isEnabled());
    QVERIFY(!button(u"Dismiss All"_s)->isEnabled());
    QVERIFY(button(u"Close"_s)->isEnabled());
    QCOMPARE(m_panel->windowTitle(), u"Sync Problems"_s);
    // The explanation goes with the list: nothing was refused.
    QVERIFY(!findVisibleByAccessibleName<QLabel>(m_panel.get(), kIntro));
}

void TestSyncProblemsPanel::listsProblemsNewestFirst()
{
    const QDateTime earlier = QDateTime(QDate(2026, 11, 27), QTime(2, 3), Qt::UTC);
    addProblem(u"createTemplate"_s, u"Trial CVM"_s, earlier);
    addProblem(u"recordDeduction"_s, u"VV000000000123"_s, earlier.addSecs(3600),
               u"The voucher's balance is ¥200.00, less than the amount.\nPay at most "
               u"¥200.00."_s);
    openPanel();

    QVERIFY(!m_panel->findChild<EmptyState *>()->isEmpty());
    QVERIFY(findVisibleByAccessibleName<QLabel>(m_panel.get(), kIntro)); // at the top
    QCOMPARE(column(SyncProblemModel::WhatColumn),
             (QStringList{u"Pay with voucher VV000000000123"_s, u"Create template “Trial CVM”"_s}));
    // Local time on screen (Shanghai, UTC+8).
    QCOMPARE(column(SyncProblemModel::WhenColumn),
             (QStringList{u"27 Nov 2026 11:03"_s, u"27 Nov 2026 10:03"_s}));
    QCOMPARE(column(SyncProblemModel::MessageColumn).constFirst(),
             u"The voucher's balance is ¥200.00, less than the amount. Pay at most ¥200.00."_s);
    QCOMPARE(m_panel->model()->headerData(SyncProblemModel::MessageColumn, Qt::Horizontal),
             QVariant(u"Server's answer"_s));

    // The newest is selected, its answer shown whole and as the server wrote it.
    QCOMPARE(view()->currentIndex().row(), 0);
    QCOMPARE(label(u"Refused change"_s)->text(), u"Pay with voucher VV000000000123"_s);
    QLabel *message = label(u"Server's answer"_s);
    QCOMPARE(message->text(), u"The voucher's balance is ¥200.00, less than the amount.\nPay at "
                              u"most ¥200.00."_s);
    QLabel *reference = label(u"Error code and request id"_s);
    QVERIFY(reference->text().contains(u"Error code: InvalidParameter.UinTaken"_s));
    QVERIFY(reference->text().contains(u"Request id: req-VV000000000123"_s));
    // Selectable, to copy them into a support request.
    QVERIFY(reference->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(message->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(reference->font().pointSizeF() < message->font().pointSizeF());

    clickRow(view(), 1);
    QCOMPARE(label(u"Refused change"_s)->text(), u"Create template “Trial CVM”"_s);
    QCOMPARE(message->text(), u"The UIN is registered to another partner."_s);
    QVERIFY(reference->text().contains(u"Request id: req-Trial CVM"_s));
    QVERIFY(button(u"Dismiss"_s)->isEnabled());
}

void TestSyncProblemsPanel::describesEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("create") << u"createTemplate"_s << u"Trial"_s << u"Create template “Trial”"_s;
    QTest::newRow("update") << u"updateTemplate"_s << u"Trial"_s << u"Edit template “Trial”"_s;
    QTest::newRow("duplicate") << u"duplicateTemplate"_s << u"Trial (copy)"_s
                               << u"Duplicate a template as “Trial (copy)”"_s;
    QTest::newRow("delete") << u"deleteTemplate"_s << u"Trial"_s << u"Delete template “Trial”"_s;
    QTest::newRow("submit") << u"submitApplication"_s << u"Trial"_s
                            << u"Apply with template “Trial”"_s;
    QTest::newRow("cancel") << u"cancelApplication"_s << u"Trial"_s
                            << u"Cancel application (template “Trial”)"_s;
    QTest::newRow("pay") << u"recordDeduction"_s << u"VV01"_s << u"Pay with voucher VV01"_s;
    QTest::newRow("customer") << u"addCustomer"_s << u"Acme"_s << u"Add customer “Acme”"_s;
    QTest::newRow("approve") << u"approve"_s << u"Trial"_s
                             << u"Approve application (template “Trial”)"_s;
    QTest::newRow("reject") << u"reject"_s << u"Trial"_s
                            << u"Reject application (template “Trial”)"_s;
    QTest::newRow("quota") << u"setQuota"_s << u"Demo Partner A"_s
                           << u"Set the quota of Demo Partner A"_s;
    QTest::newRow("invalidate") << u"invalidateVoucher"_s << u"VV01"_s
                                << u"Invalidate voucher VV01"_s;
    // A newer version's command still says what it was.
    QTest::newRow("unknown") << u"archiveTemplate"_s << u"Trial"_s << u"archiveTemplate (Trial)"_s;
}

void TestSyncProblemsPanel::describesEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, label);
    QFETCH(QString, sentence);
    SyncProblem problem;
    problem.command = command;
    problem.label = label;
    QCOMPARE(SyncProblemModel::describe(problem), sentence);
}

void TestSyncProblemsPanel::dismissRemovesOne()
{
    const QDateTime at = m_ws->now();
    const qint64 oldest = addProblem(u"addCustomer"_s, u"Beacon Labs"_s, at);
    const qint64 middle = addProblem(u"addCustomer"_s, u"Cobalt Ltd"_s, at.addSecs(60));
    addProblem(u"addCustomer"_s, u"Dune Analytics"_s, at.addSecs(120));
    openPanel();
    QCOMPARE(m_panel->model()->rowCount(), 3);

    clickRow(view(), 1); // Cobalt Ltd
    QTest::mouseClick(button(u"Dismiss"_s), Qt::LeftButton);
    QCOMPARE(column(SyncProblemModel::WhatColumn),
             (QStringList{u"Add customer “Dune Analytics”"_s, u"Add customer “Beacon Labs”"_s}));
    // Kept in the store, out of the open ones.
    SyncProblemRepository store(m_ws->db());
    QCOMPARE(store.openCount(), 2);
    const QList<SyncProblem> all = store.list(true);
    QCOMPARE(all.size(), 3);
    for (const SyncProblem &problem : all)
        QCOMPARE(problem.dismissed, problem.id == middle);
    // The next one takes the dismissed one's place, so Dismiss can be pressed again.
    QCOMPARE(view()->currentIndex().row(), 1);
    QCOMPARE(label(u"Server's answer"_s)->text(), u"The UIN is registered to another partner."_s);
    QTest::mouseClick(button(u"Dismiss"_s), Qt::LeftButton);
    QCOMPARE(column(SyncProblemModel::WhatColumn), QStringList{u"Add customer “Dune Analytics”"_s});
    QVERIFY(store.list(true).at(2).id == oldest && store.list(true).at(2).dismissed);
    QCOMPARE(store.openCount(), 1);
    QCOMPARE(m_sync->status().problems, 1);
}

void TestSyncProblemsPanel::dismissAllEmptiesIt()
{
    addProblem(u"addCustomer"_s, u"Beacon Labs"_s, m_ws->now());
    addProblem(u"setQuota"_s, u"Demo Partner A"_s, m_ws->now().addSecs(5));
    openPanel();
    QTest::mouseClick(button(u"Dismiss All"_s), Qt::LeftButton);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(m_panel->findChild<EmptyState *>()->isEmpty());
    QCOMPARE(SyncProblemRepository(m_ws->db()).openCount(), 0);
    QVERIFY(!button(u"Dismiss All"_s)->isEnabled());

    QTest::mouseClick(button(u"Close"_s), Qt::LeftButton);
    QVERIFY(!m_panel->isVisible());
}

void TestSyncProblemsPanel::followsTheControllersStatus()
{
    openPanel();
    QVERIFY(m_panel->findChild<EmptyState *>()->isEmpty());
    addProblem(u"addCustomer"_s, u"Beacon Labs"_s, m_ws->now());
    // The next round's status counts it.
    m_sync->syncNow();
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QVERIFY(!m_panel->findChild<EmptyState *>()->isEmpty());
    QCOMPARE(column(SyncProblemModel::WhatColumn), QStringList{u"Add customer “Beacon Labs”"_s});
}

void TestSyncProblemsPanel::showsARefusalOfTheServer()
{
    m_server = std::make_unique<FakeSyncServer>();
    QVERIFY(m_server->isListening());
    m_server->answer = [](const FakeSyncServer::Request &request) {
        if (request.method == "POST" && request.path == u"/api/v1/customers"_s) {
            return FakeSyncServer::error(400, u"InvalidParameter.UinTaken"_s,
                                         u"UIN 3000000001 belongs to another partner's customer."_s,
                                         u"7f3e-req"_s);
        }
        if (request.path.startsWith(u"/api/v1/customers/"_s))
            return FakeSyncServer::error(404, u"ResourceNotFound.Customer"_s, u"No such"_s, {});
        return request.path.startsWith(u"/api/v1/changes"_s) ? FakeSyncServer::noChanges()
                                                             : FakeSyncServer::Answer{};
    };
    m_sync = startSync(*m_session, m_server->url());
    openPanel();

    Customer draft;
    draft.name = u"Beacon Labs"_s;
    draft.uin = u"3000000001"_s;
    const auto added = m_session->commands().addCustomer(draft);
    QVERIFY2(added.ok(), resultMessage(added));
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(column(SyncProblemModel::WhatColumn), QStringList{u"Add customer “Beacon Labs”"_s});
    QCOMPARE(label(u"Server's answer"_s)->text(),
             u"UIN 3000000001 belongs to another partner's customer."_s);
    QCOMPARE(label(u"Error code and request id"_s)->text(),
             u"Error code: InvalidParameter.UinTaken   Request id: 7f3e-req"_s);
    // As the panel says: the row is back at the server's state, which has no such customer.
    QVERIFY(!CustomerRepository(m_ws->db()).find(added.value().id));
    QCOMPARE(Outbox(m_ws->db()).count(), 0);
}

void TestSyncProblemsPanel::screenshot()
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3600);
    addProblem(u"addCustomer"_s, u"Beacon Labs"_s, at);
    addProblem(u"updateTemplate"_s, u"Trial CVM 1000"_s, at.addSecs(600),
               u"The template was changed by someone else since you opened it. Open it again "
               u"to see the current version."_s);
    addProblem(u"recordDeduction"_s, u"VV000000000123"_s, at.addSecs(1200),
               u"The voucher's balance is ¥200.00, less than the amount ¥350.00."_s);
    openPanel();
    QVERIFY(m_panel->grab().save(u"/tmp/syncproblems.png"_s));
    m_panel.reset();
    for (const SyncProblem &problem : SyncProblemRepository(m_ws->db()).list())
        m_sync->dismissProblem(problem.id);
    openPanel();
    QVERIFY(m_panel->grab().save(u"/tmp/syncproblems-empty.png"_s));
}

QTEST_MAIN(TestSyncProblemsPanel)
#include "tst_syncproblemspanel.moc"
