#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/applications/applicationwizard.h"
#include "ui/customers/customerdialog.h"
#include "ui/customers/customertablemodel.h"
#include "ui/mainwindow.h"
#include "ui/quotaheader.h"
#include "ui/templates/templateeditor.h"
#include "ui/templates/templatesummary.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/vouchers/deductiontablemodel.h"
#include "ui/vouchers/paydialog.h"
#include "ui/vouchers/voucherdetailpanel.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace Qt::StringLiterals;

// Runs one step of the story; a failed step ends the story there.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// The channel manager's whole story through one main window, as a user drives it: a customer,
// a template, an application shown in the Vendor Voucher List, its cancellation, a second
// application approved by the vendor and paid with, and the list's filters. Every step is
// checked in the widgets and in the store.
class TestPartnerCenterFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void channelManagersStory();

private:
    // The story's steps, in order; each leaves what the next one starts from.
    void openWindow();
    void addCustomer();
    void createTemplate();
    void applyAndShowInList();
    void cancelReview();
    void applyAgainApproveAndPay();
    void filterTheList();

    // Finding widgets as a screen reader would: by accessible name (or a button's text), among
    // the visible widgets under `root`.
    template<typename T = QWidget>
    static T *named(QWidget *root, const QString &accessibleName)
    {
        return findVisibleByAccessibleName<T>(root, accessibleName);
    }
    static QAbstractButton *button(QWidget *root, const QString &text);
    template<typename T>
    T *waitForDialog();

    // Visible or not: a page's table hides behind its empty state.
    QTableView *table(const QString &accessibleName) const
    {
        return findByAccessibleName<QTableView>(m_window.get(), accessibleName);
    }
    QTableView *voucherTable() const { return table(u"Vendor Voucher List"_s); }
    QTableView *templateTable() const { return table(u"Voucher templates"_s); }
    VoucherDetailPanel *detailPanel() const { return m_window->findChild<VoucherDetailPanel *>(); }
    QString detailLabel(const char *objectName) const;
    QToolBar *templatesToolbar() const
    {
        return m_window->findChild<QToolBar *>(u"templatesToolbar"_s);
    }
    QAbstractButton *templateAction(const QString &objectName) const;
    QString pageTitle() const;
    QString quotaText() const { return m_window->quotaHeader()->summaryText(); }
    QList<QUuid> listedIds(QTableView *view) const;
    QModelIndex currentCell(QTableView *view, int column) const;
    void activateMainWindow();
    // A key as the user presses it: to the widget with the keyboard focus.
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Apply… on the selected template, through the wizard to "Show in Vendor Voucher List".
    void applyWithWizard(QUuid &submitted);

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;

    const QString m_customerName = u"Beacon Labs"_s;
    const QString m_customerUin = u"3000000001"_s;
    const QString m_templateName = u"Trial CVM 1000"_s;
    QUuid m_customerId;
    QUuid m_templateId;
    QUuid m_cancelledId;
    QUuid m_paidId;
    QString m_voucherCode;
};

void TestPartnerCenterFlow::initTestCase()
{
    // The expected review date and the amounts are shown in local time and language.
    qputenv("TZ", "Asia/Shanghai");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPartnerCenterFlow::cleanup()
{
    m_window.reset(); // before the session it uses
    m_session.reset();
    m_ws.reset();
}

QAbstractButton *TestPartnerCenterFlow::button(QWidget *root, const QString &text)
{
    if (auto *byName = named<QAbstractButton>(root, text))
        return byName;
    for (QAbstractButton *candidate : root->findChildren<QAbstractButton *>()) {
        if (candidate->isVisible() && candidate->text().remove(u'&') == text)
            return candidate;
    }
    return nullptr;
}

// The dialogs open window-modal and non-blocking, as children of the page that opened them.
template<typename T>
T *TestPartnerCenterFlow::waitForDialog()
{
    T *dialog = waitForVisibleChild<T>(m_window.get());
    if (!dialog)
        return nullptr;
    // QWidget::isActiveWindow() also holds for the main window's dialogs: ask the application.
    if (!QTest::qWaitFor([&] { return QApplication::activeWindow() == dialog; }, 5000))
        qWarning("%s is not the active window", dialog->metaObject()->className());
    return dialog;
}

QString TestPartnerCenterFlow::detailLabel(const char *objectName) const
{
    auto *label = detailPanel()->findChild<QLabel *>(QLatin1StringView(objectName));
    return label ? label->text() : u"<no label %1>"_s.arg(QLatin1StringView(objectName));
}

QAbstractButton *TestPartnerCenterFlow::templateAction(const QString &objectName) const
{
    auto *action = m_window->findChild<QAction *>(objectName);
    return action ? qobject_cast<QAbstractButton *>(templatesToolbar()->widgetForAction(action))
                  : nullptr;
}

QString TestPartnerCenterFlow::pageTitle() const
{
    // The bold heading above the pages, beside the quota header.
    const QWidget *header = m_window->quotaHeader()->parentWidget();
    for (const QLabel *label : header->findChildren<QLabel *>(Qt::FindDirectChildrenOnly))
        return label->text();
    return {};
}

QList<QUuid> TestPartnerCenterFlow::listedIds(QTableView *view) const
{
    QList<QUuid> ids;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        ids.append(view->model()->index(row, 0).data(ItemRoles::Id).toUuid());
    return ids;
}

QModelIndex TestPartnerCenterFlow::currentCell(QTableView *view, int column) const
{
    return view->currentIndex().siblingAtColumn(column);
}

void TestPartnerCenterFlow::activateMainWindow()
{
    // Only when needed: a pending activation would take the focus from the next dialog.
    if (QApplication::activeWindow() != m_window.get())
        m_window->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
}

void TestPartnerCenterFlow::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    if (!target)
        target = QApplication::activeWindow();
    QTest::keyClick(target, key, modifiers);
}

void TestPartnerCenterFlow::channelManagersStory()
{
    STEP(openWindow());
    STEP(addCustomer());
    STEP(createTemplate());
    STEP(applyAndShowInList());
    STEP(cancelReview());
    STEP(applyAgainApproveAndPay());
    STEP(filterTheList());
}

// 1. Signed in (out of scope here): the main window opens on the Vendor Voucher List.
void TestPartnerCenterFlow::openWindow()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
    m_window = std::make_unique<MainWindow>(*m_session, u"Local workspace test.db"_s);
    m_window->show();
    STEP(activateMainWindow());
    QCOMPARE(m_window->currentPage()->id(), Page::Id::VoucherList);
    QVERIFY(voucherTable());
    QCOMPARE(voucherTable()->model()->rowCount(), 0);
    QVERIFY(m_window->findChild<EmptyState *>(u"listEmptyState"_s)->isEmpty());
    QCOMPARE(quotaText(), u"Quota ¥1,000,000.00 issued ¥0.00 · left ¥1,000,000.00"_s);

    // Every table model of the window is checked while the story goes on.
    for (QTableView *view : m_window->findChildren<QTableView *>())
        new QAbstractItemModelTester(
            view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
}

// 2. Customers page (Ctrl+1): a new customer through its dialog (Ctrl+Shift+C).
void TestPartnerCenterFlow::addCustomer()
{
    press(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->id(), Page::Id::Customers);
    QCOMPARE(pageTitle(), u"Customers"_s);
    QTableView *customers = table(u"Customers"_s);
    QVERIFY(customers);
    QCOMPARE(customers->model()->rowCount(), 2);

    press(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = waitForDialog<CustomerDialog>();
    QVERIFY2(dialog, "Ctrl+Shift+C opened no customer dialog");
    QPointer<CustomerDialog> guard(dialog);
    QTest::keyClicks(named<QLineEdit>(dialog, u"Name"_s), m_customerName);
    QTest::keyClicks(named<QLineEdit>(dialog, u"UIN"_s), m_customerUin);
    QTest::mouseClick(button(dialog, u"Add customer"_s), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    QTRY_COMPARE(customers->model()->rowCount(), 3);
    QCOMPARE(currentCell(customers, CustomerTableModel::NameColumn).data().toString(),
             m_customerName);
    QCOMPARE(currentCell(customers, CustomerTableModel::UinColumn).data().toString(),
             m_customerUin);
    QCOMPARE(currentCell(customers, CustomerTableModel::EligibleColumn).data().toString(),
             u"Eligible"_s);

    CustomerFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.text = m_customerUin;
    const QList<Customer> stored = CustomerRepository(m_ws->db()).list(filter);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().name, m_customerName);
    QVERIFY(stored.constFirst().eligible);
    m_customerId = stored.constFirst().id;
    QCOMPARE(currentCell(customers, 0).data(ItemRoles::Id).toUuid(), m_customerId);
}

// 3. Templates page (Ctrl+2): Create Template (Ctrl+N), two steps, and the new editable row.
void TestPartnerCenterFlow::createTemplate()
{
    STEP(activateMainWindow());
    press(Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->id(), Page::Id::Templates);
    QCOMPARE(pageTitle(), u"Vendor Voucher Application"_s);
    QVERIFY(templateTable());
    QCOMPARE(templateTable()->model()->rowCount(), 0);

    press(Qt::Key_N, Qt::ControlModifier);
    auto *editor = waitForDialog<TemplateEditor>();
    QVERIFY2(editor, "Ctrl+N opened no template editor");
    QCOMPARE(editor->windowTitle(), u"Create Template"_s);
    QPointer<TemplateEditor> guard(editor);

    QTest::keyClicks(named<QLineEdit>(editor, u"Name"_s), m_templateName);
    auto *search = named<QLineEdit>(editor, u"Search products"_s);
    auto *products = named<QListView>(editor, u"Products"_s);
    QVERIFY(search && products);
    for (const QString &product : {u"virtual machine"_s, u"object storage"_s}) {
        STEP(typeInto(search, product));
        QCOMPARE(products->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Down); // into the list, on the match
        QVERIFY(products->hasFocus());
        QTest::keyClick(products, Qt::Key_Space);
        QCOMPARE(products->currentIndex().data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    }
    STEP(typeInto(named<QLineEdit>(editor, u"Face value"_s), u"1,000.00"_s));
    QTest::mouseClick(button(editor, u"Next"_s), Qt::LeftButton);

    QAbstractButton *confirm = button(editor, u"Confirm"_s);
    QVERIFY2(confirm, "the editor did not go on to its confirm step");
    const QString summary = editor->findChild<TemplateSummary *>(u"summary"_s)->text();
    QVERIFY2(summary.contains(m_templateName) && summary.contains(u"¥1,000.00"_s) &&
                 summary.contains(u"Cloud Virtual Machine, Cloud Object Storage"_s),
             qPrintable(summary));
    QCOMPARE(TemplateRepository(m_ws->db()).count({}), 0); // nothing saved before Confirm
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    QTableView *templates = templateTable();
    QCOMPARE(templates->model()->rowCount(), 1);
    QCOMPARE(currentCell(templates, TemplateTableModel::Name).data().toString(), m_templateName);
    QCOMPARE(currentCell(templates, TemplateTableModel::FaceValue).data().toString(),
             u"¥1,000.00"_s);
    QCOMPARE(currentCell(templates, TemplateTableModel::State).data().toString(), u"Editable"_s);
    QVERIFY(templateAction(u"editTemplateAction"_s)->isEnabled());
    // Ctrl+E edits it.
    STEP(activateMainWindow());
    QTRY_VERIFY(templates->hasFocus()); // where saving left it
    press(Qt::Key_E, Qt::ControlModifier);
    auto *edit = waitForDialog<TemplateEditor>();
    QVERIFY2(edit, "Ctrl+E opened no editor");
    QCOMPARE(edit->mode(), TemplateEditor::Mode::Edit);
    QPointer<TemplateEditor> editGuard(edit);
    QTest::mouseClick(button(edit, u"Cancel"_s), Qt::LeftButton);
    QTRY_VERIFY(editGuard.isNull());
    STEP(activateMainWindow());

    const QList<VoucherTemplate> stored = TemplateRepository(m_ws->db()).list({});
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().name, m_templateName);
    QCOMPARE(stored.constFirst().faceValueMinor, 100000);
    QCOMPARE(stored.constFirst().productCodes, (QStringList{u"cvm"_s, u"cos"_s}));
    QVERIFY(!stored.constFirst().locked);
    m_templateId = stored.constFirst().id;
    QCOMPARE(currentCell(templates, 0).data(ItemRoles::Id).toUuid(), m_templateId);

    // A template a colleague saved meanwhile shows after F5, the selection kept.
    m_ws->advance(60);
    m_ws->createTemplate(u"Colleague's template"_s);
    QCOMPARE(templates->model()->rowCount(), 1);
    QTRY_VERIFY(templates->hasFocus());
    press(Qt::Key_F5);
    QCOMPARE(templates->model()->rowCount(), 2);
    QCOMPARE(currentCell(templates, 0).data(ItemRoles::Id).toUuid(), m_templateId);
}

void TestPartnerCenterFlow::applyWithWizard(QUuid &submitted)
{
    STEP(activateMainWindow());
    QTest::mouseClick(templateAction(u"applyTemplateAction"_s), Qt::LeftButton);
    auto *wizard = waitForDialog<ApplicationWizard>();
    QVERIFY2(wizard, "Apply… opened no wizard");
    QPointer<ApplicationWizard> guard(wizard);

    // 1 Template: the selected one is chosen already.
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::TemplatePage));
    const QModelIndexList chosen =
        named<QTableView>(wizard, u"Templates"_s)->selectionModel()->selectedRows();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constFirst().data(ItemRoles::Id).toUuid(), m_templateId);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // 2 Customer: the new one, searched by UIN.
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::CustomerPage));
    QTest::keyClicks(named<QLineEdit>(wizard, u"Search customers by name or UIN"_s), m_customerUin);
    QTableView *customers = named<QTableView>(wizard, u"Eligible customers"_s);
    QTRY_COMPARE(customers->model()->rowCount(), 1); // after the pause in typing
    QCOMPARE(customers->model()->index(0, 0).data(ItemRoles::Id).toUuid(), m_customerId);
    STEP(clickRow(customers, 0));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // 3 Scenario.
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::ScenarioStep));
    QTest::keyClicks(named<QPlainTextEdit>(wizard, u"Testing scenario"_s),
                     u"Load test of CVM and COS for a two-week trial before migration."_s);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // 4 Summary, with the vendor's expected review date.
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::SummaryStep));
    const QString expected =
        wizard->currentPage()->findChild<QLabel *>(u"expectedReview"_s)->text();
    QVERIFY2(expected.contains(u"Expected by <b>Wed 2 Dec 2026</b>"_s), qPrintable(expected));
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);

    // Submitted: the final page offers the list.
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    submitted = wizard->applicationId();
    QVERIFY(!submitted.isNull());
    QAbstractButton *show = button(wizard, u"Show in Vendor Voucher List"_s);
    QVERIFY(show);
    QTest::mouseClick(show, Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());
}

// 4. Apply… with the template, then "Show in Vendor Voucher List": the row selected, pending.
void TestPartnerCenterFlow::applyAndShowInList()
{
    QVERIFY(templateAction(u"applyTemplateAction"_s)->isEnabled());
    STEP(applyWithWizard(m_cancelledId));
    const QUuid id = m_cancelledId;

    QCOMPARE(m_window->currentPage()->id(), Page::Id::VoucherList);
    QCOMPARE(pageTitle(), u"Vendor Voucher List"_s);
    QTableView *list = voucherTable();
    QVERIFY(list);
    QCOMPARE(listedIds(list), QList<QUuid>{id});
    QCOMPARE(currentCell(list, 0).data(ItemRoles::Id).toUuid(), id);
    QVERIFY(list->selectionModel()->isRowSelected(list->currentIndex().row(), {}));
    QCOMPARE(currentCell(list, VoucherListModel::StatusColumn).data().toString(),
             u"Pending review"_s);
    QCOMPARE(currentCell(list, VoucherListModel::CustomerColumn).data().toString(),
             u"Beacon Labs (3000000001)"_s);
    QVERIFY(!m_window->findChild<EmptyState *>(u"listEmptyState"_s)->isEmpty());

    QCOMPARE(detailPanel()->applicationId(), id);
    QCOMPARE(detailLabel("status"), u"Pending review"_s);
    QVERIFY2(detailLabel("title").contains(u"Beacon Labs (3000000001)"_s) &&
                 detailLabel("title").contains(m_templateName),
             qPrintable(detailLabel("title")));
    QVERIFY(button(detailPanel(), u"Cancel review"_s)->isEnabled());
    QVERIFY(!button(detailPanel(), u"Pay with voucher"_s)->isEnabled());

    const auto application = ApplicationRepository(m_ws->db()).find(id);
    QVERIFY(application);
    QCOMPARE(application->status, ApplicationStatus::PendingReview);
    QCOMPARE(application->customerId, m_customerId);
    QCOMPARE(application->templateId, m_templateId);
    QVERIFY(TemplateRepository(m_ws->db()).find(m_templateId)->locked);

    // Back on the templates page the template is locked.
    STEP(activateMainWindow());
    press(Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->id(), Page::Id::Templates);
    QTableView *templates = templateTable();
    QCOMPARE(currentCell(templates, 0).data(ItemRoles::Id).toUuid(), m_templateId);
    QCOMPARE(currentCell(templates, TemplateTableModel::State).data().toString(), u"Locked"_s);
    QAbstractButton *edit = templateAction(u"editTemplateAction"_s);
    QVERIFY(!edit->isEnabled());
    QCOMPARE(edit->toolTip(), u"Locked: an application was submitted"_s);
    // Neither the shortcut nor Return edits it: Return opens it read-only.
    STEP(clickRow(templates, templates->currentIndex().row()));
    QVERIFY(templates->hasFocus());
    press(Qt::Key_E, Qt::ControlModifier);
    QVERIFY(!m_window->findChild<TemplateEditor *>());
    QCOMPARE(m_window->currentPage()->id(), Page::Id::Templates); // and no other page's Ctrl+E
    QVERIFY(!m_window->findChild<QDialog *>());
    press(Qt::Key_Return);
    auto *viewer = waitForDialog<TemplateEditor>();
    QVERIFY(viewer);
    QCOMPARE(viewer->mode(), TemplateEditor::Mode::View);
    QPointer<TemplateEditor> guard(viewer);
    QTest::mouseClick(button(viewer, u"Close"_s), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());
}

// 5. Cancel review in the detail panel, after the confirmation box.
void TestPartnerCenterFlow::cancelReview()
{
    STEP(activateMainWindow());
    press(Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->id(), Page::Id::VoucherList);
    QCOMPARE(detailPanel()->applicationId(), m_cancelledId); // still selected

    QTest::mouseClick(button(detailPanel(), u"Cancel review"_s), Qt::LeftButton);
    auto *box = waitForDialog<QMessageBox>();
    QVERIFY(box);
    QPointer<QMessageBox> guard(box);
    QVERIFY2(box->text().contains(m_customerName), qPrintable(box->text()));
    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_cancelledId)->status,
             ApplicationStatus::PendingReview); // nothing before the answer
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    QTableView *list = voucherTable();
    QCOMPARE(currentCell(list, 0).data(ItemRoles::Id).toUuid(), m_cancelledId);
    QCOMPARE(currentCell(list, VoucherListModel::StatusColumn).data().toString(), u"Cancelled"_s);
    QCOMPARE(detailLabel("status"), u"Cancelled"_s);
    QVERIFY(detailLabel("message").contains(u"Application cancelled"_s));
    QVERIFY(!button(detailPanel(), u"Cancel review"_s)->isEnabled());

    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_cancelledId)->status,
             ApplicationStatus::Cancelled);
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    QCOMPARE(VoucherListQuery(m_ws->db(), filter).row(m_cancelledId)->statusAt(m_ws->now()),
             VoucherListStatus::Cancelled);
}

// 6. Apply again, the vendor approves, and a bill is paid with the voucher.
void TestPartnerCenterFlow::applyAgainApproveAndPay()
{
    STEP(activateMainWindow());
    press(Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->id(), Page::Id::Templates);
    QCOMPARE(currentCell(templateTable(), 0).data(ItemRoles::Id).toUuid(), m_templateId);
    QVERIFY(templateAction(u"applyTemplateAction"_s)->isEnabled()); // locked, still applicable
    m_ws->advance(3600); // an hour later, so that the list's newest-first order is plain
    STEP(applyWithWizard(m_paidId));
    QTableView *list = voucherTable();
    QCOMPARE(m_window->currentPage()->id(), Page::Id::VoucherList);
    QCOMPARE(listedIds(list), (QList<QUuid>{m_paidId, m_cancelledId})); // newest first
    QCOMPARE(currentCell(list, 0).data(ItemRoles::Id).toUuid(), m_paidId);
    QCOMPARE(currentCell(list, VoucherListModel::StatusColumn).data().toString(),
             u"Pending review"_s);
    QCOMPARE(detailPanel()->applicationId(), m_paidId);

    // The reviewer is someone else: the approval arrives from behind the window.
    const QUuid voucherId = m_ws->approve(m_paidId);
    m_session->notifyChanged(Session::Change::Applications);
    const Voucher issued = *VoucherRepository(m_ws->db()).find(voucherId);
    m_voucherCode = issued.code;
    QCOMPARE(currentCell(list, 0).data(ItemRoles::Id).toUuid(), m_paidId);
    QCOMPARE(currentCell(list, VoucherListModel::StatusColumn).data().toString(), u"Unused"_s);
    QCOMPARE(currentCell(list, VoucherListModel::CodeColumn).data().toString(), m_voucherCode);
    QCOMPARE(currentCell(list, VoucherListModel::BalanceColumn).data().toString(), u"¥1,000.00"_s);
    QCOMPARE(detailLabel("status"), u"Unused"_s);
    QCOMPARE(detailLabel("balance"), u"¥1,000.00 of ¥1,000.00 left"_s);
    QCOMPARE(quotaText(), u"Quota ¥1,000,000.00 issued ¥1,000.00 · left ¥999,000.00"_s);

    QAbstractButton *pay = button(detailPanel(), u"Pay with voucher"_s);
    QVERIFY(pay->isEnabled());
    QTest::mouseClick(pay, Qt::LeftButton);
    auto *dialog = waitForDialog<PayDialog>();
    QVERIFY(dialog);
    QPointer<PayDialog> guard(dialog);
    QTest::keyClicks(named<QLineEdit>(dialog, u"Order number"_s), u"ORDER-300"_s);
    auto *product = named<QComboBox>(dialog, u"Product"_s);
    product->setFocus(Qt::TabFocusReason);
    // The products the voucher covers come first, by name: Object Storage, Virtual Machine.
    QCOMPARE(product->currentData().toString(), u"cos"_s);
    QTest::keyClick(product, Qt::Key_Down);
    QCOMPARE(product->currentData().toString(), u"cvm"_s);
    QTest::keyClicks(named<QLineEdit>(dialog, u"Order amount"_s), u"300.00"_s);
    QTest::mouseClick(button(dialog, u"Pay"_s), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    QCOMPARE(currentCell(list, 0).data(ItemRoles::Id).toUuid(), m_paidId);
    QCOMPARE(currentCell(list, VoucherListModel::BalanceColumn).data().toString(), u"¥700.00"_s);
    QCOMPARE(currentCell(list, VoucherListModel::StatusColumn).data().toString(),
             u"Partially used"_s);
    QCOMPARE(detailLabel("balance"), u"¥700.00 of ¥1,000.00 left"_s);
    QCOMPARE(detailLabel("status"), u"Partially used"_s);
    QVERIFY2(detailLabel("message").contains(u"Paid ¥300.00 of order ORDER-300"_s),
             qPrintable(detailLabel("message")));
    auto *usage = named<QTableView>(detailPanel(), u"Usage records"_s);
    QVERIFY(usage);
    QCOMPARE(usage->model()->rowCount(), 1);
    QCOMPARE(usage->model()->index(0, DeductionTableModel::OrderColumn).data().toString(),
             u"ORDER-300"_s);
    QCOMPARE(usage->model()->index(0, DeductionTableModel::DeductedColumn).data().toString(),
             u"¥300.00"_s);
    // Paying spends the voucher, not the quota: what was issued stays issued.
    QCOMPARE(quotaText(), u"Quota ¥1,000,000.00 issued ¥1,000.00 · left ¥999,000.00"_s);

    const QList<Deduction> deductions = VoucherRepository(m_ws->db()).deductions(voucherId);
    QCOMPARE(deductions.size(), 1);
    QCOMPARE(deductions.constFirst().orderId, u"ORDER-300"_s);
    QCOMPARE(deductions.constFirst().productCode, u"cvm"_s);
    QCOMPARE(deductions.constFirst().deductedMinor, 30000);
    QCOMPARE(VoucherRepository(m_ws->db()).find(voucherId)->balanceMinor, 70000);
    QCOMPARE(PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor, 100000);
}

// 7. The list's filters: a status, part of the voucher code, and a code nobody has.
void TestPartnerCenterFlow::filterTheList()
{
    STEP(activateMainWindow());
    QTableView *list = voucherTable();
    auto *empty = m_window->findChild<EmptyState *>(u"listEmptyState"_s);
    auto *count = m_window->findChild<QLabel *>(u"countLabel"_s);
    QCOMPARE(list->model()->rowCount(), 2);
    QTRY_COMPARE(count->text(), u"2 records"_s);

    auto *status = named<QComboBox>(m_window.get(), u"Status"_s);
    QVERIFY(status);
    status->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(status, u"Partially"_s);
    QCOMPARE(status->currentText(), u"Partially used"_s);
    QTRY_COMPARE(listedIds(list), QList<QUuid>{m_paidId});
    QVERIFY(!empty->isEmpty());
    QTRY_COMPARE(count->text(), u"1 record"_s); // counted on a worker thread
    QTest::mouseClick(button(m_window.get(), u"Clear filters"_s), Qt::LeftButton);
    QCOMPARE(status->currentIndex(), 0);
    QTRY_COMPARE(list->model()->rowCount(), 2);

    auto *search =
        named<QLineEdit>(m_window.get(), u"Search by voucher code, customer name or UIN"_s);
    QVERIFY(search);
    QTest::mouseClick(search, Qt::LeftButton);
    QVERIFY(search->hasFocus());
    // Part of the code that is not also the start of the customer's UIN, which both rows share.
    QString part = m_voucherCode.right(7);
    for (qsizetype from = 2; m_customerUin.startsWith(part); ++from)
        part = m_voucherCode.mid(from, 7);
    QTest::keyClicks(search, part); // waits for the pause in typing
    QTRY_COMPARE(listedIds(list), QList<QUuid>{m_paidId});
    QCOMPARE(list->model()->index(0, VoucherListModel::CodeColumn).data().toString(),
             m_voucherCode);

    const QString unknown = u"VV999999999999"_s;
    QVERIFY(!VoucherRepository(m_ws->db()).codeExists(unknown));
    STEP(typeInto(search, unknown));
    QTest::keyClick(search, Qt::Key_Return); // at once
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No records match these filters"_s);
    QTRY_COMPARE(count->text(), u"0 records"_s);

    // Ctrl+Shift+S exports the list (Ctrl+E is Edit, on the templates page only).
    QVERIFY(search->hasFocus());
    press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    auto *save = waitForDialog<QFileDialog>();
    QVERIFY2(save, "Ctrl+Shift+S opened no export dialog");
    QCOMPARE(save->acceptMode(), QFileDialog::AcceptSave);
    QPointer<QFileDialog> guard(save);
    press(Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(m_window->currentPage()->id(), Page::Id::VoucherList);
}

QTEST_MAIN(TestPartnerCenterFlow)
#include "tst_partnercenterflow.moc"
