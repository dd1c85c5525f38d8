#include "core/repositories/customerrepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/customers/customerdialog.h"
#include "ui/widgets/fieldmessage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// Adding a customer through the dialog: typed input, messages beside their fields, and the
// store touched only when the command accepts.
class TestCustomerDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addsTypedCustomer();
    void addsIneligibleCustomer();
    void refusesBadInput_data();
    void refusesBadInput();
    void duplicateUinMessageBesideUin();
    void correctedInputIsSaved();
    void keyboardOnly();

private:
    QLineEdit *field(const QString &accessibleName) const
    {
        return findByAccessibleName<QLineEdit>(m_dialog.get(), accessibleName);
    }
    FieldMessage *messageOf(QWidget *field) const { return ::messageOf(m_dialog.get(), field); }
    QPushButton *addButton() const;
    qint64 customerCount() const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CustomerDialog> m_dialog;
};

void TestCustomerDialog::initTestCase()
{
    // Dates on screen are local: pin the zone and the language they are shown in.
    qputenv("TZ", "Asia/Shanghai");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCustomerDialog::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
    m_dialog = std::make_unique<CustomerDialog>(*m_session);
    m_dialog->show();
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestCustomerDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    m_ws.reset();
}

QPushButton *TestCustomerDialog::addButton() const
{
    return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

qint64 TestCustomerDialog::customerCount() const
{
    CustomerFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    return CustomerRepository(m_ws->db()).count(filter);
}

void TestCustomerDialog::addsTypedCustomer()
{
    QSignalSpy changed(m_session.get(), &Session::changed);
    QLineEdit *name = field(u"Name"_s);
    QLineEdit *uin = field(u"UIN"_s);
    QVERIFY(name && uin);
    QTest::keyClicks(name, u"Gamma Games"_s);
    QTest::keyClicks(uin, u"123456789"_s);
    QTest::mouseClick(addButton(), Qt::LeftButton);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    const Customer added = m_dialog->customer();
    const auto stored = CustomerRepository(m_ws->db()).find(added.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, u"Gamma Games"_s);
    QCOMPARE(stored->uin, u"123456789"_s);
    QCOMPARE(stored->partnerId, m_ws->partnerA.id);
    QVERIFY(stored->eligible);
    QCOMPARE(customerCount(), 3);
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.at(0).at(0).value<Session::Changes>().testFlag(Session::Change::Customers));
}

void TestCustomerDialog::addsIneligibleCustomer()
{
    QTest::keyClicks(field(u"Name"_s), u"Sleepy Co"_s);
    QTest::keyClicks(field(u"UIN"_s), u"55555"_s);
    auto *eligible = m_dialog->findChild<QCheckBox *>();
    QVERIFY(eligible);
    QVERIFY(eligible->isChecked()); // customers are eligible unless said otherwise
    eligible->setFocus();
    QTest::keyClick(eligible, Qt::Key_Space);
    QVERIFY(!eligible->isChecked());
    QTest::mouseClick(addButton(), Qt::LeftButton);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const auto stored = CustomerRepository(m_ws->db()).find(m_dialog->customer().id);
    QVERIFY(stored);
    QVERIFY(!stored->eligible);
}

void TestCustomerDialog::refusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("uin");
    QTest::addColumn<QString>("nameMessage");
    QTest::addColumn<QString>("uinMessage");
    QTest::newRow("letters in UIN")
        << u"Gamma Games"_s << u"12ab"_s << QString() << u"A UIN contains digits only."_s;
    QTest::newRow("empty name") << QString() << u"123456789"_s << u"Enter the customer's name."_s
                                << QString();
    QTest::newRow("blank name, short UIN")
        << u"   "_s << u"1234"_s << u"Enter the customer's name."_s
        << u"A UIN has 5 to 20 digits; this one has 4."_s;
    QTest::newRow("nothing") << QString() << QString() << u"Enter the customer's name."_s
                             << u"Enter the customer's UIN."_s;
}

void TestCustomerDialog::refusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, uin);
    QFETCH(QString, nameMessage);
    QFETCH(QString, uinMessage);
    QSignalSpy changed(m_session.get(), &Session::changed);
    QLineEdit *nameEdit = field(u"Name"_s);
    QLineEdit *uinEdit = field(u"UIN"_s);
    QTest::keyClicks(nameEdit, name);
    QTest::keyClicks(uinEdit, uin);
    QTest::mouseClick(addButton(), Qt::LeftButton);

    QVERIFY(m_dialog->isVisible());
    QCOMPARE(messageOf(nameEdit)->text(), nameMessage);
    QCOMPARE(messageOf(nameEdit)->isVisible(), !nameMessage.isEmpty());
    QCOMPARE(messageOf(uinEdit)->text(), uinMessage);
    QCOMPARE(messageOf(uinEdit)->isVisible(), !uinMessage.isEmpty());
    // The first field with a message takes the focus, so the user can fix it at once.
    QCOMPARE(QApplication::focusWidget(), nameMessage.isEmpty() ? uinEdit : nameEdit);
    QCOMPARE(customerCount(), 2);
    QCOMPARE(changed.size(), 0);
}

void TestCustomerDialog::duplicateUinMessageBesideUin()
{
    QLineEdit *uinEdit = field(u"UIN"_s);
    QTest::keyClicks(field(u"Name"_s), u"Acme Again"_s);
    QTest::keyClicks(uinEdit, m_ws->customerA.uin);
    QTest::mouseClick(addButton(), Qt::LeftButton);

    QVERIFY(m_dialog->isVisible());
    QCOMPARE(messageOf(uinEdit)->text(),
             u"You already have a customer with UIN %1."_s.arg(m_ws->customerA.uin));
    QVERIFY(messageOf(uinEdit)->isVisible());
    QVERIFY(!messageOf(field(u"Name"_s))->isVisible());
    QCOMPARE(customerCount(), 2);
}

void TestCustomerDialog::correctedInputIsSaved()
{
    QLineEdit *uinEdit = field(u"UIN"_s);
    QTest::keyClicks(field(u"Name"_s), u"Gamma Games"_s);
    QTest::keyClicks(uinEdit, u"12ab"_s);
    QTest::mouseClick(addButton(), Qt::LeftButton);
    QVERIFY(messageOf(uinEdit)->isVisible());

    // Editing the field clears its stale message before the next attempt.
    QTest::keyClick(uinEdit, Qt::Key_Backspace);
    QVERIFY(!messageOf(uinEdit)->isVisible());
    typeInto(uinEdit, u"1234567"_s);
    QTest::mouseClick(addButton(), Qt::LeftButton);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(customerCount(), 3);
    QCOMPARE(CustomerRepository(m_ws->db()).find(m_dialog->customer().id)->uin, u"1234567"_s);
}

void TestCustomerDialog::keyboardOnly()
{
    QLineEdit *nameEdit = field(u"Name"_s);
    nameEdit->setFocus();
    QTest::keyClicks(nameEdit, u"Delta Data"_s);
    QTest::keyClick(nameEdit, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), field(u"UIN"_s));
    QTest::keyClicks(QApplication::focusWidget(), u"7654321"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Add is the default button

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(CustomerRepository(m_ws->db()).find(m_dialog->customer().id)->name, u"Delta Data"_s);
}

QTEST_MAIN(TestCustomerDialog)
#include "tst_customerdialog.moc"
