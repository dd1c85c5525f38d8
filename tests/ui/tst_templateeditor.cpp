#include "core/commands/templatecommands.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/templaterepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/templates/templateeditor.h"
#include "ui/templates/templatesummary.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;

// The template editor driven through its widgets: both steps, every field's message, and
// saving against a template that changed meanwhile.
class TestTemplateEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createSpecificTemplate();
    void createUniversalTemplate();
    void badFaceValueIsMarkedAndNothingSaved_data();
    void badFaceValueIsMarkedAndNothingSaved();
    void emptyNameAndNoProductsShowTwoMessages();
    void badMinSpendAndLongNoteAreMarked();
    void duplicateNameIsMarkedBesideName();
    void backKeepsTheInput();
    void editUnlockedTemplate();
    void staleEditShowsConflictAndFreshVersion();
    void templateLockedWhileEditingBecomesReadOnly();
    void editOfLockedTemplateOpensReadOnly();
    void viewIsReadOnly();
    void blocklistToolTipListsBlockedAndApplicable();
    void keyboardPicksProducts();
    void messagesFollowTheFieldsAsTheyAreFixed();
    void validityAboveTheLimitIsRefusedNotCut();
    void escapeAsksBeforeDiscardingInput();

private:
    std::unique_ptr<TemplateEditor> open(TemplateEditor::Mode mode, const VoucherTemplate &t = {});
    template<typename T>
    T *child(const QString &name) const
    {
        return requireChild<T>(m_editor, name);
    }
    void pickProduct(const QString &search);
    void clickNext();
    qint64 storedTemplates() const;
    bool onConfirmStep() const;

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    TemplateEditor *m_editor = nullptr;
};

void TestTemplateEditor::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTemplateEditor::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
}

void TestTemplateEditor::cleanup()
{
    m_editor = nullptr;
    m_session.reset();
    m_ws.reset();
}

std::unique_ptr<TemplateEditor> TestTemplateEditor::open(TemplateEditor::Mode mode,
                                                         const VoucherTemplate &t)
{
    auto editor = std::make_unique<TemplateEditor>(*m_session, mode, t);
    m_editor = editor.get();
    editor->show();
    if (!QTest::qWaitForWindowExposed(editor.get()))
        qWarning("editor not exposed");
    return editor;
}

// As a user does it: search, go down into the list, tick the first match with Space.
void TestTemplateEditor::pickProduct(const QString &search)
{
    auto *field = child<QLineEdit>(u"productSearch"_s);
    typeInto(field, search);
    QTest::keyClick(field, Qt::Key_Down);
    auto *list = child<QListView>(u"productList"_s);
    QVERIFY(list->hasFocus());
    QCOMPARE(list->model()->rowCount(), 1);
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(list->currentIndex().data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestTemplateEditor::clickNext()
{
    QTest::mouseClick(child<QPushButton>(u"nextButton"_s), Qt::LeftButton);
}

qint64 TestTemplateEditor::storedTemplates() const
{
    return TemplateRepository(m_ws->db()).count({});
}

bool TestTemplateEditor::onConfirmStep() const
{
    return m_editor->findChild<QStackedWidget *>()->currentIndex() == 1 &&
           m_editor->findChild<QPushButton *>(u"confirmButton"_s)->isVisible();
}

void TestTemplateEditor::createSpecificTemplate()
{
    auto editor = open(TemplateEditor::Mode::Create);
    QCOMPARE(editor->windowTitle(), u"Create Template"_s);
    QCOMPARE(child<QLabel>(u"currencyLabel"_s)->text(), u"CNY"_s);
    QVERIFY(child<QRadioButton>(u"specificRadio"_s)->isChecked());

    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial CVM 1000"_s);
    pickProduct(u"virtual machine"_s);
    pickProduct(u"object storage"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"1,000"_s);
    auto *validity = child<QSpinBox>(u"validitySpin"_s);
    validity->setFocus();
    validity->selectAll();
    QTest::keyClicks(validity, u"45"_s);
    typeInto(child<QLineEdit>(u"minSpendEdit"_s), u"100.50"_s);
    auto *payMode = child<QComboBox>(u"payModeCombo"_s);
    payMode->setFocus();
    // Worded as on the confirm step and everywhere else (it said "All" here).
    QCOMPARE(payMode->itemText(0), payModeDisplayName(PayMode::All));
    QTest::keyClick(payMode, Qt::Key_Down); // Prepaid and postpaid -> Prepaid
    QCOMPARE(payMode->currentText(), u"Prepaid"_s);
    QTest::keyClicks(child<QPlainTextEdit>(u"noteEdit"_s), u"For CVM load tests"_s);
    QCOMPARE(storedTemplates(), 0);

    clickNext();
    QVERIFY(onConfirmStep());
    auto *summary = child<TemplateSummary>(u"summary"_s);
    const QString text = summary->text();
    QVERIFY2(text.contains(u"Trial CVM 1000"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Specific product voucher"_s), qPrintable(text));
    QVERIFY2(text.contains(DisplayFormat::money(100000, u"CNY"_s)), qPrintable(text));
    QVERIFY2(text.contains(u"45 days after issue"_s), qPrintable(text));
    QVERIFY2(text.contains(DisplayFormat::money(10050, u"CNY"_s)), qPrintable(text));
    QVERIFY2(text.contains(u"Cloud Virtual Machine, Cloud Object Storage"_s), qPrintable(text));
    QVERIFY2(text.contains(u"For CVM load tests"_s), qPrintable(text));
    QCOMPARE(child<QLabel>(u"lockNote"_s)->text(),
             u"After an application is submitted this template can no longer be edited."_s);
    QCOMPARE(storedTemplates(), 0); // nothing is saved before Confirm

    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(editor->result(), int(QDialog::Accepted));
    const VoucherTemplate saved = editor->savedTemplate();
    QVERIFY(!saved.id.isNull());
    const auto stored = TemplateRepository(m_ws->db()).find(saved.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, u"Trial CVM 1000"_s);
    QCOMPARE(stored->partnerId, m_ws->partnerA.id);
    QCOMPARE(stored->kind, VoucherKind::Specific);
    QCOMPARE(stored->faceValueMinor, 100000);
    QCOMPARE(stored->currency, u"CNY"_s);
    QCOMPARE(stored->validityDays, 45);
    QCOMPARE(stored->minSpendMinor, 10050);
    QCOMPARE(stored->payMode, PayMode::Prepaid);
    QCOMPARE(stored->productCodes, (QStringList{u"cvm"_s, u"cos"_s}));
    QCOMPARE(stored->note, u"For CVM load tests"_s);
    QCOMPARE(stored->locked, false);
}

void TestTemplateEditor::createUniversalTemplate()
{
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Universal 5k"_s);
    pickProduct(u"virtual machine"_s); // picked, then the kind changes: not saved
    auto *picker = child<QWidget>(u"productPicker"_s);
    QVERIFY(picker->isVisible());
    QTest::mouseClick(child<QRadioButton>(u"universalRadio"_s), Qt::LeftButton);
    QVERIFY(child<QRadioButton>(u"universalRadio"_s)->isChecked());
    QVERIFY(!picker->isVisible());
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"5000"_s);
    clickNext();
    QVERIFY(onConfirmStep());
    const QString text = child<TemplateSummary>(u"summary"_s)->text();
    QVERIFY2(text.contains(u"Universal product voucher"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Domain Registration"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Products applicable now: 41."_s), qPrintable(text));

    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    const auto stored = TemplateRepository(m_ws->db()).find(editor->savedTemplate().id);
    QVERIFY(stored);
    QCOMPARE(stored->kind, VoucherKind::Universal);
    QCOMPARE(stored->faceValueMinor, 500000);
    QVERIFY(stored->productCodes.isEmpty());
}

void TestTemplateEditor::badFaceValueIsMarkedAndNothingSaved_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("letters") << u"abc"_s << u"is not allowed in an amount"_s;
    QTest::newRow("zero") << u"0"_s << u"The face value must be greater than 0."_s;
    QTest::newRow("negative") << u"-5"_s << u"The face value must be greater than 0."_s;
    QTest::newRow("three decimals") << u"1.234"_s << u"Use at most 2 decimal places."_s;
    QTest::newRow("over the cap") << u"1000000.01"_s << u"at most ¥1,000,000.00 per voucher"_s;
    QTest::newRow("empty") << QString() << u"Enter an amount."_s;
    QTest::newRow("other currency") << u"$10"_s << u"This amount is in USD; enter it in CNY."_s;
}

void TestTemplateEditor::badFaceValueIsMarkedAndNothingSaved()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial"_s);
    pickProduct(u"virtual machine"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), input);
    clickNext();

    QVERIFY(!onConfirmStep());
    auto *faceMessage = child<FieldMessage>(u"faceValueMessage"_s);
    QVERIFY(faceMessage->isVisible());
    QVERIFY2(faceMessage->text().contains(message), qPrintable(faceMessage->text()));
    QCOMPARE(faceMessage->text().count(u'\n'), 0); // one message, not the rule's as well
    QVERIFY(child<QLineEdit>(u"faceValueEdit"_s)->hasFocus());
    for (const QString &other : {u"nameMessage"_s, u"productsMessage"_s, u"minSpendMessage"_s,
                                 u"validityMessage"_s, u"noteMessage"_s})
        QVERIFY2(!child<FieldMessage>(other)->isVisible(), qPrintable(other));
    QCOMPARE(storedTemplates(), 0);

    // Corrected, the message goes and the template is saved.
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"10"_s);
    clickNext();
    QVERIFY(!faceMessage->isVisible());
    QVERIFY(onConfirmStep());
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(storedTemplates(), 1);
}

void TestTemplateEditor::emptyNameAndNoProductsShowTwoMessages()
{
    auto editor = open(TemplateEditor::Mode::Create);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    clickNext();
    QVERIFY(!onConfirmStep());
    auto *nameMessage = child<FieldMessage>(u"nameMessage"_s);
    auto *productsMessage = child<FieldMessage>(u"productsMessage"_s);
    QVERIFY(nameMessage->isVisible());
    QCOMPARE(nameMessage->text(), u"Enter a name for the template."_s);
    QVERIFY(productsMessage->isVisible());
    QCOMPARE(productsMessage->text(), u"Pick at least one product for a specific voucher."_s);
    QVERIFY(!child<FieldMessage>(u"faceValueMessage"_s)->isVisible());
    QVERIFY(child<QLineEdit>(u"nameEdit"_s)->hasFocus()); // the first invalid field
    QCOMPARE(storedTemplates(), 0);
}

void TestTemplateEditor::badMinSpendAndLongNoteAreMarked()
{
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial"_s);
    pickProduct(u"virtual machine"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    typeInto(child<QLineEdit>(u"minSpendEdit"_s), u"-1"_s);
    child<QPlainTextEdit>(u"noteEdit"_s)->setPlainText(QString(501, u'x'));
    clickNext();
    QVERIFY(!onConfirmStep());
    QCOMPARE(child<FieldMessage>(u"minSpendMessage"_s)->text(),
             u"The minimum spend cannot be negative."_s);
    QCOMPARE(child<FieldMessage>(u"noteMessage"_s)->text(),
             u"The note is 501 characters long; use at most 500."_s);
    QVERIFY(!child<FieldMessage>(u"faceValueMessage"_s)->isVisible());
    QCOMPARE(storedTemplates(), 0);

    // A blank minimum spend means none.
    typeInto(child<QLineEdit>(u"minSpendEdit"_s), QString());
    child<QPlainTextEdit>(u"noteEdit"_s)->clear();
    clickNext();
    QVERIFY(onConfirmStep());
}

void TestTemplateEditor::duplicateNameIsMarkedBesideName()
{
    m_ws->createTemplate(u"Trial CVM"_s);
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"trial cvm"_s);
    pickProduct(u"virtual machine"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    clickNext();
    QVERIFY(!onConfirmStep());
    auto *nameMessage = child<FieldMessage>(u"nameMessage"_s);
    QVERIFY2(nameMessage->text().contains(u"already have a template named"_s),
             qPrintable(nameMessage->text()));

    // Taken between Next and Confirm: the command's refusal lands beside the name too.
    typeInto(child<QLineEdit>(u"nameEdit"_s), u"Trial COS"_s);
    clickNext();
    QVERIFY(onConfirmStep());
    m_ws->createTemplate(u"Trial COS"_s);
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QVERIFY(!onConfirmStep());
    QVERIFY(editor->isVisible());
    QVERIFY2(nameMessage->text().contains(u"already have a template named \"Trial COS\""_s),
             qPrintable(nameMessage->text()));
    QCOMPARE(storedTemplates(), 2);
}

void TestTemplateEditor::backKeepsTheInput()
{
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial"_s);
    pickProduct(u"virtual machine"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    clickNext();
    QVERIFY(onConfirmStep());
    QTest::mouseClick(child<QPushButton>(u"backButton"_s), Qt::LeftButton);
    QVERIFY(!onConfirmStep());
    QCOMPARE(child<QLineEdit>(u"nameEdit"_s)->text(), u"Trial"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"200"_s);
    clickNext();
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(TemplateRepository(m_ws->db()).find(editor->savedTemplate().id)->faceValueMinor,
             20000);
}

void TestTemplateEditor::editUnlockedTemplate()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    auto editor = open(TemplateEditor::Mode::Edit, original);
    QCOMPARE(editor->windowTitle(), u"Edit Template — Trial"_s);
    QCOMPARE(child<QLineEdit>(u"nameEdit"_s)->text(), u"Trial"_s);
    QCOMPARE(child<QLineEdit>(u"faceValueEdit"_s)->text(), u"1000.00"_s);
    QCOMPARE(child<QListView>(u"productList"_s)->model()->rowCount(), 46);

    typeInto(child<QLineEdit>(u"nameEdit"_s), u"Trial 2000"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"2000"_s);
    pickProduct(u"kubernetes"_s);
    clickNext();
    QVERIFY(onConfirmStep());
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(editor->result(), int(QDialog::Accepted));

    const auto stored = TemplateRepository(m_ws->db()).find(original.id);
    QCOMPARE(stored->name, u"Trial 2000"_s);
    QCOMPARE(stored->faceValueMinor, 200000);
    QCOMPARE(stored->productCodes, (QStringList{u"cvm"_s, u"tke"_s, u"cos"_s}));
    QCOMPARE(stored->version, 2);
    QCOMPARE(storedTemplates(), 1);
}

void TestTemplateEditor::staleEditShowsConflictAndFreshVersion()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    auto editor = open(TemplateEditor::Mode::Edit, original);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"3000"_s);
    clickNext();
    QVERIFY(onConfirmStep());

    // Someone else saves a change first.
    VoucherTemplate elsewhere = original;
    elsewhere.name = u"Renamed elsewhere"_s;
    elsewhere.faceValueMinor = 55500;
    const auto other =
        TemplateCommands(m_session->context()).updateTemplate(elsewhere, original.version);
    QVERIFY2(other.ok(), resultMessage(other).constData());

    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QVERIFY(!onConfirmStep());
    auto *banner = child<QLabel>(u"editorMessage"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"was changed meanwhile (it is now at version 2)"_s),
             qPrintable(banner->text()));
    QCOMPARE(child<QLineEdit>(u"nameEdit"_s)->text(), u"Renamed elsewhere"_s);
    QCOMPARE(child<QLineEdit>(u"faceValueEdit"_s)->text(), u"555.00"_s);
    QVERIFY(child<QLabel>(u"editorInfo"_s)->text().startsWith(u"Version 2"_s));
    QCOMPARE(TemplateRepository(m_ws->db()).find(original.id)->faceValueMinor, 55500);

    // Made again on the fresh version, the change is saved.
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"3000"_s);
    clickNext();
    QVERIFY(!banner->isVisible());
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(editor->result(), int(QDialog::Accepted));
    const auto stored = TemplateRepository(m_ws->db()).find(original.id);
    QCOMPARE(stored->faceValueMinor, 300000);
    QCOMPARE(stored->name, u"Renamed elsewhere"_s);
    QCOMPARE(stored->version, 3);
}

void TestTemplateEditor::templateLockedWhileEditingBecomesReadOnly()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    auto editor = open(TemplateEditor::Mode::Edit, original);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"3000"_s);
    clickNext();
    m_ws->submit(original.id);
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);

    QVERIFY(editor->isVisible());
    QCOMPARE(editor->mode(), TemplateEditor::Mode::View);
    QVERIFY2(child<QLabel>(u"editorMessage"_s)->text().contains(u"is locked"_s),
             qPrintable(child<QLabel>(u"editorMessage"_s)->text()));
    QVERIFY(child<QLineEdit>(u"nameEdit"_s)->isReadOnly());
    QCOMPARE(child<QLineEdit>(u"faceValueEdit"_s)->text(), u"1000.00"_s);
    QVERIFY(!child<QPushButton>(u"nextButton"_s)->isVisible());
    QVERIFY(child<QPushButton>(u"closeButton"_s)->isVisible());
    QCOMPARE(TemplateRepository(m_ws->db()).find(original.id)->faceValueMinor, 100000);
}

void TestTemplateEditor::editOfLockedTemplateOpensReadOnly()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    m_ws->submit(original.id);
    auto editor =
        open(TemplateEditor::Mode::Edit, *TemplateRepository(m_ws->db()).find(original.id));
    QCOMPARE(editor->mode(), TemplateEditor::Mode::View);
    QCOMPARE(child<QLabel>(u"editorMessage"_s)->text(), u"Locked: an application was submitted"_s);
    QVERIFY(child<QLineEdit>(u"faceValueEdit"_s)->isReadOnly());
    const QString info = child<QLabel>(u"editorInfo"_s)->text();
    QVERIFY2(info.startsWith(u"Version 1 · created "_s) &&
                 info.endsWith(u" · Locked: an application was submitted"_s),
             qPrintable(info));
}

void TestTemplateEditor::viewIsReadOnly()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s, VoucherKind::Universal);
    auto editor = open(TemplateEditor::Mode::View, original);
    QCOMPARE(editor->windowTitle(), u"Template — Trial"_s);
    QVERIFY(child<QRadioButton>(u"universalRadio"_s)->isChecked());
    QVERIFY(!child<QRadioButton>(u"specificRadio"_s)->isEnabled());
    QVERIFY(child<QLineEdit>(u"nameEdit"_s)->isReadOnly());
    QVERIFY(!child<QWidget>(u"productPicker"_s)->isVisible());
    QVERIFY(!child<QPushButton>(u"nextButton"_s)->isVisible());
    QVERIFY(!child<QPushButton>(u"confirmButton"_s)->isVisible());
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"x"_s);
    QCOMPARE(child<QLineEdit>(u"nameEdit"_s)->text(), u"Trial"_s);
    QTest::mouseClick(child<QPushButton>(u"closeButton"_s), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    QCOMPARE(editor->result(), int(QDialog::Rejected));
}

void TestTemplateEditor::blocklistToolTipListsBlockedAndApplicable()
{
    auto editor = open(TemplateEditor::Mode::Create);
    auto *label = child<QLabel>(u"blocklistLabel"_s);
    const QString tip = label->toolTip();
    for (const QString &blocked : {u"Domain Registration"_s, u"SSL Certificates"_s,
                                   u"Marketplace"_s, u"Short Message Service"_s})
        QVERIFY2(tip.contains(blocked), qPrintable(tip));
    QVERIFY2(tip.contains(u"Applicable products (41):"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Cloud Virtual Machine"_s), qPrintable(tip));

    // A new blocklist revision in effect now is what the tooltip shows.
    ProductRepository(m_ws->db())
        .addBlocklistRevision(m_ws->now().addSecs(-60), {u"cvm"_s}, m_ws->db().nextRev());
    auto second = std::make_unique<TemplateEditor>(*m_session, TemplateEditor::Mode::Create);
    const QString newTip = second->findChild<QLabel *>(u"blocklistLabel"_s)->toolTip();
    QVERIFY2(newTip.contains(u"Blocked products (1):</b> Cloud Virtual Machine"_s),
             qPrintable(newTip));
    QVERIFY2(newTip.contains(u"Domain Registration"_s), qPrintable(newTip)); // now applicable
}

void TestTemplateEditor::keyboardPicksProducts()
{
    auto editor = open(TemplateEditor::Mode::Create);
    auto *search = child<QLineEdit>(u"productSearch"_s);
    typeInto(search, u"storage"_s);
    auto *list = child<QListView>(u"productList"_s);
    QCOMPARE(list->model()->rowCount(), 3); // block, file, object storage
    QTest::keyClick(search, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Space);
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Space);
    QTest::keyClick(list, Qt::Key_Space); // and off again
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(child<QLabel>(u"productCount"_s)->text(),
             u"Picked (2): Cloud Block Storage, Cloud Object Storage"_s);
    typeInto(search, QString());
    QCOMPARE(list->model()->rowCount(), 46);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Storage"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    clickNext();
    QTest::mouseClick(child<QPushButton>(u"confirmButton"_s), Qt::LeftButton);
    QCOMPARE(TemplateRepository(m_ws->db()).find(editor->savedTemplate().id)->productCodes,
             (QStringList{u"cbs"_s, u"cos"_s}));
}

// A message describes what the field holds now: fixing the field retires it at once (in place,
// so the form does not move), a new mistake in a marked field replaces it, and an unmarked
// field gets no message before Next.
void TestTemplateEditor::messagesFollowTheFieldsAsTheyAreFixed()
{
    auto editor = open(TemplateEditor::Mode::Create);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"9999999999"_s);
    clickNext();
    auto *products = child<FieldMessage>(u"productsMessage"_s);
    auto *face = child<FieldMessage>(u"faceValueMessage"_s);
    auto *name = child<FieldMessage>(u"nameMessage"_s);
    QVERIFY(products->hasMessage() && face->hasMessage() && name->hasMessage());
    QVERIFY2(face->text().contains(u"too large"_s) || face->text().contains(u"at most"_s),
             qPrintable(face->text()));
    const QPoint noteAt = child<QPlainTextEdit>(u"noteEdit"_s)->mapTo(m_editor, QPoint());

    pickProduct(u"virtual machine"_s);
    QVERIFY(!products->hasMessage());
    QVERIFY(!products->isVisible());
    auto *faceField = child<QLineEdit>(u"faceValueEdit"_s);
    faceField->selectAll();
    QTest::keyClicks(faceField, u"100"_s);
    QVERIFY2(!face->hasMessage(), qPrintable(face->text()));
    QTest::keyClicks(faceField, u"x"_s);
    QVERIFY2(face->hasMessage() && face->text().contains(u"not allowed"_s),
             qPrintable(face->text()));
    QTest::keyClick(faceField, Qt::Key_Backspace);
    QVERIFY(!face->hasMessage());
    QCOMPARE(child<QPlainTextEdit>(u"noteEdit"_s)->mapTo(m_editor, QPoint()), noteAt);
    QVERIFY(name->hasMessage()); // still empty

    // An unmarked field stays quiet while typed into.
    typeInto(child<QLineEdit>(u"minSpendEdit"_s), u"abc"_s);
    QVERIFY(!child<FieldMessage>(u"minSpendMessage"_s)->hasMessage());
    typeInto(child<QLineEdit>(u"minSpendEdit"_s), u"0"_s);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial"_s);
    QVERIFY(!name->hasMessage());
    clickNext();
    QVERIFY(onConfirmStep());
}

// Typed as 400, the validity was cut to 40 by the spin box: it is kept and refused instead.
void TestTemplateEditor::validityAboveTheLimitIsRefusedNotCut()
{
    auto editor = open(TemplateEditor::Mode::Create);
    QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Trial"_s);
    pickProduct(u"virtual machine"_s);
    typeInto(child<QLineEdit>(u"faceValueEdit"_s), u"100"_s);
    auto *validity = child<QSpinBox>(u"validitySpin"_s);
    validity->setFocus();
    validity->selectAll();
    QTest::keyClicks(validity, u"400"_s);
    QCOMPARE(validity->value(), 400);
    clickNext();
    QVERIFY(!onConfirmStep());
    auto *message = child<FieldMessage>(u"validityMessage"_s);
    QVERIFY2(message->hasMessage() && message->text().contains(u"365"_s),
             qPrintable(message->text()));
    QVERIFY(validity->hasFocus());
    validity->selectAll();
    QTest::keyClicks(validity, u"90"_s);
    QVERIFY(!message->hasMessage());
    clickNext();
    QVERIFY(onConfirmStep());
}

// Esc (and Cancel) threw typed input away at once; now it asks, and Esc there keeps editing.
void TestTemplateEditor::escapeAsksBeforeDiscardingInput()
{
    auto editor = open(TemplateEditor::Mode::Create);
    editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));
    // Nothing typed: Esc closes at once.
    auto untouched = open(TemplateEditor::Mode::Create);
    QTest::keyClick(untouched.get(), Qt::Key_Escape);
    QVERIFY(!untouched->isVisible());
    m_editor = editor.get();

    auto *name = child<QLineEdit>(u"nameEdit"_s);
    name->setFocus();
    QTest::keyClicks(name, u"Half typed"_s);
    QTest::keyClick(name, Qt::Key_Escape);
    auto *question = waitForVisibleChild<QMessageBox>(editor.get());
    QVERIFY(question);
    QVERIFY(editor->isVisible());
    QTest::keyClick(question, Qt::Key_Escape); // Keep Editing
    QTRY_VERIFY(!question->isVisible());
    QVERIFY(editor->isVisible());
    QCOMPARE(name->text(), u"Half typed"_s);

    QTest::mouseClick(child<QPushButton>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY((question = editor->findChild<QMessageBox *>()) && question->isVisible());
    QAbstractButton *discard = nullptr;
    for (QAbstractButton *button : question->buttons()) {
        if (question->buttonRole(button) == QMessageBox::DestructiveRole)
            discard = button;
    }
    QVERIFY(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_VERIFY(!editor->isVisible());
    QCOMPARE(editor->result(), int(QDialog::Rejected));
    QCOMPARE(storedTemplates(), 0);
}

QTEST_MAIN(TestTemplateEditor)
#include "tst_templateeditor.moc"
