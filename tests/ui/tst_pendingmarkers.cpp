#include "core/domain/customer.h"
#include "core/repositories/outbox.h"
#include "core/store/database.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/ui/synctestsupport.h"
#include "ui/customers/customertablemodel.h"
#include "ui/mainwindow.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The lists of a server workspace mark the rows that commands waiting for the server changed
// (a clock in the first column, a tooltip, the spoken text), and only those; the marks go when
// the outbox drains, without reloading the lists.
class TestPendingMarkers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void customerWaitingIsMarked();
    void templateWaitingIsMarked();
    void applicationWaitingIsMarked();
    void localWorkspaceMarksNothing();
    void refreshPendingRepaintsOnlyOnChange();
    void marksGoWhenTheOutboxDrains();

private:
    static bool marked(const QModelIndex &index);
    Customer addCustomer(const QString &name, const QString &uin);
    VoucherTemplate createTemplate(const QString &name);
    template<typename Model>
    int rowOf(const Model &model, const QUuid &id) const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<FakeSyncServer> m_server;
    std::unique_ptr<SyncController> m_sync;
};

namespace {
const QString kWaiting = u"Waiting to be sent to the server"_s;
} // namespace

void TestPendingMarkers::initTestCase()
{
    qputenv("TZ", "Asia/Shanghai");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_pendingmarkers"_s);
}

void TestPendingMarkers::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
}

void TestPendingMarkers::cleanup()
{
    m_sync.reset();
    m_server.reset();
    m_session.reset();
    m_ws.reset();
}

bool TestPendingMarkers::marked(const QModelIndex &index)
{
    const QVariant decoration = index.data(Qt::DecorationRole);
    const bool hasIcon =
        decoration.canConvert<QIcon>() && !decoration.value<QIcon>().pixmap(16, 16).isNull();
    const bool hasToolTip = index.data(Qt::ToolTipRole).toString().startsWith(kWaiting);
    const bool spoken = index.data(Qt::AccessibleTextRole)
                            .toString()
                            .endsWith(u", waiting to be sent to the server"_s);
    if (hasIcon != hasToolTip || hasToolTip != spoken)
        qWarning() << "half marked:" << hasIcon << hasToolTip << spoken;
    return hasIcon && hasToolTip && spoken;
}

Customer TestPendingMarkers::addCustomer(const QString &name, const QString &uin)
{
    Customer draft;
    draft.name = name;
    draft.uin = uin;
    const auto added = m_session->commands().addCustomer(draft);
    if (!added.ok())
        qWarning() << "adding a customer failed:" << resultMessage(added);
    return added.ok() ? added.value() : Customer{};
}

VoucherTemplate TestPendingMarkers::createTemplate(const QString &name)
{
    VoucherTemplate draft;
    draft.name = name;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 100000;
    draft.currency = u"CNY"_s;
    draft.validityDays = 30;
    draft.payMode = PayMode::All;
    draft.productCodes = {u"cvm"_s, u"cos"_s};
    const auto created = m_session->commands().createTemplate(draft);
    if (!created.ok())
        qWarning() << "creating a template failed:" << resultMessage(created);
    return created.ok() ? created.value() : VoucherTemplate{};
}

template<typename Model>
int TestPendingMarkers::rowOf(const Model &model, const QUuid &id) const
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(ItemRoles::Id).toUuid() == id)
            return row;
    }
    return -1;
}

void TestPendingMarkers::customerWaitingIsMarked()
{
    m_sync = startSync(*m_session, unreachableServer());
    CustomerTableModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Customer added = addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    QVERIFY(!added.id.isNull());
    model.reload(); // as the page does on Session::changed

    const int row = rowOf(model, added.id);
    QVERIFY(row >= 0);
    const QModelIndex name = model.index(row, CustomerTableModel::NameColumn);
    QVERIFY(marked(name));
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), kWaiting);
    QCOMPARE(name.data(Qt::AccessibleTextRole).toString(),
             u"Beacon Labs, waiting to be sent to the server"_s);
    QCOMPARE(name.data().toString(), u"Beacon Labs"_s);
    // Only the first column carries it.
    QVERIFY(!model.index(row, CustomerTableModel::UinColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(model.index(row, CustomerTableModel::UinColumn).data(Qt::AccessibleTextRole),
             QVariant(u"3000000001"_s));
    // A customer the server has: no mark.
    const QModelIndex other = model.index(rowOf(model, m_ws->customerA.id), 0);
    QVERIFY(other.isValid());
    QVERIFY(!other.data(Qt::DecorationRole).isValid());
    QVERIFY(!other.data(Qt::ToolTipRole).isValid());
    QCOMPARE(other.data(Qt::AccessibleTextRole).toString(), u"Acme Test Co"_s);
    QVERIFY(model.isPending(added.id) && !model.isPending(m_ws->customerA.id));
}

void TestPendingMarkers::templateWaitingIsMarked()
{
    const VoucherTemplate local = m_ws->createTemplate(u"Known to the server"_s);
    const VoucherTemplate locked = m_ws->createTemplate(u"Applied for"_s);
    m_sync = startSync(*m_session, unreachableServer());
    TemplateTableModel model(m_session->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const VoucherTemplate created = createTemplate(u"Made offline"_s);
    QVERIFY(!created.id.isNull());
    // Applying locks the template: its row changes too, so it waits as well.
    SubmitApplicationRequest request;
    request.templateId = locked.id;
    request.customerId = m_ws->customerA.id;
    request.scenario = u"Load test of CVM for a two-week trial before migration."_s;
    const auto submitted = m_session->commands().submitApplication(request);
    QVERIFY2(submitted.ok(), resultMessage(submitted));
    model.setFilter({});
    QCOMPARE(model.rowCount(), 3);

    const QModelIndex made = model.index(rowOf(model, created.id), TemplateTableModel::Name);
    QVERIFY(marked(made));
    QCOMPARE(made.data(Qt::ToolTipRole).toString(), kWaiting);
    QCOMPARE(made.data(Qt::AccessibleTextRole).toString(),
             u"Made offline, waiting to be sent to the server"_s);
    QVERIFY(!model.index(made.row(), TemplateTableModel::Kind).data(Qt::DecorationRole).isValid());

    const QModelIndex applied = model.index(rowOf(model, locked.id), TemplateTableModel::Name);
    QVERIFY(marked(applied));
    QCOMPARE(applied.data(Qt::ToolTipRole).toString(),
             kWaiting + u"\nLocked: an application was submitted"_s);

    const QModelIndex known = model.index(rowOf(model, local.id), TemplateTableModel::Name);
    QVERIFY(known.isValid());
    QVERIFY(!marked(known));
    QVERIFY(!known.data(Qt::DecorationRole).isValid());
    QVERIFY(!known.data(Qt::AccessibleTextRole).isValid());
}

void TestPendingMarkers::applicationWaitingIsMarked()
{
    const VoucherTemplate tmpl = m_ws->createTemplate(u"Trial"_s);
    const QUuid known = m_ws->submit(tmpl.id);
    m_sync = startSync(*m_session, unreachableServer());
    SubmitApplicationRequest request;
    request.templateId = tmpl.id;
    request.customerId = m_ws->customerA.id;
    request.scenario = u"Load test of CVM for a two-week trial before migration."_s;
    const auto submitted = m_session->commands().submitApplication(request);
    QVERIFY2(submitted.ok(), resultMessage(submitted));

    VoucherListModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex waiting =
        model.index(model.rowOf(submitted.value().id), VoucherListModel::CodeColumn);
    QVERIFY(marked(waiting));
    QCOMPARE(waiting.data(Qt::AccessibleTextRole).toString(),
             u"No voucher yet, waiting to be sent to the server"_s);
    QCOMPARE(waiting.data().toString(), u"—"_s);
    QVERIFY(!model.index(waiting.row(), VoucherListModel::CustomerColumn)
                 .data(Qt::DecorationRole)
                 .isValid());
    const QModelIndex other = model.index(model.rowOf(known), VoucherListModel::CodeColumn);
    QVERIFY(other.isValid());
    QVERIFY(!marked(other));
    QVERIFY(!other.data(Qt::DecorationRole).isValid());
}

void TestPendingMarkers::localWorkspaceMarksNothing()
{
    // The local store's commands never queue anything.
    const Customer added = addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    QVERIFY(!added.id.isNull());
    QCOMPARE(Outbox(m_ws->db()).count(), 0);
    CustomerTableModel customers(*m_session);
    const QModelIndex row = customers.index(rowOf(customers, added.id), 0);
    QVERIFY(row.isValid());
    QVERIFY(!row.data(Qt::DecorationRole).isValid());
    QVERIFY(!row.data(Qt::ToolTipRole).isValid());
}

void TestPendingMarkers::refreshPendingRepaintsOnlyOnChange()
{
    m_sync = startSync(*m_session, unreachableServer());
    CustomerTableModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refreshPending();
    QCOMPARE(changed.count(), 0); // nothing waits: nothing to repaint

    // A command on a customer the list shows (here: one that the outbox names directly).
    const Customer added = addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    model.reload();
    reset.clear();
    QVERIFY(model.isPending(added.id));
    model.refreshPending();
    QCOMPARE(changed.count(), 0); // the same ids

    // The server took it: the marker goes, the rows stay.
    const Result<void> sent = m_ws->db().write([&]() -> Result<void> {
        Outbox outbox(m_ws->db());
        outbox.remove(outbox.first()->seq);
        return {};
    });
    QVERIFY2(sent.ok(), resultMessage(sent));
    model.refreshPending();
    QCOMPARE(changed.count(), 1);
    const QList<QVariant> arguments = changed.constFirst();
    QCOMPARE(arguments.at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(arguments.at(1).toModelIndex(), model.index(model.rowCount() - 1, 0));
    QCOMPARE(reset.count(), 0);
    QVERIFY(!model.isPending(added.id));
    QVERIFY(!marked(model.index(rowOf(model, added.id), 0)));
}

void TestPendingMarkers::marksGoWhenTheOutboxDrains()
{
    m_server = std::make_unique<FakeSyncServer>();
    QVERIFY(m_server->isListening());
    auto reachable = std::make_shared<bool>(false);
    m_server->answer = [reachable](const FakeSyncServer::Request &request) {
        if (!*reachable)
            return FakeSyncServer::error(503, u"ServiceUnavailable"_s, u"Maintenance"_s, {});
        return request.path.startsWith(u"/api/v1/changes"_s) ? FakeSyncServer::noChanges()
                                                             : FakeSyncServer::Answer{};
    };
    m_sync = startSync(*m_session, m_server->url());
    MainWindow window(*m_session, u"Server"_s);
    window.setSync(m_sync.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(Page::Id::Customers);
    QTRY_COMPARE(m_sync->status().connection, SyncStatus::Connection::Offline);

    const Customer added = addCustomer(u"Beacon Labs"_s, u"3000000001"_s);
    const VoucherTemplate created = createTemplate(u"Made offline"_s);
    QVERIFY(!added.id.isNull() && !created.id.isNull());
    // What the customer and template dialogs do after their command.
    m_session->notifyChanged(Session::Change::Customers | Session::Change::Templates);

    auto *customers = window.page(Page::Id::Customers)->findChild<CustomerTableModel *>();
    auto *templates = window.page(Page::Id::Templates)->findChild<TemplateTableModel *>();
    QVERIFY(customers && templates);
    const int row = rowOf(*customers, added.id);
    QVERIFY(marked(customers->index(row, 0)));
    QVERIFY(marked(templates->index(rowOf(*templates, created.id), 0)));
    auto *view = window.page(Page::Id::Customers)->findChild<QTableView *>();
    QVERIFY(view);
    view->selectionModel()->setCurrentIndex(
        customers->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(window.grab().save(u"/tmp/pendingmarkers.png"_s));

    *reachable = true;
    QTRY_COMPARE(Outbox(m_ws->db()).count(), 0);
    QTRY_VERIFY(!marked(customers->index(row, 0)));
    QTRY_VERIFY(!marked(templates->index(rowOf(*templates, created.id), 0)));
    // The rows the commands changed are read again from the server when they are done, and
    // the page reloads them; the selection stays where it was.
    QTRY_VERIFY(m_sync->status().lastSyncAt.isValid() && m_sync->status().pending == 0);
    QCOMPARE(view->currentIndex().row(), row);
    QVERIFY(view->selectionModel()->isRowSelected(row, {}));
}

QTEST_MAIN(TestPendingMarkers)
#include "tst_pendingmarkers.moc"
