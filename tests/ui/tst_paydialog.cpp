#include "core/commands/session.h"
#include "core/commands/templatecommands.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/vouchers/paydialog.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// Pay with voucher: the dialog records one deduction through VoucherCommands, and every refusal
// stays in the dialog with its reason while the store stays untouched.
class TestPayDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheVoucherTermsAndPreselectsACoveredProduct();
    void termsLeaveOutAMinimumOfNothing();
    void requestIdComesFromTheSession();
    void previewFollowsTheAmount();
    void payRecordsOneDeduction();
    void enterPaysFromTheKeyboard();
    void refusalsNameTheirReason_data();
    void refusalsNameTheirReason();
    void editingAFieldRetiresItsMessage();
    void amountMessageHasRoomAndSaysWhatIsAccepted();
    void repeatedPayIsOnePayment();
    void correctedRetryAfterARefusalPays();
    void screenshot();

private:
    void fill(const QString &orderId, const QString &productCode, PayMode payMode,
              const QString &amount);
    template<typename T>
    T *input(const QString &accessibleName) const
    {
        return requireByAccessibleName<T>(m_dialog.get(), accessibleName);
    }
    FieldMessage *messageOf(QWidget *field) const { return ::messageOf(m_dialog.get(), field); }
    QLabel *label(const char *name) const;
    QList<Deduction> deductions() const;
    qint64 balance() const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    Voucher m_voucher;
    std::unique_ptr<PayDialog> m_dialog;
};

void TestPayDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPayDialog::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    // ¥1,000.00 for cvm and cos, prepaid bills of at least ¥50.00.
    auto ctx = m_ws->context(m_ws->managerA);
    VoucherTemplate draft;
    draft.name = u"Prepaid CVM"_s;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 100000;
    draft.currency = u"CNY"_s;
    draft.validityDays = 30;
    draft.minSpendMinor = 5000;
    draft.payMode = PayMode::Prepaid;
    draft.productCodes = {u"cvm"_s, u"cos"_s};
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
    const QUuid voucherId = m_ws->approve(m_ws->submit(created.value().id));
    m_voucher = *VoucherRepository(m_ws->db()).find(voucherId);
    m_session = m_ws->session(m_ws->managerA);
    m_dialog = std::make_unique<PayDialog>(*m_session, m_voucher);
    m_dialog->show();
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestPayDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    m_ws.reset();
}

QLabel *TestPayDialog::label(const char *name) const
{
    return m_dialog->findChild<QLabel *>(QLatin1StringView(name));
}

void TestPayDialog::fill(const QString &orderId, const QString &productCode, PayMode payMode,
                         const QString &amount)
{
    typeInto(input<QLineEdit>(u"Order number"_s), orderId);
    auto *product = input<QComboBox>(u"Product"_s);
    product->setCurrentIndex(product->findData(productCode));
    QVERIFY(product->currentIndex() >= 0);
    auto *payModeBox = input<QComboBox>(u"Order pay mode"_s);
    payModeBox->setCurrentIndex(payModeBox->findData(int(payMode)));
    QVERIFY(payModeBox->currentIndex() >= 0);
    typeInto(input<QLineEdit>(u"Order amount"_s), amount);
}

QList<Deduction> TestPayDialog::deductions() const
{
    return VoucherRepository(m_ws->db()).deductions(m_voucher.id);
}

qint64 TestPayDialog::balance() const
{
    return VoucherRepository(m_ws->db()).find(m_voucher.id)->balanceMinor;
}

void TestPayDialog::showsTheVoucherTermsAndPreselectsACoveredProduct()
{
    QVERIFY(m_dialog->windowTitle().contains(m_voucher.code));
    auto *product = input<QComboBox>(u"Product"_s);
    QVERIFY(m_voucher.covers(product->currentData().toString()));
    // Covered products first, then the rest of the catalogue marked as not covered.
    QCOMPARE(product->itemText(0), u"Cloud Object Storage"_s);
    QCOMPARE(product->itemText(1), u"Cloud Virtual Machine"_s);
    const int cdb = product->findData(u"cdb"_s);
    QVERIFY(cdb > 1);
    QVERIFY(product->itemText(cdb).contains(u"not covered"_s));
    QCOMPARE(input<QComboBox>(u"Order pay mode"_s)->currentData().toInt(), int(PayMode::Prepaid));

    // The terms as labelled rows, each a whole phrase for translators.
    QCOMPARE(label("balanceTerm")->text(), u"¥1,000.00 of ¥1,000.00 left"_s);
    QCOMPARE(label("payModeTerm")->text(), u"Prepaid bills only"_s);
    QCOMPARE(label("minSpendTerm")->text(), u"¥50.00"_s);
    QCOMPARE(label("expiryTerm")->text(), DisplayFormat::dateTime(m_voucher.expiresAt));
    const auto *rows = qobject_cast<QFormLayout *>(label("balanceTerm")->parentWidget()->layout());
    QVERIFY(rows);
    const auto labelOf = [rows](const char *name) {
        for (int row = 0; row < rows->rowCount(); ++row) {
            QLayoutItem *field = rows->itemAt(row, QFormLayout::FieldRole);
            if (field && field->widget() &&
                field->widget()->objectName() == QLatin1StringView(name))
                return qobject_cast<QLabel *>(rows->itemAt(row, QFormLayout::LabelRole)->widget())
                    ->text();
        }
        return QString();
    };
    QCOMPARE(labelOf("balanceTerm"), u"Balance:"_s);
    QCOMPARE(labelOf("payModeTerm"), u"Pays for:"_s);
    QCOMPARE(labelOf("minSpendTerm"), u"Minimum bill:"_s);
    QCOMPARE(labelOf("expiryTerm"), u"Usable until:"_s);
}

void TestPayDialog::termsLeaveOutAMinimumOfNothing()
{
    Voucher any = m_voucher;
    any.payMode = PayMode::All;
    any.minSpendMinor = 0;
    PayDialog dialog(*m_session, any);
    QCOMPARE(dialog.findChild<QLabel *>(u"payModeTerm"_s)->text(), u"Prepaid and postpaid bills"_s);
    QVERIFY(!dialog.findChild<QLabel *>(u"minSpendTerm"_s));
}

void TestPayDialog::requestIdComesFromTheSession()
{
    // From the session's random source, as every other id, so that a seeded run repeats.
    QRandomGenerator seeded(42);
    QRandomGenerator same(42);
    m_session->context().setRandom(&seeded);
    PayDialog dialog(*m_session, m_voucher);
    m_session->context().setRandom(&same);
    const QUuid expected = m_session->context().newId();
    m_session->context().setRandom(QRandomGenerator::system());
    QCOMPARE(dialog.requestId(), expected);
    QCOMPARE(dialog.requestId().version(), QUuid::Random);
    QVERIFY(dialog.requestId() != m_dialog->requestId());
}

void TestPayDialog::previewFollowsTheAmount()
{
    QLabel *preview = label("preview");
    QVERIFY(preview);
    QVERIFY(preview->text().contains(u"Enter the order amount"_s));
    auto *amount = input<QLineEdit>(u"Order amount"_s);
    QTest::keyClicks(amount, u"300"_s);
    QCOMPARE(preview->text(), u"Will deduct ¥300.00; balance after ¥700.00"_s);
    // More than the balance: the voucher pays what it has.
    typeInto(amount, u"1,500.50"_s);
    QCOMPARE(preview->text(), u"Will deduct ¥1,000.00; balance after ¥0.00"_s);
    typeInto(amount, u"12.345"_s);
    QVERIFY(preview->text().contains(u"Enter the order amount"_s));
}

void TestPayDialog::payRecordsOneDeduction()
{
    QSignalSpy changed(m_session.get(), &Session::changed);
    fill(u"ORDER-42"_s, u"cos"_s, PayMode::Prepaid, u"300.00"_s);
    QTest::mouseClick(input<QPushButton>(u"Pay"_s), Qt::LeftButton);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    const QList<Deduction> stored = deductions();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, m_dialog->requestId());
    QCOMPARE(stored.first().orderId, u"ORDER-42"_s);
    QCOMPARE(stored.first().productCode, u"cos"_s);
    QCOMPARE(stored.first().orderAmountMinor, 30000);
    QCOMPARE(stored.first().deductedMinor, 30000);
    QCOMPARE(balance(), 70000);
    QVERIFY(m_dialog->recorded().has_value());
    QCOMPARE(m_dialog->recorded()->id, m_dialog->requestId());
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.first().first().value<Session::Changes>();
    QVERIFY(changes.testFlag(Session::Change::Vouchers));
    QVERIFY(changes.testFlag(Session::Change::Applications));
}

void TestPayDialog::enterPaysFromTheKeyboard()
{
    // Tab order: order number, product, pay mode, amount; Return presses Pay.
    auto *order = input<QLineEdit>(u"Order number"_s);
    order->setFocus();
    QTest::keyClicks(order, u"KB-1"_s);
    QTest::keyClick(order, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), input<QComboBox>(u"Product"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), input<QComboBox>(u"Order pay mode"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    auto *amount = input<QLineEdit>(u"Order amount"_s);
    QCOMPARE(QApplication::focusWidget(), amount);
    QTest::keyClicks(amount, u"80"_s);
    QTest::keyClick(amount, Qt::Key_Return);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(deductions().size(), 1);
    QCOMPARE(balance(), 92000);
}

void TestPayDialog::refusalsNameTheirReason_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("productCode");
    QTest::addColumn<int>("payMode");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("field"); // empty: the dialog's message line
    QTest::addColumn<QString>("reason");

    const int prepaid = int(PayMode::Prepaid);
    QTest::newRow("no order number")
        << u""_s << u"cvm"_s << prepaid << u"100"_s << u"Order number"_s << u"order number"_s;
    QTest::newRow("product not covered") << u"O-1"_s << u"cdb"_s << prepaid << u"100"_s << u""_s
                                         << u"pays only for its listed products"_s;
    QTest::newRow("pay mode differs") << u"O-1"_s << u"cvm"_s << int(PayMode::Postpaid) << u"100"_s
                                      << u""_s << u"pays prepaid bills only"_s;
    QTest::newRow("below min spend")
        << u"O-1"_s << u"cvm"_s << prepaid << u"49.99"_s << u""_s << u"at least ¥50.00"_s;
    QTest::newRow("too many decimals") << u"O-1"_s << u"cvm"_s << prepaid << u"12.345"_s
                                       << u"Order amount"_s << u"decimal places"_s;
    QTest::newRow("not an amount")
        << u"O-1"_s << u"cvm"_s << prepaid << u"abc"_s << u"Order amount"_s << u"digits"_s;
    QTest::newRow("zero") << u"O-1"_s << u"cvm"_s << prepaid << u"0"_s << u"Order amount"_s
                          << u"greater than 0"_s;
}

void TestPayDialog::refusalsNameTheirReason()
{
    QFETCH(QString, orderId);
    QFETCH(QString, productCode);
    QFETCH(int, payMode);
    QFETCH(QString, amount);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    QSignalSpy changed(m_session.get(), &Session::changed);
    fill(orderId, productCode, PayMode(payMode), amount);
    QTest::mouseClick(input<QPushButton>(u"Pay"_s), Qt::LeftButton);

    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_dialog->recorded());
    QLabel *message = label("message");
    if (field.isEmpty()) {
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(reason), qPrintable(message->text()));
    } else {
        QWidget *input = this->input<QWidget>(field);
        FieldMessage *fieldMessage = messageOf(input);
        QVERIFY(fieldMessage);
        QVERIFY(fieldMessage->isVisible());
        QVERIFY2(fieldMessage->text().contains(reason, Qt::CaseInsensitive),
                 qPrintable(fieldMessage->text()));
        QVERIFY(!message->isVisible());
        QCOMPARE(QApplication::focusWidget(), input);
    }
    QVERIFY(deductions().isEmpty());
    QCOMPARE(balance(), 100000);
    QCOMPARE(changed.size(), 0);
}

void TestPayDialog::editingAFieldRetiresItsMessage()
{
    fill(u"O-1"_s, u"cvm"_s, PayMode::Prepaid, u"12.345"_s);
    QTest::mouseClick(input<QPushButton>(u"Pay"_s), Qt::LeftButton);
    auto *amount = input<QLineEdit>(u"Order amount"_s);
    QVERIFY(messageOf(amount)->hasMessage());
    QTest::keyClick(amount, Qt::Key_Backspace);
    QVERIFY(!messageOf(amount)->hasMessage());
}

// The message under the amount wraps over the field's width with the height it needs, below the
// field (it was squeezed onto one line over it), and names what the locale accepts.
void TestPayDialog::amountMessageHasRoomAndSaysWhatIsAccepted()
{
    fill(u"O-1"_s, u"cvm"_s, PayMode::Prepaid, u"1000,50x"_s);
    QTest::mouseClick(input<QPushButton>(u"Pay"_s), Qt::LeftButton);
    auto *amount = input<QLineEdit>(u"Order amount"_s);
    FieldMessage *message = messageOf(amount);
    QVERIFY(message && message->hasMessage());
    QVERIFY2(message->text().contains(u"“.” as the decimal point"_s) &&
                 message->text().contains(u"1,000.50 or 1000.50"_s),
             qPrintable(message->text()));
    QTRY_VERIFY(message->isVisible());
    const QRect field = amount->geometry();
    const QRect shown = message->geometry();
    QVERIFY2(shown.top() >= field.bottom(), "the message overlaps its field");
    QVERIFY2(shown.height() >= message->heightForWidth(shown.width()),
             qPrintable(u"%1 px high, needs %2"_s.arg(shown.height())
                            .arg(message->heightForWidth(shown.width()))));
    QVERIFY(shown.height() > message->fontMetrics().height()); // it wraps: more than one line
    // Nothing below it is pushed out of the dialog.
    auto *pay = input<QPushButton>(u"Pay"_s);
    QVERIFY(m_dialog->rect().contains(
        pay->geometry().translated(pay->parentWidget()->mapTo(m_dialog.get(), QPoint()))));
}

void TestPayDialog::repeatedPayIsOnePayment()
{
    fill(u"ORDER-7"_s, u"cvm"_s, PayMode::Prepaid, u"100"_s);
    auto *pay = input<QPushButton>(u"Pay"_s);
    // A double click reaches pay() twice; both carry the dialog's one client id.
    pay->click();
    pay->click();
    const QList<Deduction> stored = deductions();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, m_dialog->requestId());
    QCOMPARE(balance(), 90000);
}

void TestPayDialog::correctedRetryAfterARefusalPays()
{
    fill(u"ORDER-8"_s, u"cvm"_s, PayMode::Prepaid, u"10"_s);
    auto *pay = input<QPushButton>(u"Pay"_s);
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(label("message")->isVisible());
    QVERIFY(deductions().isEmpty());

    auto *amount = input<QLineEdit>(u"Order amount"_s);
    typeInto(amount, u"60"_s);
    QTest::mouseClick(pay, Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const QList<Deduction> stored = deductions();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().orderAmountMinor, 6000);
    QCOMPARE(balance(), 94000);
}

// Set VD_UI_SCREENSHOTS to a folder to look at the dialog as a person would.
void TestPayDialog::screenshot()
{
    const QString folder = qEnvironmentVariable("VD_UI_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("VD_UI_SCREENSHOTS not set");
    fill(u"ORDER-9"_s, u"cvm"_s, PayMode::Prepaid, u"12.345"_s);
    QTest::mouseClick(input<QPushButton>(u"Pay"_s), Qt::LeftButton);
    QVERIFY(m_dialog->grab().save(folder + u"/paydialog.png"_s));
}

QTEST_MAIN(TestPayDialog)
#include "tst_paydialog.moc"
