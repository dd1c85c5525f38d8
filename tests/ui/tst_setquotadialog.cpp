#include "core/commands/localcommandgateway.h"
#include "core/repositories/partnerrepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/admin/setquotadialog.h"
#include "ui/mainwindow.h"

#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// A server workspace's gateway: the quota change is only queued; the replica keeps the old one.
class DeferringGateway : public LocalCommandGateway
{
public:
    using LocalCommandGateway::LocalCommandGateway;

    Result<Partner> setQuota(const QUuid &partnerId, qint64 quotaMinor) override
    {
        sent.append({partnerId, quotaMinor});
        return *PartnerRepository(*db).find(partnerId);
    }
    bool defersDecisions() const override { return true; }

    QList<std::pair<QUuid, qint64>> sent;
    const Database *db = nullptr;
};
} // namespace

// An admin sets a partner's total quota through the dialog's widgets; checked in the dialog and
// in the store.
class TestSetQuotaDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheChosenPartnersPool();
    void validQuotaIsStored();
    void belowIssuedIsRefusedAtTheField();
    void malformedOrNegativeIsRefusedAtTheField_data();
    void malformedOrNegativeIsRefusedAtTheField();
    void refusedByTheStoreIsShown();
    void deferredChangeSaysSent();
    void everyControlIsNamed();
    void mainWindowOpensItForAdmins();

private:
    void openDialog(const QUuid &partnerId = {});
    QLineEdit *quotaField() const;
    QComboBox *partnerCombo() const;
    QPushButton *setButton() const;
    FieldMessage *quotaMessage() const;
    qint64 storedQuota(const QUuid &partnerId) const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SetQuotaDialog> m_dialog;
};

void TestSetQuotaDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"VoucherDeskTest"_s);
    QCoreApplication::setApplicationName(u"tst_setquotadialog"_s);
}

void TestSetQuotaDialog::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    // Partner A has issued ¥1,000.
    m_ws->approve(m_ws->submit(m_ws->createTemplate(u"Trial"_s).id));
    m_session = m_ws->session(m_ws->admin);
}

void TestSetQuotaDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    m_ws.reset();
}

void TestSetQuotaDialog::openDialog(const QUuid &partnerId)
{
    m_dialog = std::make_unique<SetQuotaDialog>(*m_session, partnerId);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

QLineEdit *TestSetQuotaDialog::quotaField() const
{
    return requireByAccessibleName<QLineEdit>(m_dialog.get(), u"New total quota"_s);
}

QComboBox *TestSetQuotaDialog::partnerCombo() const
{
    return requireByAccessibleName<QComboBox>(m_dialog.get(), u"Partner"_s);
}

QPushButton *TestSetQuotaDialog::setButton() const
{
    return requireByAccessibleName<QPushButton>(m_dialog.get(), u"Set Quota"_s);
}

FieldMessage *TestSetQuotaDialog::quotaMessage() const
{
    return messageOf(m_dialog.get(), quotaField());
}

qint64 TestSetQuotaDialog::storedQuota(const QUuid &partnerId) const
{
    return PartnerRepository(m_ws->db()).find(partnerId)->quotaMinor;
}

void TestSetQuotaDialog::showsTheChosenPartnersPool()
{
    openDialog(m_ws->partnerB.id);
    QCOMPARE(partnerCombo()->currentText(), u"Demo Partner B"_s);
    QCOMPARE(quotaField()->text(), u"500000.00"_s);
    auto *current = requireChild<QLabel>(m_dialog.get(), u"currentQuota"_s);
    QCOMPARE(current->text(), u"Now ¥500,000.00 · issued ¥0.00 · left ¥500,000.00"_s);

    partnerCombo()->setCurrentIndex(partnerCombo()->findText(u"Demo Partner A"_s));
    QCOMPARE(quotaField()->text(), u"1000000.00"_s);
    QCOMPARE(current->text(), u"Now ¥1,000,000.00 · issued ¥1,000.00 · left ¥999,000.00"_s);
}

void TestSetQuotaDialog::validQuotaIsStored()
{
    openDialog(m_ws->partnerA.id);
    QSignalSpy changed(m_session.get(), &Session::changed);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    typeInto(quotaField(), u"2,000,000.50"_s);
    QTest::mouseClick(setButton(), Qt::LeftButton);

    QCOMPARE(accepted.size(), 1);
    QCOMPARE(storedQuota(m_ws->partnerA.id), 200000050);
    QCOMPARE(storedQuota(m_ws->partnerB.id), 50000000);
    QCOMPARE(m_dialog->resultMessage(), u"The quota of Demo Partner A is now ¥2,000,000.50."_s);
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.first().first().value<Session::Changes>().testFlag(Session::Change::Partner));
}

void TestSetQuotaDialog::belowIssuedIsRefusedAtTheField()
{
    openDialog(m_ws->partnerA.id);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    typeInto(quotaField(), u"999.99"_s);
    QTest::keyClick(quotaField(), Qt::Key_Return);
    QVERIFY(quotaMessage() && quotaMessage()->hasMessage());
    QCOMPARE(quotaMessage()->text(),
             u"The quota cannot be lower than what is already issued (¥1,000.00)."_s);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(storedQuota(m_ws->partnerA.id), 100000000);

    // Exactly what is issued is allowed; typing clears the message.
    typeInto(quotaField(), u"1000"_s);
    QVERIFY(!quotaMessage()->hasMessage());
    QTest::mouseClick(setButton(), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(storedQuota(m_ws->partnerA.id), 100000);
}

void TestSetQuotaDialog::malformedOrNegativeIsRefusedAtTheField_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("letters") << u"lots"_s;
    QTest::newRow("three decimals") << u"10.001"_s;
    QTest::newRow("foreign currency") << u"USD 100"_s;
    QTest::newRow("negative") << u"-5"_s;
    QTest::newRow("empty") << QString();
}

void TestSetQuotaDialog::malformedOrNegativeIsRefusedAtTheField()
{
    QFETCH(QString, typed);
    openDialog(m_ws->partnerB.id);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    typeInto(quotaField(), typed);
    QTest::mouseClick(setButton(), Qt::LeftButton);
    QVERIFY(quotaMessage() && quotaMessage()->hasMessage());
    QVERIFY(!quotaMessage()->text().isEmpty());
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(storedQuota(m_ws->partnerB.id), 50000000);
}

void TestSetQuotaDialog::refusedByTheStoreIsShown()
{
    // The dialog read partner A's pool; then more is issued than the total the admin types.
    openDialog(m_ws->partnerA.id);
    m_ws->approve(m_ws->submit(m_ws->createTemplate(u"Later"_s, VoucherKind::Specific, 500000).id));
    typeInto(quotaField(), u"2000"_s);
    QTest::mouseClick(setButton(), Qt::LeftButton);
    QVERIFY(quotaMessage()->hasMessage());
    QVERIFY2(quotaMessage()->text().contains(u"¥6,000.00"_s), qPrintable(quotaMessage()->text()));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(storedQuota(m_ws->partnerA.id), 100000000);
}

void TestSetQuotaDialog::deferredChangeSaysSent()
{
    auto gateway = std::make_unique<DeferringGateway>(m_session->context());
    gateway->db = &m_ws->db();
    DeferringGateway *deferring = gateway.get();
    m_session->setCommands(std::move(gateway));
    openDialog(m_ws->partnerB.id);
    typeInto(quotaField(), u"600000"_s);
    QTest::mouseClick(setButton(), Qt::LeftButton);
    QCOMPARE(deferring->sent.size(), 1);
    QCOMPARE(deferring->sent.first().first, m_ws->partnerB.id);
    QCOMPARE(deferring->sent.first().second, 60000000);
    QVERIFY2(m_dialog->resultMessage().startsWith(u"Sent — waiting for the server"_s),
             qPrintable(m_dialog->resultMessage()));
    QCOMPARE(storedQuota(m_ws->partnerB.id), 50000000);
}

void TestSetQuotaDialog::everyControlIsNamed()
{
    openDialog();
    for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget) ||
                             qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget);
        if (!control || !widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY2(accessible && !accessible->text(QAccessible::Name).trimmed().isEmpty(),
                 widget->metaObject()->className());
    }
}

void TestSetQuotaDialog::mainWindowOpensItForAdmins()
{
    MainWindow window(*m_session, u"Local workspace test.db"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *open = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
            if (action->text() == u"Set Partner &Quota…"_s)
                open = action;
        }
    }
    QVERIFY(open);
    open->trigger();
    auto *dialog = waitForVisibleChild<SetQuotaDialog>(&window);
    QVERIFY(dialog);
    auto *combo = requireByAccessibleName<QComboBox>(dialog, u"Partner"_s);
    combo->setCurrentIndex(combo->findText(u"Demo Partner B"_s));
    typeInto(requireByAccessibleName<QLineEdit>(dialog, u"New total quota"_s), u"750000"_s);
    QTest::mouseClick(requireByAccessibleName<QPushButton>(dialog, u"Set Quota"_s), Qt::LeftButton);
    QCOMPARE(storedQuota(m_ws->partnerB.id), 75000000);
    QCOMPARE(window.statusBar()->currentMessage(),
             u"The quota of Demo Partner B is now ¥750,000.00."_s);
}

QTEST_MAIN(TestSetQuotaDialog)
#include "tst_setquotadialog.moc"
