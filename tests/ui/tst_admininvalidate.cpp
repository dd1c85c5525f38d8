#include "core/commands/localcommandgateway.h"
#include "core/commands/vouchercommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/vouchers/voucherdetailpanel.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// A server workspace's gateway: the invalidation is only queued; the replica keeps the voucher.
class DeferringGateway : public LocalCommandGateway
{
public:
    using LocalCommandGateway::LocalCommandGateway;

    Result<Voucher> invalidateVoucher(const QUuid &voucherId, const QString &) override
    {
        sent.append(voucherId);
        return *VoucherRepository(*db).find(voucherId);
    }
    bool defersDecisions() const override { return true; }

    QList<QUuid> sent;
    const Database *db = nullptr;
};
} // namespace

// An admin invalidates an issued voucher from the Vendor Voucher List's detail panel: the button
// only admins see, its confirmation, the store afterwards.
class TestAdminInvalidate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void onlyAdminsSeeTheButton_data();
    void onlyAdminsSeeTheButton();
    void enabledOnlyForAnIssuedVoucherNotYetInvalidated();
    void invalidateAfterConfirmation();
    void keepVoucherWhenNotConfirmed();
    void deferredInvalidationSaysSent();

private:
    void showAs(const Actor &actor, const QUuid &applicationId);
    QPushButton *invalidateButton() const;
    QMessageBox *confirmation() const;
    QString message() const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<VoucherDetailPanel> m_panel;
    QUuid m_issued, m_voucher, m_pending;
};

void TestAdminInvalidate::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestAdminInvalidate::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    const VoucherTemplate t = m_ws->createTemplate(u"Trial CVM 1000"_s);
    m_issued = m_ws->submit(t.id);
    m_voucher = m_ws->approve(m_issued);
    m_pending = m_ws->submit(t.id);
    // ¥250 of the ¥1,000 spent: ¥750 goes back to the pool.
    auto manager = m_ws->context(m_ws->managerA);
    Deduction bill;
    bill.voucherId = m_voucher;
    bill.customerId = m_ws->customerA.id;
    bill.orderId = u"ORD-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 25000;
    const Result<Deduction> paid = VoucherCommands(*manager).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
}

void TestAdminInvalidate::cleanup()
{
    m_panel.reset();
    m_session.reset();
    m_ws.reset();
}

void TestAdminInvalidate::showAs(const Actor &actor, const QUuid &applicationId)
{
    m_panel.reset();
    m_session = m_ws->session(actor);
    m_panel = std::make_unique<VoucherDetailPanel>(*m_session);
    m_panel->resize(1280, 360);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->showApplication(applicationId);
}

QPushButton *TestAdminInvalidate::invalidateButton() const
{
    return findByAccessibleName<QPushButton>(m_panel.get(), u"Invalidate voucher"_s);
}

QMessageBox *TestAdminInvalidate::confirmation() const
{
    return waitForVisibleChild<QMessageBox>(m_panel.get());
}

QString TestAdminInvalidate::message() const
{
    return requireChild<QLabel>(m_panel.get(), u"message"_s)->text();
}

void TestAdminInvalidate::onlyAdminsSeeTheButton_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<bool>("visible");
    QTest::newRow("admin") << u"admin"_s << true;
    QTest::newRow("reviewer") << u"reviewer"_s << false;
    QTest::newRow("partner manager") << u"managerA"_s << false;
}

void TestAdminInvalidate::onlyAdminsSeeTheButton()
{
    QFETCH(QString, who);
    QFETCH(bool, visible);
    const Actor actor = who == u"admin"_s      ? m_ws->admin
                        : who == u"reviewer"_s ? m_ws->reviewer
                                               : m_ws->managerA;
    showAs(actor, m_issued);
    QVERIFY(invalidateButton());
    QCOMPARE(invalidateButton()->isVisible(), visible);
}

void TestAdminInvalidate::enabledOnlyForAnIssuedVoucherNotYetInvalidated()
{
    showAs(m_ws->admin, m_pending);
    QVERIFY(invalidateButton()->isVisible());
    QVERIFY(!invalidateButton()->isEnabled());
    QVERIFY2(invalidateButton()->toolTip().contains(u"no voucher"_s),
             qPrintable(invalidateButton()->toolTip()));
    m_panel->showApplication(m_issued);
    QVERIFY(invalidateButton()->isEnabled());

    // Invalidated elsewhere: the panel hears of it and turns the button off.
    auto admin = m_ws->context(m_ws->admin);
    QVERIFY(VoucherCommands(*admin).invalidateVoucher(m_voucher).ok());
    m_session->notifyChanged(Session::Change::Vouchers);
    QVERIFY(!invalidateButton()->isEnabled());
    QVERIFY2(invalidateButton()->toolTip().contains(u"was invalidated"_s),
             qPrintable(invalidateButton()->toolTip()));
}

void TestAdminInvalidate::invalidateAfterConfirmation()
{
    showAs(m_ws->admin, m_issued);
    const qint64 issuedBefore = PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor;
    QSignalSpy changed(m_session.get(), &Session::changed);
    QTest::mouseClick(invalidateButton(), Qt::LeftButton);
    QMessageBox *box = confirmation();
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"¥750.00"_s), qPrintable(box->text()));
    // Nothing happens before the answer.
    QVERIFY(!VoucherRepository(m_ws->db()).find(m_voucher)->invalidatedAt.isValid());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

    const Voucher stored = *VoucherRepository(m_ws->db()).find(m_voucher);
    QCOMPARE(stored.invalidatedAt, m_ws->now());
    QCOMPARE(PartnerRepository(m_ws->db()).find(m_ws->partnerA.id)->issuedMinor,
             issuedBefore - 75000);
    QCOMPARE(AuditLog(m_ws->db())
                 .eventsFor(u"Voucher"_s, m_voucher.toString(QUuid::WithoutBraces))
                 .last()
                 .action,
             u"InvalidateVoucher"_s);
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.first().first().value<Session::Changes>();
    QVERIFY(changes.testFlag(Session::Change::Vouchers));
    QVERIFY(changes.testFlag(Session::Change::Applications));
    QVERIFY(changes.testFlag(Session::Change::Partner));
    QVERIFY2(message().contains(u"invalidated"_s) && message().contains(u"¥750.00"_s),
             qPrintable(message()));
    QCOMPARE(requireChild<QLabel>(m_panel.get(), u"status"_s)->text(), u"Invalidated"_s);
    QVERIFY(!invalidateButton()->isEnabled());
}

void TestAdminInvalidate::keepVoucherWhenNotConfirmed()
{
    showAs(m_ws->admin, m_issued);
    QTest::mouseClick(invalidateButton(), Qt::LeftButton);
    QMessageBox *box = confirmation();
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QVERIFY(!VoucherRepository(m_ws->db()).find(m_voucher)->invalidatedAt.isValid());
    QVERIFY(invalidateButton()->isEnabled());
}

void TestAdminInvalidate::deferredInvalidationSaysSent()
{
    showAs(m_ws->admin, m_issued);
    auto gateway = std::make_unique<DeferringGateway>(m_session->context());
    gateway->db = &m_ws->db();
    DeferringGateway *deferring = gateway.get();
    m_session->setCommands(std::move(gateway));
    QTest::mouseClick(invalidateButton(), Qt::LeftButton);
    QMessageBox *box = confirmation();
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(deferring->sent, QList<QUuid>{m_voucher});
    QVERIFY2(message().startsWith(u"Sent — waiting for the server"_s), qPrintable(message()));
    QVERIFY(!VoucherRepository(m_ws->db()).find(m_voucher)->invalidatedAt.isValid());
}

QTEST_MAIN(TestAdminInvalidate)
#include "tst_admininvalidate.moc"
