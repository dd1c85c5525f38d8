#include "core/domain/customer.h"
#include "core/repositories/outbox.h"
#include "core/store/database.h"
#include "core/sync/syncproblemrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "tests/ui/synctestsupport.h"
#include "ui/mainwindow.h"
#include "ui/sync/syncproblemmodel.h"
#include "ui/sync/syncproblemspanel.h"
#include "ui/sync/syncstatuswidget.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

// The status bar's sync state of a server workspace: connection, waiting changes, last sync,
// problems and Sync Now, driven by a real SyncController against an unreachable server or a
// stand-in one; and the main window's Sync menu around it.
class TestSyncStatusWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void offlineWhenServerUnreachable();
    void waitingCountFollowsTheOutbox();
    void onlineShowsLastSyncAndDrainsTheOutbox();
    void pullInProgress();
    void signedOutByTheServer();
    void syncNowStartsARound();
    void problemsButtonOnlyWithProblems();
    void mainWindowShowsSync();
    void screenshot();

private:
    void startOn(const QUrl &server);
    QLabel *label(const QString &accessibleName) const
    {
        return requireByAccessibleName<QLabel>(m_widget.get(), accessibleName);
    }
    QToolButton *problemsButton() const;
    QToolButton *syncNowButton() const
    {
        return requireByAccessibleName<QToolButton>(m_widget.get(), u"Sync Now"_s);
    }
    void addCustomer(const QString &name, const QString &uin);
    void addProblem(const QString &label);

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<FakeSyncServer> m_server;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<SyncStatusWidget> m_widget;
};

namespace {
const QString kOffline = u"Offline — changes are kept and sent when the server is back"_s;
} // namespace

void TestSyncStatusWidget::initTestCase()
{
    qputenv("TZ", "Asia/Shanghai");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_syncstatuswidget"_s);
}

void TestSyncStatusWidget::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
}

void TestSyncStatusWidget::cleanup()
{
    m_widget.reset();
    m_sync.reset(); // stops the engine before its store goes
    m_server.reset();
    m_session.reset();
    m_ws.reset();
}

void TestSyncStatusWidget::startOn(const QUrl &server)
{
    m_sync = startSync(*m_session, server);
    m_widget = std::make_unique<SyncStatusWidget>(*m_sync);
    m_widget->resize(900, 30);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
}

QToolButton *TestSyncStatusWidget::problemsButton() const
{
    for (auto *button : m_widget->findChildren<QToolButton *>()) {
        if (button->accessibleName().startsWith(u"Sync Problems"_s))
            return button;
    }
    qFatal("no Sync Problems button");
}

void TestSyncStatusWidget::addCustomer(const QString &name, const QString &uin)
{
    Customer draft;
    draft.name = name;
    draft.uin = uin;
    const auto added = m_session->commands().addCustomer(draft);
    QVERIFY2(added.ok(), resultMessage(added));
}

void TestSyncStatusWidget::addProblem(const QString &label)
{
    SyncProblem problem;
    problem.at = QDateTime::currentDateTimeUtc();
    problem.command = u"addCustomer"_s;
    problem.label = label;
    problem.entity = u"customer"_s;
    problem.entityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    problem.code = u"InvalidParameter.UinTaken"_s;
    problem.message = u"The UIN is registered to another partner."_s;
    problem.requestId = u"req-42"_s;
    const Result<void> written = m_ws->db().write([&]() -> Result<void> {
        SyncProblemRepository(m_ws->db()).add(problem);
        return {};
    });
    QVERIFY2(written.ok(), resultMessage(written));
}

void TestSyncStatusWidget::offlineWhenServerUnreachable()
{
    startOn(unreachableServer());
    QLabel *connection = label(u"Server connection"_s);
    QTRY_COMPARE(connection->text(), kOffline);
    // Why, in the tooltip: the server and the network's own words.
    QVERIFY2(connection->toolTip().startsWith(u"http://127.0.0.1:9 cannot be reached: "_s),
             qPrintable(connection->toolTip()));
    QVERIFY(!m_sync->status().lastError.isEmpty());
    QVERIFY(connection->toolTip().endsWith(m_sync->status().lastError));
    QVERIFY(label(u"Connection state"_s)->isVisible());
    QVERIFY(!label(u"Changes waiting to be sent"_s)->isVisible());
    QVERIFY(!label(u"Last sync"_s)->isVisible()); // never completed one
    QVERIFY(!problemsButton()->isVisible());
    QVERIFY(!m_widget->findChild<QProgressBar *>()->isVisible());
    QVERIFY(syncNowButton()->isEnabled());
    QVERIFY(!syncNowButton()->toolTip().isEmpty());
}

void TestSyncStatusWidget::waitingCountFollowsTheOutbox()
{
    startOn(unreachableServer());
    QTRY_COMPARE(label(u"Server connection"_s)->text(), kOffline);
    QLabel *pending = label(u"Changes waiting to be sent"_s);
    QVERIFY(!pending->isVisible());

    addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    QTRY_VERIFY(pending->isVisible());
    QCOMPARE(pending->text(), u"1 waiting to be sent"_s);
    addCustomer(u"Cobalt Ltd"_s, u"3000000002"_s);
    QTRY_COMPARE(pending->text(), u"2 waiting to be sent"_s);
    QCOMPARE(Outbox(m_ws->db()).count(), 2);
    // Still offline: the engine tried to send them and could not.
    QTRY_COMPARE(label(u"Server connection"_s)->text(), kOffline);
    QCOMPARE(pending->text(), u"2 waiting to be sent"_s);
}

void TestSyncStatusWidget::onlineShowsLastSyncAndDrainsTheOutbox()
{
    m_server = std::make_unique<FakeSyncServer>();
    QVERIFY(m_server->isListening());
    // Refuses nothing, but answers nothing either until the suite lets it.
    auto reachable = std::make_shared<bool>(false);
    m_server->answer = [reachable](const FakeSyncServer::Request &request) {
        if (!*reachable)
            return FakeSyncServer::error(503, u"ServiceUnavailable"_s, u"Maintenance"_s, {});
        return request.path.startsWith(u"/api/v1/changes"_s) ? FakeSyncServer::noChanges()
                                                             : FakeSyncServer::Answer{};
    };
    startOn(m_server->url());
    QLabel *connection = label(u"Server connection"_s);
    QTRY_COMPARE(connection->text(), kOffline);
    QCOMPARE(connection->toolTip(),
             m_server->url().toDisplayString() + u" cannot be reached: Maintenance"_s);
    addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    QLabel *pending = label(u"Changes waiting to be sent"_s);
    QTRY_COMPARE(pending->text(), u"1 waiting to be sent"_s);
    QVERIFY(pending->isVisible());

    *reachable = true;
    QTRY_COMPARE(connection->text(), u"Online"_s);
    QTRY_VERIFY(!pending->isVisible());
    QCOMPARE(Outbox(m_ws->db()).count(), 0);
    QCOMPARE(m_server->count("POST", u"/api/v1/customers"_s), 1);
    QVERIFY(connection->toolTip().contains(m_server->url().toDisplayString()));

    QLabel *lastSync = label(u"Last sync"_s);
    QTRY_VERIFY(lastSync->isVisible());
    const QDateTime at = m_sync->status().lastSyncAt;
    QVERIFY(at.isValid());
    // Today's sync by its local time alone; the tooltip says the day too.
    QCOMPARE(lastSync->text(), u"Last sync "_s + at.toLocalTime().toString(u"HH:mm"_s));
    QCOMPARE(lastSync->toolTip(), u"The last complete sync ended "_s +
                                      QLocale().toString(at.toLocalTime(), u"d MMM yyyy HH:mm"_s));
}

void TestSyncStatusWidget::pullInProgress()
{
    m_server = std::make_unique<FakeSyncServer>();
    auto released = std::make_shared<bool>(false);
    // A first page of three changes, and a second one that waits for the suite.
    m_server->answer = [released](const FakeSyncServer::Request &request) {
        if (!request.path.startsWith(u"/api/v1/changes"_s))
            return FakeSyncServer::Answer{};
        if (request.path.startsWith(u"/api/v1/changes?since=0&"_s)) {
            QJsonArray changes;
            for (int i = 0; i < 3; ++i) {
                changes.append(
                    QJsonObject{{u"entity"_s, u"customer"_s},
                                {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {u"rev"_s, i + 1},
                                {u"deleted"_s, true}});
            }
            return FakeSyncServer::Answer{
                200, {{u"changes"_s, changes}, {u"nextSince"_s, 3}, {u"hasMore"_s, true}}};
        }
        if (!*released)
            return FakeSyncServer::Answer{0, {}};
        return FakeSyncServer::Answer{
            200, {{u"changes"_s, QJsonArray()}, {u"nextSince"_s, 3}, {u"hasMore"_s, false}}};
    };
    startOn(m_server->url());
    auto *progress = m_widget->findChild<QProgressBar *>();
    QLabel *receiving = label(u"Changes received"_s);
    QTRY_VERIFY(progress->isVisible());
    QVERIFY(receiving->isVisible());
    QCOMPARE(receiving->text(), u"Receiving changes… 3"_s);
    // Busy: how many more are coming is not known.
    QCOMPARE(progress->minimum(), 0);
    QCOMPARE(progress->maximum(), 0);
    QCOMPARE(progress->accessibleDescription(), receiving->text());
    QVERIFY(!label(u"Last sync"_s)->isVisible());

    *released = true;
    m_server->release();
    QTRY_VERIFY(!progress->isVisible());
    QVERIFY(!receiving->isVisible());
    QTRY_VERIFY(label(u"Last sync"_s)->isVisible());
    QCOMPARE(label(u"Server connection"_s)->text(), u"Online"_s);
}

void TestSyncStatusWidget::signedOutByTheServer()
{
    m_server = std::make_unique<FakeSyncServer>();
    m_server->answer = [](const FakeSyncServer::Request &) {
        return FakeSyncServer::error(401, u"AuthFailure.TokenExpired"_s,
                                     u"The sign-in has expired."_s, u"req-7"_s);
    };
    startOn(m_server->url());
    QLabel *connection = label(u"Server connection"_s);
    QTRY_COMPARE(connection->text(), u"Signed out by the server — sign in again"_s);
    QCOMPARE(connection->toolTip(),
             u"The server no longer accepts this sign-in: The sign-in has expired."_s);
    // Nothing can be sent until the user signs in again.
    QVERIFY(!syncNowButton()->isEnabled());
}

void TestSyncStatusWidget::syncNowStartsARound()
{
    m_server = std::make_unique<FakeSyncServer>();
    startOn(m_server->url());
    QTRY_COMPARE(label(u"Server connection"_s)->text(), u"Online"_s);
    QTRY_COMPARE(m_server->count("GET", u"/api/v1/changes"_s), 1);
    // The next timed round is a minute away: only the button makes this one.
    QTest::mouseClick(syncNowButton(), Qt::LeftButton);
    QTRY_COMPARE(m_server->count("GET", u"/api/v1/changes"_s), 2);
}

void TestSyncStatusWidget::problemsButtonOnlyWithProblems()
{
    startOn(unreachableServer());
    QTRY_COMPARE(label(u"Server connection"_s)->text(), kOffline);
    QToolButton *problems = problemsButton();
    QVERIFY(!problems->isVisible());

    addProblem(u"Beacon Labs"_s);
    addProblem(u"Cobalt Ltd"_s);
    QTest::mouseClick(syncNowButton(), Qt::LeftButton); // the round's status counts them
    QTRY_VERIFY(problems->isVisible());
    QCOMPARE(problems->text(), u"Sync Problems (2)"_s);
    QCOMPARE(problems->accessibleName(), u"Sync Problems (2)"_s);
    QVERIFY(!problems->toolTip().isEmpty());

    QTest::mouseClick(problems, Qt::LeftButton);
    auto *panel = waitForVisibleChild<SyncProblemsPanel>(m_widget.get());
    QVERIFY(panel);
    QCOMPARE(panel->model()->rowCount(), 2);
    // Opened again, the same panel comes to the front.
    QCOMPARE(m_widget->openProblems(), panel);

    QTest::mouseClick(requireByAccessibleName<QPushButton>(panel, u"Dismiss"_s), Qt::LeftButton);
    QTRY_COMPARE(problems->text(), u"Sync Problems (1)"_s);
    QTest::mouseClick(requireByAccessibleName<QPushButton>(panel, u"Dismiss All"_s),
                      Qt::LeftButton);
    QTRY_VERIFY(!problems->isVisible());
    QCOMPARE(SyncProblemRepository(m_ws->db()).openCount(), 0);
}

void TestSyncStatusWidget::mainWindowShowsSync()
{
    m_sync = startSync(*m_session, unreachableServer());
    MainWindow window(*m_session, u"Local workspace test.db"_s);
    window.setSync(m_sync.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(window.syncStatus());
    QCOMPARE(window.syncStatus()->parentWidget(), window.statusBar());
    // A screen reader hears what the label shows, after what it is.
    const QString shown = u"manager.a (Partner manager) · Server http://127.0.0.1:9"_s;
    const QString who =
        requireByAccessibleName<QLabel>(&window, u"Signed in as "_s + shown)->text();
    QCOMPARE(who, shown);
    QTRY_COMPARE(
        requireByAccessibleName<QLabel>(window.syncStatus(), u"Server connection"_s)->text(),
        kOffline);

    // A Sync menu before Help, with Sync Now on F9 and the problems panel.
    const QList<QAction *> menus = window.menuBar()->actions();
    QStringList titles;
    for (QAction *menu : menus)
        titles.append(menu->text());
    const qsizetype sync = titles.indexOf(u"&Sync"_s);
    QVERIFY2(sync >= 0 && titles.value(sync + 1) == u"&Help"_s, qPrintable(titles.join(u' ')));
    const QList<QAction *> actions = menus.at(sync)->menu()->actions();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions.at(0)->text(), u"Sync &Now"_s);
    QCOMPARE(actions.at(0)->shortcut(), QKeySequence(Qt::Key_F9));
    QVERIFY(actions.at(0)->toolTip().contains(u"F9"_s));
    QCOMPARE(actions.at(1)->text(), u"Sync &Problems…"_s);

    QVERIFY(!window.findChild<SyncProblemsPanel *>());
    actions.at(1)->trigger();
    auto *panel = waitForVisibleChild<SyncProblemsPanel>(&window);
    QVERIFY(panel);
    panel->close();
    QTRY_VERIFY(!window.findChild<SyncProblemsPanel *>()); // deleted on close
}

void TestSyncStatusWidget::screenshot()
{
    m_sync = startSync(*m_session, unreachableServer());
    MainWindow window(*m_session, u"Local workspace test.db"_s);
    window.setSync(m_sync.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    addCustomer(u"Cobalt Ltd"_s, u"3000000002"_s);
    addProblem(u"Dune Analytics"_s);
    m_sync->syncNow();
    QToolButton *problems = nullptr;
    for (auto *button : window.syncStatus()->findChildren<QToolButton *>()) {
        if (button->accessibleName().startsWith(u"Sync Problems"_s))
            problems = button;
    }
    QVERIFY(problems);
    QTRY_VERIFY(problems->isVisible());
    QTRY_COMPARE(
        requireByAccessibleName<QLabel>(window.syncStatus(), u"Server connection"_s)->text(),
        kOffline);
    QVERIFY(window.grab().save(u"/tmp/syncstatus-window.png"_s));
    QVERIFY(window.statusBar()->grab().save(u"/tmp/syncstatus.png"_s));
}

QTEST_MAIN(TestSyncStatusWidget)
#include "tst_syncstatuswidget.moc"
