#include "core/commands/templatecommands.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/templaterepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/applications/applicationwizard.h"
#include "ui/applications/customerchoicepage.h"
#include "ui/applications/scenariopage.h"
#include "ui/applications/summarypage.h"
#include "ui/applications/templatechoicepage.h"
#include "ui/customers/customertablemodel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/itemroles.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;

// The application wizard driven through its widgets: template → eligible customer → scenario →
// summary with the expected review date → submit, and what the store holds afterwards.
class TestApplicationWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void appliesEndToEnd();
    void offersOnlyEligibleCustomers();
    void shortScenarioKeepsNextDisabled();
    void longScenarioIsRefusedToo();
    void preselectedTemplateIsChosen();
    void lockedTemplateCanBeChosen();
    void refusalStaysOnSummary();
    void closeAfterSubmitKeepsTheApplication();
    void keyboardOnly();
    void expectedReviewAcrossAWeekend();
    void expectedReviewIsTheVendorsDay_data();
    void expectedReviewIsTheVendorsDay();
    void searchWaitsForAPauseInTyping();
    void nextAppliesAPendingSearch();
    void theOneMatchingCustomerIsChosenWithEnter();

private:
    void openWizard(const QUuid &templateId = {});
    template<typename T>
    T *byName(const QString &accessibleName) const
    {
        return findByAccessibleName<T>(m_wizard->currentPage(), accessibleName);
    }
    QTableView *visibleView() const;
    QAbstractButton *button(QWizard::WizardButton which) const { return m_wizard->button(which); }
    void goToScenario();

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApplicationWizard> m_wizard;
    VoucherTemplate m_trial;
    VoucherTemplate m_universal;
};

void TestApplicationWizard::initTestCase()
{
    // The expected review date is the vendor's calendar day whatever the local zone
    // (expectedReviewIsTheVendorsDay moves it); pin the zone and the language all the same.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestApplicationWizard::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_trial = m_ws->createTemplate(u"Trial CVM 1000"_s);
    m_universal = m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    m_session = m_ws->session(m_ws->managerA);
}

void TestApplicationWizard::cleanup()
{
    m_wizard.reset();
    m_session.reset();
    m_ws.reset();
}

void TestApplicationWizard::openWizard(const QUuid &templateId)
{
    m_wizard = std::make_unique<ApplicationWizard>(*m_session, templateId);
    m_wizard->show();
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    for (QTableView *view : m_wizard->findChildren<QTableView *>())
        new QAbstractItemModelTester(
            view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_wizard.get());
}

QTableView *TestApplicationWizard::visibleView() const
{
    return m_wizard->currentPage()->findChild<QTableView *>();
}

void TestApplicationWizard::goToScenario()
{
    openWizard(m_trial.id);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QTest::keyClicks(byName<QLineEdit>(u"Search customers by name or UIN"_s), u"acme"_s);
    QTRY_COMPARE(visibleView()->model()->rowCount(), 1);
    clickRow(visibleView(), 0);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::ScenarioStep));
}

void TestApplicationWizard::appliesEndToEnd()
{
    openWizard();
    QSignalSpy changed(m_session.get(), &Session::changed);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::TemplatePage));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());

    // 1 Template: search, pick.
    QTableView *templates = visibleView();
    QCOMPARE(templates->model()->rowCount(), 2);
    QTest::keyClicks(byName<QLineEdit>(u"Search templates by name"_s), u"trial"_s);
    QTRY_COMPARE(templates->model()->rowCount(), 1);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    clickRow(templates, 0);
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);

    // 2 Customer: search by UIN, pick.
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    QTableView *customers = visibleView();
    QTest::keyClicks(byName<QLineEdit>(u"Search customers by name or UIN"_s), u"100000001"_s);
    QTRY_COMPARE(customers->model()->rowCount(), 1);
    QCOMPARE(customers->model()->index(0, CustomerTableModel::NameColumn).data().toString(),
             u"Acme Test Co"_s);
    clickRow(customers, 0);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);

    // 3 Scenario, with its counter.
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::ScenarioStep));
    auto *scenario = byName<QPlainTextEdit>(u"Testing scenario"_s);
    QVERIFY(scenario);
    const QString text = u"Load test of CVM for a two-week trial before migration."_s;
    QTest::keyClicks(scenario, text);
    QVERIFY(m_wizard->currentPage()->findChildren<QLabel *>().size() > 0);
    bool counterShown = false;
    for (QLabel *label : m_wizard->currentPage()->findChildren<QLabel *>())
        counterShown |= label->text() == u"%1 / 1,000"_s.arg(text.size());
    QVERIFY(counterShown);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);

    // 4 Summary with the expected review date; Submit.
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    auto *expected = m_wizard->currentPage()->findChild<QLabel *>(u"expectedReview"_s);
    QVERIFY(expected);
    QCOMPARE(expected->text(),
             u"The vendor reviews applications in 1–3 business days. Expected by <b>Wed 2 Dec "
             u"2026</b> — 3 business days."_s);
    QVERIFY(button(QWizard::CommitButton)->isVisible());
    QCOMPARE(button(QWizard::CommitButton)->text(), u"&Submit"_s);
    QVERIFY(m_wizard->applicationId().isNull());
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);

    // Application submitted.
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    QCOMPARE(m_wizard->currentPage()->title(), u"Application submitted"_s);
    const QUuid id = m_wizard->applicationId();
    QVERIFY(!id.isNull());
    QVERIFY(!button(QWizard::BackButton)->isVisible());
    QCOMPARE(button(QWizard::FinishButton)->text(), u"&Show in Vendor Voucher List"_s);
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.at(0).at(0).value<Session::Changes>();
    QVERIFY(changes.testFlag(Session::Change::Applications));
    QVERIFY(changes.testFlag(Session::Change::Templates));
    QTest::mouseClick(button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QCOMPARE(m_wizard->applicationId(), id);

    // The store: pending review, template locked, the list row pending review.
    const auto application = ApplicationRepository(m_ws->db()).find(id);
    QVERIFY(application);
    QCOMPARE(application->status, ApplicationStatus::PendingReview);
    QCOMPARE(application->templateId, m_trial.id);
    QCOMPARE(application->customerId, m_ws->customerA.id);
    QCOMPARE(application->scenario, text);
    QCOMPARE(application->reviewDueAt,
             QDateTime(QDate(2026, 12, 2), QTime(23, 59, 59), QTimeZone("Asia/Shanghai")).toUTC());
    QVERIFY(TemplateRepository(m_ws->db()).find(m_trial.id)->locked);
    QVERIFY(!TemplateRepository(m_ws->db()).find(m_universal.id)->locked);
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    const auto row = VoucherListQuery(m_ws->db(), filter).row(id);
    QVERIFY(row);
    QCOMPARE(row->statusAt(m_ws->now()), VoucherListStatus::PendingReview);
    QCOMPARE(row->customerName, u"Acme Test Co"_s);
    QCOMPARE(row->templateName, u"Trial CVM 1000"_s);
}

void TestApplicationWizard::offersOnlyEligibleCustomers()
{
    openWizard(m_trial.id);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QTableView *customers = visibleView();
    QAbstractItemModel *model = customers->model();
    QList<QUuid> offered;
    for (int row = 0; row < model->rowCount(); ++row)
        offered.append(model->index(row, 0).data(ItemRoles::Id).toUuid());
    QCOMPARE(offered, QList<QUuid>{m_ws->customerA.id}); // not Dormant Ltd, not partner B's

    // Searching for the ineligible one by name or UIN finds nothing, and says so.
    auto *search = byName<QLineEdit>(u"Search customers by name or UIN"_s);
    QTest::keyClicks(search, u"Dormant"_s);
    QTRY_COMPARE(model->rowCount(), 0);
    auto *empty = m_wizard->currentPage()->findChild<EmptyState *>();
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No eligible customer matches “Dormant”"_s);
    search->clear();
    QTRY_COMPARE(model->rowCount(), 1);
    QTest::keyClicks(search, m_ws->ineligibleCustomerA.uin);
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
}

void TestApplicationWizard::shortScenarioKeepsNextDisabled()
{
    goToScenario();
    auto *scenario = byName<QPlainTextEdit>(u"Testing scenario"_s);
    FieldMessage *message = m_wizard->currentPage()->findChild<FieldMessage *>();
    QVERIFY(!button(QWizard::NextButton)->isEnabled()); // empty
    QVERIFY(!message->isVisible());

    QTest::keyClicks(scenario, u"Too short"_s); // 9 characters
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"Describe the scenario in at least 10 characters; 1 more needed."_s);

    // Blanks around the text do not count, as SubmitApplication trims them.
    QTest::keyClicks(scenario, u"   "_s);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());

    QTest::keyClicks(scenario, u"!"_s);
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    QVERIFY(!message->isVisible());
}

void TestApplicationWizard::longScenarioIsRefusedToo()
{
    goToScenario();
    auto *scenario = byName<QPlainTextEdit>(u"Testing scenario"_s);
    FieldMessage *message = m_wizard->currentPage()->findChild<FieldMessage *>();
    scenario->setPlainText(QString(1000, u'x'));
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    QTest::keyClick(scenario, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(scenario, Qt::Key_Y);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    QCOMPARE(message->text(),
             u"The scenario is 1,001 characters long; shorten it to at most 1,000."_s);
}

void TestApplicationWizard::preselectedTemplateIsChosen()
{
    openWizard(m_universal.id);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::TemplatePage));
    QTableView *templates = visibleView();
    const QModelIndexList selected = templates->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(ItemRoles::Id).toUuid(), m_universal.id);
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    // Enter confirms it.
    auto *search = byName<QLineEdit>(u"Search templates by name"_s);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
}

void TestApplicationWizard::lockedTemplateCanBeChosen()
{
    m_ws->submit(m_trial.id);
    QVERIFY(TemplateRepository(m_ws->db()).find(m_trial.id)->locked);
    goToScenario();
    QTest::keyClicks(byName<QPlainTextEdit>(u"Testing scenario"_s),
                     u"A second trial on a bigger instance."_s);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_wizard->applicationId())->templateId,
             m_trial.id);
}

void TestApplicationWizard::refusalStaysOnSummary()
{
    goToScenario();
    QTest::keyClicks(byName<QPlainTextEdit>(u"Testing scenario"_s),
                     u"Load test before migration."_s);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    auto *error = m_wizard->currentPage()->findChild<QLabel *>(u"submitError"_s);
    QVERIFY(!error->isVisible());

    // Someone deletes the template meanwhile (e.g. in another window).
    auto ctx = m_ws->context(m_ws->managerA);
    QVERIFY(TemplateCommands(*ctx).deleteTemplate(m_trial.id).ok());
    QSignalSpy changed(m_session.get(), &Session::changed);
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);

    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"The template does not exist or is not visible to you."_s);
    QVERIFY(m_wizard->applicationId().isNull());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(ApplicationRepository(m_ws->db()).countByStatus(ApplicationStatus::PendingReview), 0);

    // Going back to choose another template and submitting again works.
    QTest::mouseClick(button(QWizard::BackButton), Qt::LeftButton);
    QTest::mouseClick(button(QWizard::BackButton), Qt::LeftButton);
    QTest::mouseClick(button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::TemplatePage));
    auto *search = byName<QLineEdit>(u"Search templates by name"_s);
    search->clear();
    QTest::keyClicks(search, u"universal"_s);
    QTRY_COMPARE(visibleView()->model()->rowCount(), 1);
    clickRow(visibleView(), 0);
    for (int step = 0; step < 3; ++step)
        QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_wizard->applicationId())->templateId,
             m_universal.id);
}

void TestApplicationWizard::closeAfterSubmitKeepsTheApplication()
{
    goToScenario();
    QTest::keyClicks(byName<QPlainTextEdit>(u"Testing scenario"_s),
                     u"Load test before migration."_s);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(button(QWizard::CancelButton)->text(), u"&Close"_s);
    QTest::mouseClick(button(QWizard::CancelButton), Qt::LeftButton);
    QCOMPARE(m_wizard->result(), int(QDialog::Rejected));
    QVERIFY(!m_wizard->applicationId().isNull());
    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_wizard->applicationId())->status,
             ApplicationStatus::PendingReview);
}

void TestApplicationWizard::keyboardOnly()
{
    openWizard();
    auto *search = byName<QLineEdit>(u"Search templates by name"_s);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, u"universal"_s);
    QTest::keyClick(search, Qt::Key_Down); // into the list, first match selected
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));

    search = byName<QLineEdit>(u"Search customers by name or UIN"_s);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, u"1000"_s);
    QTest::keyClick(search, Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::ScenarioStep));

    auto *scenario = byName<QPlainTextEdit>(u"Testing scenario"_s);
    QTRY_COMPARE(QApplication::focusWidget(), scenario);
    QTest::keyClicks(scenario, u"Universal voucher for a CDN trial."_s);
    // A mnemonic "animates" the button's click: it lands a moment later.
    QTest::keyClick(scenario, Qt::Key_N, Qt::AltModifier); // &Next
    QTRY_COMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier); // &Submit
    QTRY_COMPARE(m_wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Show in the list
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    const auto application = ApplicationRepository(m_ws->db()).find(m_wizard->applicationId());
    QVERIFY(application);
    QCOMPARE(application->templateId, m_universal.id);
    QCOMPARE(application->customerId, m_ws->customerA.id);
}

void TestApplicationWizard::expectedReviewAcrossAWeekend()
{
    // Saturday 28 Nov 2026 15:00 in Shanghai: counting starts on Monday.
    m_ws->setNow(QDateTime(QDate(2026, 11, 28), QTime(7, 0), Qt::UTC));
    const QString text =
        SummaryPage::expectedReviewText(m_session->context().calendar(), m_session->now());
    QVERIFY2(text.startsWith(u"The vendor reviews applications in 1–3 business days. Expected "
                             u"by <b>Thu 3 Dec 2026</b> — 3 business days. Today is not a "
                             u"working day for the vendor, so the count starts on Mon 30 Nov "
                             u"2026."_s),
             qPrintable(text));
    QCOMPARE(m_session->context().calendar().reviewDueAt(m_session->now()),
             QDateTime(QDate(2026, 12, 3), QTime(23, 59, 59), QTimeZone("Asia/Shanghai")).toUTC());
}

void TestApplicationWizard::expectedReviewIsTheVendorsDay_data()
{
    QTest::addColumn<QByteArray>("zone");
    // East of Shanghai the vendor's 23:59:59 is already the next day; west of it, the vendor's
    // Monday noon is still Sunday.
    QTest::newRow("Shanghai") << QByteArray("Asia/Shanghai");
    QTest::newRow("Tokyo") << QByteArray("Asia/Tokyo");
    QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles");
}

void TestApplicationWizard::expectedReviewIsTheVendorsDay()
{
    QFETCH(QByteArray, zone);
    const QByteArray pinned = qgetenv("TZ");
    const auto restore = qScopeGuard([pinned] {
        qputenv("TZ", pinned);
        tzset();
    });
    qputenv("TZ", zone);
    tzset();
    QCOMPARE(QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC).toLocalTime().offsetFromUtc(),
             QTimeZone(zone).offsetFromUtc(QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC)));

    // Through the widgets: summary, submit, the submitted page.
    goToScenario();
    QTest::keyClicks(byName<QPlainTextEdit>(u"Testing scenario"_s),
                     u"Load test before migration."_s);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SummaryStep));
    QCOMPARE(m_wizard->currentPage()->findChild<QLabel *>(u"expectedReview"_s)->text(),
             u"The vendor reviews applications in 1–3 business days. Expected by <b>Wed 2 Dec "
             u"2026</b> — 3 business days."_s);
    QTest::mouseClick(button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    const QString submitted =
        m_wizard->currentPage()->findChild<QLabel *>(u"submittedText"_s)->text();
    QVERIFY2(submitted.contains(u"expected by <b>Wed 2 Dec 2026</b>."_s), qPrintable(submitted));
    QCOMPARE(ApplicationRepository(m_ws->db()).find(m_wizard->applicationId())->reviewDueAt,
             QDateTime(QDate(2026, 12, 2), QTime(23, 59, 59), QTimeZone("Asia/Shanghai")).toUTC());

    // Across a weekend: Saturday 28 Nov 2026 15:00 in Shanghai, counting from Monday.
    m_ws->setNow(QDateTime(QDate(2026, 11, 28), QTime(7, 0), Qt::UTC));
    const QString text =
        SummaryPage::expectedReviewText(m_session->context().calendar(), m_session->now());
    QVERIFY2(text.startsWith(u"The vendor reviews applications in 1–3 business days. Expected "
                             u"by <b>Thu 3 Dec 2026</b> — 3 business days. Today is not a "
                             u"working day for the vendor, so the count starts on Mon 30 Nov "
                             u"2026."_s),
             qPrintable(text));
}

void TestApplicationWizard::searchWaitsForAPauseInTyping()
{
    openWizard();
    QTableView *templates = visibleView();
    auto *search = byName<QLineEdit>(u"Search templates by name"_s);
    QTest::keyClicks(search, u"trial"_s);
    QCOMPARE(templates->model()->rowCount(), 2); // not on every keystroke
    QTRY_COMPARE(templates->model()->rowCount(), 1);
    QCOMPARE(templates->model()->index(0, 0).data().toString(), u"Trial CVM 1000"_s);

    // Enter searches at once; with nothing chosen yet it does not go on.
    clickRow(templates, 0);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
    QTableView *customers = visibleView();
    QAbstractItemModel *model = customers->model();
    search = byName<QLineEdit>(u"Search customers by name or UIN"_s);
    QTest::keyClicks(search, u"zzz"_s);
    QCOMPARE(model->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
}

// A search that leaves one customer selects it: Enter goes on with it (it did nothing).
void TestApplicationWizard::theOneMatchingCustomerIsChosenWithEnter()
{
    openWizard(m_trial.id);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
    auto *search = byName<QLineEdit>(u"Search customers by name or UIN"_s);
    search->setFocus();
    QTest::keyClicks(search, u"acme"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::ScenarioStep));
    QCOMPARE(m_wizard->findChild<CustomerChoicePage *>()->selectedCustomer()->id,
             m_ws->customerA.id);
}

void TestApplicationWizard::nextAppliesAPendingSearch()
{
    // Trial chosen, then "universal" typed and Next clicked at once: the typed search wins,
    // and as it hides the chosen template the wizard stays.
    openWizard(m_trial.id);
    QTableView *templates = visibleView();
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(byName<QLineEdit>(u"Search templates by name"_s), u"universal"_s);
    QCOMPARE(templates->model()->rowCount(), 2); // still waiting for the pause
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::TemplatePage));
    QCOMPARE(templates->model()->rowCount(), 1);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());

    // A search that keeps the choice goes on with it.
    clickRow(templates, 0);
    auto *search = byName<QLineEdit>(u"Search templates by name"_s);
    QTest::keyClick(search, Qt::Key_Backspace);
    QTest::mouseClick(button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ApplicationWizard::CustomerPage));
    QCOMPARE(m_wizard->findChild<TemplateChoicePage *>()->selectedTemplate()->id, m_universal.id);
}

QTEST_MAIN(TestApplicationWizard)
#include "tst_applicationwizard.moc"
