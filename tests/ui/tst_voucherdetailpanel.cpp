#include "core/commands/cataloguecommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/session.h"
#include "core/commands/templatecommands.h"
#include "core/commands/vouchercommands.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/vouchers/deductiontablemodel.h"
#include "ui/vouchers/paydialog.h"
#include "ui/vouchers/productscopeview.h"
#include "ui/vouchers/voucherdetailpanel.h"
#include "ui/vouchers/vouchertimeline.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

// The detail panel under the Vendor Voucher List, driven through its widgets: what it shows of
// an application and its voucher, and its two actions, checked in the widgets and in the store.
class TestVoucherDetailPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyUntilARowIsSelected();
    void unknownOrForeignApplicationIsNotShown();
    void pendingApplication();
    void overdueReview();
    void cancelReviewAfterConfirmation();
    void keepApplicationWhenNotConfirmed();
    void cancelRefusedWhenDecidedMeanwhile();
    void issuedVoucher();
    void rejectedApplication();
    void payWithVoucherMovesBalanceAndUsage();
    void payRefusalRecordsNothing();
    void payDisabledOnceExpired();
    void universalScopeMarksBlocklistChanges();
    void reloadsWhenTheSessionAnnouncesAChange();
    void deductionModel();
    void lowPaneScrollsInsteadOfCuttingText();

private:
    QUuid submitPending(VoucherKind kind = VoucherKind::Specific);
    QPushButton *button(const QString &accessibleName) const
    {
        return requireByAccessibleName<QPushButton>(m_panel.get(), accessibleName);
    }
    // Types an order into the pay dialog as a user does, and presses Pay.
    static void payOrder(PayDialog *dialog, const QString &orderId, const QString &productCode,
                         const QString &amount);
    QLabel *label(const char *name) const;
    QString timeline() const;
    EmptyState *emptyState() const;
    QTableView *usageView() const;
    QMessageBox *confirmBox() const;
    PayDialog *payDialog() const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<VoucherDetailPanel> m_panel;
};

void TestVoucherDetailPanel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestVoucherDetailPanel::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
    m_panel = std::make_unique<VoucherDetailPanel>(*m_session);
    m_panel->resize(1280, 360);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestVoucherDetailPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
    m_ws.reset();
}

QUuid TestVoucherDetailPanel::submitPending(VoucherKind kind)
{
    const QString name = kind == VoucherKind::Specific ? u"Trial CVM 1000"_s : u"Universal 5k"_s;
    return m_ws->submit(m_ws->createTemplate(name, kind).id);
}

void TestVoucherDetailPanel::payOrder(PayDialog *dialog, const QString &orderId,
                                      const QString &productCode, const QString &amount)
{
    QTest::keyClicks(requireByAccessibleName(dialog, u"Order number"_s), orderId);
    auto *product = requireByAccessibleName<QComboBox>(dialog, u"Product"_s);
    product->setCurrentIndex(product->findData(productCode));
    QTest::keyClicks(requireByAccessibleName(dialog, u"Order amount"_s), amount);
    QTest::mouseClick(requireByAccessibleName<QPushButton>(dialog, u"Pay"_s), Qt::LeftButton);
}

QLabel *TestVoucherDetailPanel::label(const char *name) const
{
    return m_panel->findChild<QLabel *>(QLatin1StringView(name));
}

QString TestVoucherDetailPanel::timeline() const
{
    return m_panel->findChild<VoucherTimeline *>()->text();
}

EmptyState *TestVoucherDetailPanel::emptyState() const
{
    return m_panel->findChild<EmptyState *>(u"emptyState"_s);
}

QTableView *TestVoucherDetailPanel::usageView() const
{
    return m_panel->findChild<QTableView *>(u"usage"_s);
}

QMessageBox *TestVoucherDetailPanel::confirmBox() const
{
    return m_panel->findChild<QMessageBox *>();
}

PayDialog *TestVoucherDetailPanel::payDialog() const
{
    return m_panel->findChild<PayDialog *>();
}

void TestVoucherDetailPanel::emptyUntilARowIsSelected()
{
    QVERIFY(emptyState()->isEmpty());
    QCOMPARE(emptyState()->title(), u"Select a row to see its details"_s);
    QVERIFY(!button(u"Cancel review"_s)->isVisible());
    QVERIFY(!button(u"Pay with voucher"_s)->isVisible());

    const QUuid id = submitPending();
    m_panel->showApplication(id);
    QCOMPARE(m_panel->applicationId(), id);
    QVERIFY(!emptyState()->isEmpty());
    m_panel->showApplication({});
    QVERIFY(m_panel->applicationId().isNull());
    QVERIFY(emptyState()->isEmpty());
    QCOMPARE(emptyState()->title(), u"Select a row to see its details"_s);
}

void TestVoucherDetailPanel::unknownOrForeignApplicationIsNotShown()
{
    m_panel->showApplication(QUuid::createUuid());
    QVERIFY(emptyState()->isEmpty());
    QCOMPARE(emptyState()->title(), u"This application is no longer available"_s);

    // Partner B's application is not partner A's to see.
    const VoucherTemplate foreign =
        m_ws->createTemplate(u"B's"_s, VoucherKind::Specific, 100000, &m_ws->managerB);
    const QUuid foreignId = m_ws->submit(foreign.id, &m_ws->managerB, &m_ws->customerB);
    m_panel->showApplication(foreignId);
    QVERIFY(emptyState()->isEmpty());
    QCOMPARE(emptyState()->title(), u"This application is no longer available"_s);
    QVERIFY(!label("title")->text().contains(u"Beta Cloud"_s));
}

// In a low pane (1024×700) the labels kept less height than their text needs and lost the bottom
// of their glyphs ("bv Li Wei." for "by Li Wei,"): the detail scrolls instead.
void TestVoucherDetailPanel::lowPaneScrollsInsteadOfCuttingText()
{
    const QUuid id = submitPending();
    m_ws->approve(id);
    m_panel->resize(760, 150);
    m_panel->showApplication(id);
    QTRY_VERIFY(label("title")->isVisible());
    const auto cut = [this] {
        QStringList found;
        for (const QLabel *shown : m_panel->findChildren<QLabel *>()) {
            if (!shown->isVisibleTo(m_panel.get()) || shown->text().isEmpty())
                continue;
            const int needed = shown->wordWrap() ? shown->heightForWidth(shown->width())
                                                 : shown->minimumSizeHint().height();
            if (shown->height() < needed)
                found.append(
                    u"%1 (%2 of %3 px)"_s.arg(shown->text()).arg(shown->height()).arg(needed));
        }
        return found;
    };
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut().join(u", "_s)));
    // It scrolls to the rest.
    auto *scroll = m_panel->findChild<QScrollArea *>(u"detailScroll"_s);
    QVERIFY(scroll);
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
}

void TestVoucherDetailPanel::pendingApplication()
{
    const QUuid id = submitPending();
    const Application application = *ApplicationRepository(m_ws->db()).find(id);
    m_panel->showApplication(id);

    QCOMPARE(label("title")->text(), u"Acme Test Co (100000001) · Specific product voucher · "
                                     u"Prepaid and postpaid · Trial CVM 1000"_s);
    QCOMPARE(label("status")->text(), u"Pending review"_s);
    const QString steps = timeline();
    QVERIFY2(steps.contains(u"Submitted: "_s + DisplayFormat::dateTime(application.submittedAt)),
             qPrintable(steps));
    QVERIFY2(
        steps.contains(u"Review due: "_s + DisplayFormat::weekdayDate(application.reviewDueAt)),
        qPrintable(steps));
    QVERIFY(!steps.contains(u"overdue"_s));
    QCOMPARE(label("balance")->text(), u"Face value ¥1,000.00 · no voucher issued"_s);

    auto *scope = m_panel->findChild<ProductScopeView *>();
    QCOMPARE(scope->summary(), u"Pays only for these 2 products:"_s);
    QCOMPARE(scope->items(), QStringList({u"Cloud Object Storage"_s, u"Cloud Virtual Machine"_s}));

    QPushButton *cancel = button(u"Cancel review"_s);
    QPushButton *pay = button(u"Pay with voucher"_s);
    QVERIFY(cancel->isVisible());
    QVERIFY(cancel->isEnabled());
    QVERIFY(!pay->isEnabled());
    QVERIFY(pay->toolTip().contains(u"no voucher yet"_s));
    QCOMPARE(usageView()->model()->rowCount(), 0);
}

void TestVoucherDetailPanel::overdueReview()
{
    const QUuid id = submitPending();
    const Application application = *ApplicationRepository(m_ws->db()).find(id);
    m_ws->setNow(application.reviewDueAt.addSecs(1));
    m_panel->showApplication(id);
    QVERIFY2(
        timeline().contains(DisplayFormat::weekdayDate(application.reviewDueAt) + u" · overdue"_s),
        qPrintable(timeline()));
}

void TestVoucherDetailPanel::cancelReviewAfterConfirmation()
{
    const QUuid id = submitPending();
    m_panel->showApplication(id);
    QSignalSpy changed(m_session.get(), &Session::changed);

    QTest::mouseClick(button(u"Cancel review"_s), Qt::LeftButton);
    QMessageBox *box = confirmBox();
    // Each answer carries the icon of what it does, not the style's Yes (a green tick) and No.
    const auto image = [](const QIcon &icon) { return icon.pixmap(16, 16).toImage(); };
    const QIcon yes = QApplication::style()->standardIcon(QStyle::SP_DialogYesButton);
    QVERIFY(image(box->button(QMessageBox::Yes)->icon()) != image(yes));
    QCOMPARE(image(box->button(QMessageBox::Yes)->icon()), image(Icons::get(u"cancel"_s)));
    QCOMPARE(image(box->button(QMessageBox::No)->icon()), image(Icons::get(u"apply"_s)));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->text(), u"Cancel the application for Acme Test Co? The vendor will not review "
                          u"it."_s);
    // Nothing happens before the answer.
    QCOMPARE(ApplicationRepository(m_ws->db()).find(id)->status, ApplicationStatus::PendingReview);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    const Application stored = *ApplicationRepository(m_ws->db()).find(id);
    QCOMPARE(stored.status, ApplicationStatus::Cancelled);
    QCOMPARE(stored.cancelledAt, m_ws->now());
    QCOMPARE(changed.size(), 1);
    QVERIFY(
        changed.first().first().value<Session::Changes>().testFlag(Session::Change::Applications));
    QCOMPARE(label("status")->text(), u"Cancelled"_s);
    QVERIFY2(timeline().contains(u"Cancelled: "_s + DisplayFormat::dateTime(m_ws->now())),
             qPrintable(timeline()));
    QVERIFY(label("message")->isVisible());
    QVERIFY(label("message")->text().contains(u"Application cancelled"_s));
    QVERIFY(!button(u"Cancel review"_s)->isEnabled());
    QVERIFY(button(u"Cancel review"_s)->toolTip().contains(u"cancelled"_s));
}

void TestVoucherDetailPanel::keepApplicationWhenNotConfirmed()
{
    const QUuid id = submitPending();
    m_panel->showApplication(id);
    QTest::mouseClick(button(u"Cancel review"_s), Qt::LeftButton);
    QMessageBox *box = confirmBox();
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QCOMPARE(ApplicationRepository(m_ws->db()).find(id)->status, ApplicationStatus::PendingReview);
    QCOMPARE(label("status")->text(), u"Pending review"_s);
    QVERIFY(button(u"Cancel review"_s)->isEnabled());
}

void TestVoucherDetailPanel::cancelRefusedWhenDecidedMeanwhile()
{
    const QUuid id = submitPending();
    m_panel->showApplication(id);
    QTest::mouseClick(button(u"Cancel review"_s), Qt::LeftButton);
    QMessageBox *box = confirmBox();
    QVERIFY(box);
    // A reviewer approves while the question is open.
    m_ws->approve(id);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    QCOMPARE(ApplicationRepository(m_ws->db()).find(id)->status, ApplicationStatus::Approved);
    QVERIFY(label("message")->isVisible());
    QVERIFY2(label("message")->text().contains(u"no longer pending review"_s),
             qPrintable(label("message")->text()));
    QCOMPARE(label("status")->text(), u"Unused"_s);
    QVERIFY(!button(u"Cancel review"_s)->isEnabled());
}

void TestVoucherDetailPanel::issuedVoucher()
{
    const QUuid id = submitPending();
    const QUuid voucherId = m_ws->approve(id);
    const Voucher voucher = *VoucherRepository(m_ws->db()).find(voucherId);
    m_panel->showApplication(id);

    QVERIFY(label("title")->text().startsWith(voucher.code + u" · Acme Test Co (100000001)"_s));
    QCOMPARE(label("status")->text(), u"Unused"_s);
    const QString steps = timeline();
    QVERIFY2(steps.contains(u"Approved: by reviewer, "_s), qPrintable(steps));
    QVERIFY(steps.contains(u"Issued: effective "_s + DisplayFormat::dateTime(voucher.effectiveAt)));
    QVERIFY(steps.contains(u"Expires: "_s + DisplayFormat::dateTime(voucher.expiresAt)));
    QVERIFY(!steps.contains(u"Review due"_s));
    QCOMPARE(label("balance")->text(), u"¥1,000.00 of ¥1,000.00 left"_s);
    QCOMPARE(m_panel->findChild<QProgressBar *>(u"balanceBar"_s)->value(), 1000);

    QPushButton *cancel = button(u"Cancel review"_s);
    QVERIFY(!cancel->isEnabled());
    // One whole sentence for translators, the status as the status column names it.
    QCOMPARE(cancel->toolTip(),
             u"Only an application pending review can be cancelled. Current status: Approved."_s);
    QVERIFY(button(u"Pay with voucher"_s)->isEnabled());
    QVERIFY(m_panel->findChild<EmptyState *>(u"usageEmptyState"_s)->isEmpty());
}

void TestVoucherDetailPanel::rejectedApplication()
{
    const QUuid id = submitPending();
    auto reviewerContext = m_ws->context(m_ws->reviewer);
    const auto rejected = ReviewCommands(*reviewerContext).reject(id, u"Scenario too vague"_s);
    QVERIFY2(rejected.ok(), resultMessage(rejected));
    m_panel->showApplication(id);
    QCOMPARE(label("status")->text(), u"Rejected"_s);
    QVERIFY2(timeline().contains(u"reason: Scenario too vague"_s), qPrintable(timeline()));
    QVERIFY(!button(u"Cancel review"_s)->isEnabled());
    QVERIFY(!button(u"Pay with voucher"_s)->isEnabled());
    // It says what became of it, not that a voucher is still to come.
    QVERIFY2(!label("title")->text().startsWith(u"—"_s), qPrintable(label("title")->text()));
    auto *usage = m_panel->findChild<EmptyState *>(u"usageEmptyState"_s);
    QVERIFY(usage);
    QCOMPARE(usage->title(), u"No voucher"_s);
    QVERIFY2(usage->hint().contains(u"rejected"_s), qPrintable(usage->hint()));
    QVERIFY(!button(u"Pay with voucher"_s)->toolTip().contains(u"when the vendor approves"_s));
}

void TestVoucherDetailPanel::payWithVoucherMovesBalanceAndUsage()
{
    const QUuid id = submitPending();
    const QUuid voucherId = m_ws->approve(id);
    m_panel->showApplication(id);
    QAbstractItemModelTester tester(usageView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    QTest::mouseClick(button(u"Pay with voucher"_s), Qt::LeftButton);
    PayDialog *dialog = payDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    payOrder(dialog, u"ORDER-300"_s, u"cvm"_s, u"300"_s);
    QTRY_VERIFY(!payDialog());

    const QList<Deduction> stored = VoucherRepository(m_ws->db()).deductions(voucherId);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().orderId, u"ORDER-300"_s);
    QCOMPARE(stored.first().deductedMinor, 30000);
    QCOMPARE(VoucherRepository(m_ws->db()).find(voucherId)->balanceMinor, 70000);

    QCOMPARE(label("balance")->text(), u"¥700.00 of ¥1,000.00 left"_s);
    QCOMPARE(m_panel->findChild<QProgressBar *>(u"balanceBar"_s)->value(), 700);
    QCOMPARE(label("status")->text(), u"Partially used"_s);
    QAbstractItemModel *usage = usageView()->model();
    QCOMPARE(usage->rowCount(), 1);
    QVERIFY(!m_panel->findChild<EmptyState *>(u"usageEmptyState"_s)->isEmpty());
    QCOMPARE(usage->index(0, DeductionTableModel::OrderColumn).data().toString(), u"ORDER-300"_s);
    QCOMPARE(usage->index(0, DeductionTableModel::ProductColumn).data().toString(),
             u"Cloud Virtual Machine"_s);
    QCOMPARE(usage->index(0, DeductionTableModel::DeductedColumn).data().toString(), u"¥300.00"_s);
    QVERIFY(label("message")->text().contains(u"Paid ¥300.00 of order ORDER-300"_s));
}

void TestVoucherDetailPanel::payRefusalRecordsNothing()
{
    const QUuid id = submitPending();
    const QUuid voucherId = m_ws->approve(id);
    m_panel->showApplication(id);
    QTest::mouseClick(button(u"Pay with voucher"_s), Qt::LeftButton);
    PayDialog *dialog = payDialog();
    QVERIFY(dialog);
    payOrder(dialog, u"ORDER-DB"_s, u"cdb"_s, u"300"_s);

    QVERIFY(dialog->isVisible());
    QLabel *message = dialog->findChild<QLabel *>(u"message"_s);
    QVERIFY2(message->text().contains(u"pays only for its listed products"_s),
             qPrintable(message->text()));
    QVERIFY(VoucherRepository(m_ws->db()).deductions(voucherId).isEmpty());
    QCOMPARE(label("balance")->text(), u"¥1,000.00 of ¥1,000.00 left"_s);
    dialog->reject();
    QTRY_VERIFY(!payDialog());
    QCOMPARE(usageView()->model()->rowCount(), 0);
}

void TestVoucherDetailPanel::payDisabledOnceExpired()
{
    const QUuid id = submitPending();
    const Voucher voucher = *VoucherRepository(m_ws->db()).find(m_ws->approve(id));
    m_ws->setNow(voucher.expiresAt);
    m_panel->showApplication(id);
    QCOMPARE(label("status")->text(), u"Expired"_s);
    QPushButton *pay = button(u"Pay with voucher"_s);
    QVERIFY(!pay->isEnabled());
    QVERIFY2(pay->toolTip().contains(u"expired"_s), qPrintable(pay->toolTip()));
    QVERIFY(timeline().contains(u"Expired: "_s));
}

void TestVoucherDetailPanel::universalScopeMarksBlocklistChanges()
{
    const QUuid pending = submitPending(VoucherKind::Universal);
    m_panel->showApplication(pending);
    auto *scope = m_panel->findChild<ProductScopeView *>();
    QVERIFY2(scope->summary().contains(u"today that is revision 1"_s),
             qPrintable(scope->summary()));
    QVERIFY(scope->items().contains(u"Domain Registration"_s));

    m_ws->approve(pending);
    // The vendor unblocks Anti-DDoS and blocks WAF after the approval.
    auto admin = m_ws->context(m_ws->admin);
    const auto revision = CatalogueCommands(*admin).addBlocklistRevision(
        m_ws->now(), {u"domain"_s, u"ssl"_s, u"marketplace"_s, u"sms"_s, u"waf"_s});
    QVERIFY2(revision.ok(), resultMessage(revision));
    QCOMPARE(revision.value().revision, 2);
    m_panel->showApplication(pending);

    const QString summary = scope->summary();
    QVERIFY2(summary.contains(u"All products except the blocklist (revision 1)"_s),
             qPrintable(summary));
    QVERIFY2(summary.contains(u"revision 2"_s), qPrintable(summary));
    const QStringList items = scope->items();
    QVERIFY2(items.contains(u"Anti-DDoS Advanced — no longer blocked today"_s),
             qPrintable(items.join(u'\n')));
    QVERIFY2(
        items.contains(u"Web Application Firewall — blocked since this voucher was approved"_s),
        qPrintable(items.join(u'\n')));
    QVERIFY(items.contains(u"Domain Registration"_s));
    QCOMPARE(items.size(), 6);
}

void TestVoucherDetailPanel::reloadsWhenTheSessionAnnouncesAChange()
{
    const QUuid id = submitPending();
    const QUuid voucherId = m_ws->approve(id);
    m_panel->showApplication(id);
    // Another page pays with the voucher and announces it.
    Deduction bill;
    bill.voucherId = voucherId;
    bill.customerId = m_ws->customerA.id;
    bill.orderId = u"ELSEWHERE"_s;
    bill.productCode = u"cos"_s;
    bill.payMode = PayMode::Postpaid;
    bill.orderAmountMinor = 100000;
    const auto paid = VoucherCommands(m_session->context()).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
    QCOMPARE(label("balance")->text(), u"¥1,000.00 of ¥1,000.00 left"_s);
    m_session->notifyChanged(Session::Change::Vouchers);
    QCOMPARE(label("balance")->text(), u"¥0.00 of ¥1,000.00 left"_s);
    QCOMPARE(label("status")->text(), u"Used up"_s);
    QCOMPARE(usageView()->model()->rowCount(), 1);
    QPushButton *pay = button(u"Pay with voucher"_s);
    QVERIFY(!pay->isEnabled());
    QVERIFY(pay->toolTip().contains(u"no balance left"_s));
}

void TestVoucherDetailPanel::deductionModel()
{
    DeductionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(DeductionTableModel::ColumnCount));

    Deduction first;
    first.id = QUuid::createUuid();
    first.orderId = u"A-1"_s;
    first.productCode = u"cvm"_s;
    first.payMode = PayMode::Postpaid;
    first.orderAmountMinor = 150000;
    first.deductedMinor = 100000;
    first.at = m_ws->now();
    Deduction second = first;
    second.id = QUuid::createUuid();
    second.orderId = u"A-2"_s;
    second.productCode = u"retired"_s;
    model.setDeductions({second, first}, u"CNY"_s, {{u"cvm"_s, u"Cloud Virtual Machine"_s}});

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(DeductionTableModel::DeductedColumn, Qt::Horizontal).toString(),
             u"Deducted"_s);
    QCOMPARE(model.index(1, DeductionTableModel::OrderColumn).data().toString(), u"A-1"_s);
    QCOMPARE(model.index(1, DeductionTableModel::ProductColumn).data().toString(),
             u"Cloud Virtual Machine"_s);
    // A product the catalogue no longer has shows its code.
    QCOMPARE(model.index(0, DeductionTableModel::ProductColumn).data().toString(), u"retired"_s);
    QCOMPARE(model.index(1, DeductionTableModel::PayModeColumn).data().toString(), u"Postpaid"_s);
    QCOMPARE(model.index(1, DeductionTableModel::OrderAmountColumn).data().toString(),
             u"¥1,500.00"_s);
    QCOMPARE(model.index(1, DeductionTableModel::DeductedColumn).data().toString(), u"¥1,000.00"_s);
    QCOMPARE(model.index(1, DeductionTableModel::DeductedColumn).data(ItemRoles::SortValue),
             QVariant(qint64(100000)));
    QVERIFY(!model.index(1, DeductionTableModel::DeductedColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
    QCOMPARE(model.index(1, 0).data(ItemRoles::Id).toUuid(), first.id);
    QCOMPARE(model.index(1, DeductionTableModel::DateColumn).data().toString(),
             DisplayFormat::dateTime(m_ws->now()));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestVoucherDetailPanel)
#include "tst_voucherdetailpanel.moc"
