// The server workspace as two people use it, through the real windows and a real server: a
// partner manager and a reviewer sign in with the dialog's Server mode, each to their own
// replica; the partner applies, the reviewer approves from the Review Queue with the keyboard,
// the partner's Vendor Voucher List shows the voucher after a sync; then the server goes away,
// the partner keeps working (rows marked, "waiting to be sent"), and the server's return sends
// every waiting change exactly once.

#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/customers/customertablemodel.h"
#include "ui/mainwindow.h"
#include "ui/review/reviewqueuemodel.h"
#include "ui/review/reviewqueuewindow.h"
#include "ui/signin/signedinworkspace.h"
#include "ui/signin/signindialog.h"
#include "ui/vouchers/voucherlistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

// One person at their desk: the sign-in dialog, then the main window on what it opened.
struct Desk
{
    QTemporaryDir dataFolder;
    std::unique_ptr<SignInDialog> dialog;
    std::unique_ptr<SignedInWorkspace> workspace;
    std::unique_ptr<MainWindow> window;

    SyncStatus status() const { return workspace->sync()->status(); }
    bool settled() const
    {
        const SyncStatus s = status();
        return s.connection == SyncStatus::Connection::Online && s.pending == 0 && !s.pulling &&
               s.lastSyncAt.isValid();
    }
    QString statusText(const QString &accessibleName) const
    {
        auto *label = findByAccessibleName<QLabel>(window.get(), accessibleName);
        return label && label->isVisibleTo(window.get()) ? label->text() : QString();
    }
    void syncNow() const
    {
        QTest::mouseClick(requireByAccessibleName<QToolButton>(window.get(), u"Sync Now"_s),
                          Qt::LeftButton);
    }
};

std::unique_ptr<Desk> signIn(const QUrl &server, const QString &login)
{
    auto desk = std::make_unique<Desk>();
    desk->dialog = std::make_unique<SignInDialog>(desk->dataFolder.filePath(u"demo.db"_s));
    SignInDialog &dialog = *desk->dialog;
    dialog.setDataFolder(desk->dataFolder.path());
    dialog.setOfflinePasswordCost(PasswordHasher::Cost::Minimal);
    dialog.show();
    QTest::mouseClick(requireByAccessibleName<QRadioButton>(&dialog, u"Server"_s), Qt::LeftButton);
    typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Server address"_s), server.toString());
    typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Login"_s), login);
    typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Password"_s), u"password-"_s + login);
    QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
    QTest::keyClick(requireByAccessibleName<QLineEdit>(&dialog, u"Password"_s), Qt::Key_Return);
    if (!finished.wait(kWaitMs) || !finished.first().first().toBool()) {
        qWarning() << "sign-in failed for" << login;
        return nullptr;
    }
    desk->workspace = std::make_unique<SignedInWorkspace>(dialog);
    desk->window =
        std::make_unique<MainWindow>(desk->workspace->session(), desk->workspace->description());
    desk->window->setSync(desk->workspace->sync());
    desk->window->resize(1280, 800);
    desk->window->show();
    return desk;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    if (!qEnvironmentVariableIsEmpty("VD_UI_SCREENSHOTS"))
        widget->grab().save(qEnvironmentVariable("VD_UI_SCREENSHOTS") + u'/' + name);
}

} // namespace

class TestServerWorkspaceFlow : public QObject
{
    Q_OBJECT

private slots:
    void partnerAndReviewerWorkOneServerThroughAnOfflineSpell()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));

        auto partner = signIn(server.url(), u"manager.a"_s);
        auto reviewer = signIn(server.url(), u"reviewer"_s);
        QVERIFY(partner && reviewer);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled() && reviewer->settled(), kWaitMs);
        QCOMPARE(partner->statusText(u"Server connection"_s), u"Online"_s);
        QVERIFY(partner->statusText(u"Last sync"_s).startsWith(u"Last sync"_s));

        // The partner applies; the row is in its list at once, marked until the server has it.
        Session &partnerSession = partner->workspace->session();
        const auto created = partnerSession.commands().createTemplate(
            TestWorkspace::templateDraft(u"Flow"_s, VoucherKind::Specific, 250000));
        QVERIFY(created);
        SubmitApplicationRequest request;
        request.templateId = created.value().id;
        request.customerId = ws.customerA.id;
        request.scenario = u"Two-week load test of CVM before the migration."_s;
        const auto submitted = partnerSession.commands().submitApplication(request);
        QVERIFY(submitted);
        const QUuid applicationId = submitted.value().id;
        partnerSession.notifyChanged(Session::Change::Applications | Session::Change::Templates);
        partner->window->showPage(Page::Id::VoucherList, applicationId);
        auto *list = partner->window->findChild<VoucherListModel *>();
        QVERIFY(list);
        QTRY_VERIFY(list->rowOf(applicationId) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QTRY_VERIFY(!list->isPending(list->rowAt(list->rowOf(applicationId))));

        // The reviewer's queue shows it after a sync; A approves the selected one.
        ReviewQueueWindow *queue = reviewer->window->openReviewQueue();
        QVERIFY(queue);
        reviewer->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 1, kWaitMs);
        clickRow(queue->view(), 0);
        QCOMPARE(queue->currentApplicationId(), applicationId);
        saveScreenshot(queue, u"server-review-queue.png"_s);
        QTest::keyClick(queue->view(), Qt::Key_A);
        auto *confirmation = waitForVisibleChild<QMessageBox>(queue);
        QVERIFY(confirmation);
        QTest::keyClick(confirmation, Qt::Key_Return);
        QVERIFY(queue->messageText().startsWith(u"Decision sent"_s));
        QTRY_COMPARE_WITH_TIMEOUT(ApplicationRepository(ws.db()).find(applicationId)->status,
                                  ApplicationStatus::Approved, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 0, kWaitMs);
        QTRY_VERIFY(queue->messageText().startsWith(u"The server approved"_s));

        // The partner sees the issued voucher after a sync.
        partner->syncNow();
        const QString code =
            VoucherRepository(ws.db())
                .find(ApplicationRepository(ws.db()).find(applicationId)->voucherId)
                ->code;
        QTRY_COMPARE_WITH_TIMEOUT(list->rowAt(list->rowOf(applicationId)).voucherCode, code,
                                  kWaitMs);
        saveScreenshot(partner->window.get(), u"server-voucher-list.png"_s);

        // The server goes away; the partner keeps working.
        server.kill();
        partner->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(partner->status().connection, SyncStatus::Connection::Offline,
                                  kWaitMs);
        QVERIFY(partner->statusText(u"Server connection"_s).startsWith(u"Offline"_s));
        Customer customer;
        customer.name = u"Offline Labs"_s;
        customer.uin = u"800000001"_s;
        const auto added = partnerSession.commands().addCustomer(customer);
        QVERIFY(added);
        partnerSession.notifyChanged(Session::Change::Customers);
        partner->window->showPage(Page::Id::Customers);
        auto *customers = partner->window->findChild<CustomerTableModel *>();
        QVERIFY(customers);
        QTRY_VERIFY(customers->isPending(added.value().id));
        QTRY_COMPARE(partner->statusText(u"Changes waiting to be sent"_s),
                     u"1 waiting to be sent"_s);
        saveScreenshot(partner->window.get(), u"server-offline.png"_s);
        QVERIFY(!CustomerRepository(ws.db()).find(added.value().id));

        // Back: the waiting change is sent once, the marker and the count go.
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        partner->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QTRY_VERIFY(!customers->isPending(added.value().id));
        QCOMPARE(partner->statusText(u"Changes waiting to be sent"_s), QString());
        QVERIFY(CustomerRepository(ws.db()).find(added.value().id));
        CustomerFilter byName;
        byName.text = u"Offline Labs"_s;
        QCOMPARE(CustomerRepository(ws.db()).count(byName), 1);
    }

    // A server that takes the connection and never answers: Cancel stops the wait at once, and
    // nothing is opened offline behind the user's back.
    void cancelStopsWaitingForTheServer()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir folder;
        SignInDialog dialog(folder.filePath(u"demo.db"_s));
        dialog.setDataFolder(folder.path());
        dialog.show();
        dialog.setServerMode(true);
        typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Server address"_s),
                 u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Login"_s), u"manager.a"_s);
        typeInto(requireByAccessibleName<QLineEdit>(&dialog, u"Password"_s), u"secret"_s);
        QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
        QTest::mouseClick(requireByAccessibleName<QPushButton>(&dialog, u"Sign in"_s),
                          Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        auto *cancel = requireByAccessibleName<QPushButton>(&dialog, u"Cancel sign-in"_s);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QVERIFY(findByAccessibleName<QPushButton>(&dialog, u"Quit"_s));
        QVERIFY(!dialog.serverOutcome().replica);
    }
};

QTEST_MAIN(TestServerWorkspaceFlow)
#include "tst_serverworkspaceflow.moc"
