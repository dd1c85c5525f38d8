#include "core/commands/templatecommands.h"
#include "core/repositories/templaterepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/applications/applicationwizard.h"
#include "ui/templates/templateeditor.h"
#include "ui/templates/templatespage.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/itemroles.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The Vendor Voucher Application page: the table under its filters, and every action on the
// templates, driven through the widgets and checked in the store.
class TestTemplatesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStateOffersCreate();
    void createSpecificTemplateThroughEditor();
    void rowsShowKindScopeAndState();
    void lockedTemplateCannotBeEditedOrDeleted();
    void editUnlockedTemplate();
    void staleEditShowsFreshVersionAndRefreshesRow();
    void duplicateSelectsTheCopy();
    void deleteAsksFirst();
    void filtersNarrowTheTable();
    void createdFilter();
    void clearFiltersDisablesTheDates();
    void reversedDatesAreMarkedAndNotApplied();
    void filterChangeReadsNoFurtherPages();
    void otherPartnersTemplatesAreHidden();
    void refreshesWhenTemplatesChange();
    void showItemRevealsFilteredTemplate();
    void showItemFindsATemplateFarDown();
    void focusSearchAndState();
    void applyOpensWizardForTemplate();
    void submittingFromApplyAnnouncesOnce();
    void actionsHaveIconsAndTooltips();
    void screenshot();

private:
    void openPage();
    QTableView *table() const { return m_page->findChild<QTableView *>(u"templateTable"_s); }
    QAction *action(const QString &name) const { return requireChild<QAction>(m_page.get(), name); }
    QStringList names() const;
    int rowOf(const QString &name) const;
    void clickRow(int row) { ::clickRow(table(), row, TemplateTableModel::Name); }
    // Null when no editor opens: the caller QVERIFYs it.
    TemplateEditor *waitForEditor()
    {
        return waitForVisibleChild<TemplateEditor>(m_page.get(), 2000);
    }

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TemplatesPage> m_page;
};

void TestTemplatesPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTemplatesPage::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    m_session = m_ws->session(m_ws->managerA);
}

void TestTemplatesPage::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_ws.reset();
}

void TestTemplatesPage::openPage()
{
    m_page = std::make_unique<TemplatesPage>(*m_session);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

QStringList TestTemplatesPage::names() const
{
    QStringList result;
    const QAbstractItemModel *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        result.append(model->index(row, TemplateTableModel::Name).data().toString());
    return result;
}

int TestTemplatesPage::rowOf(const QString &name) const
{
    return int(names().indexOf(name));
}

void TestTemplatesPage::emptyStateOffersCreate()
{
    openPage();
    auto *empty = m_page->findChild<EmptyState *>(u"templatesEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No templates yet"_s);
    QPushButton *create = findVisible<QPushButton>(empty);
    QVERIFY(create);
    QCOMPARE(create->text().remove(u'&'), u"Create Template"_s);
    QCOMPARE(m_page->findChild<QLabel *>(u"templateCount"_s)->text(), u"0 templates"_s);
    QVERIFY(!action(u"editTemplateAction"_s)->isEnabled());
    QVERIFY(!action(u"viewTemplateAction"_s)->isEnabled());

    QTest::mouseClick(create, Qt::LeftButton);
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    QCOMPARE(editor->mode(), TemplateEditor::Mode::Create);
    QVERIFY(editor->isModal());
    editor->reject();
}

void TestTemplatesPage::createSpecificTemplateThroughEditor()
{
    openPage();
    QTest::keyClick(m_page.get(), Qt::Key_N, Qt::ControlModifier);
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    QPointer<TemplateEditor> guard(editor);

    QTest::keyClicks(editor->findChild<QLineEdit *>(u"nameEdit"_s), u"Trial CVM 1000"_s);
    auto *search = editor->findChild<QLineEdit *>(u"productSearch"_s);
    auto *list = editor->findChild<QListView *>(u"productList"_s);
    for (const QString &product : {u"virtual machine"_s, u"object storage"_s}) {
        typeInto(search, product);
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Space);
    }
    typeInto(editor->findChild<QLineEdit *>(u"faceValueEdit"_s), u"1000"_s);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);
    auto *confirm = editor->findChild<QPushButton *>(u"confirmButton"_s);
    QVERIFY(confirm->isVisible());
    QVERIFY(editor->findChild<QLabel *>(u"lockNote"_s)->isVisible());
    QCOMPARE(TemplateRepository(m_ws->db()).count({}), 0);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(guard.isNull()); // closed and deleted

    const auto stored = TemplateRepository(m_ws->db()).list({});
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().name, u"Trial CVM 1000"_s);
    QCOMPARE(stored.first().faceValueMinor, 100000);
    QCOMPARE(stored.first().productCodes, (QStringList{u"cvm"_s, u"cos"_s}));

    QVERIFY(!m_page->findChild<EmptyState *>(u"templatesEmptyState"_s)->isEmpty());
    QCOMPARE(names(), QStringList{u"Trial CVM 1000"_s});
    QCOMPARE(table()->currentIndex().data(ItemRoles::Id).toUuid(), stored.first().id);
    QCOMPARE(table()->model()->index(0, TemplateTableModel::Scope).data().toString(),
             u"Cloud Virtual Machine, Cloud Object Storage"_s);
    QCOMPARE(m_page->findChild<QLabel *>(u"templateStatus"_s)->text(),
             u"Saved the template “Trial CVM 1000”."_s);
}

void TestTemplatesPage::rowsShowKindScopeAndState()
{
    m_ws->createTemplate(u"Trial CVM"_s);
    m_ws->advance(60);
    const VoucherTemplate universal =
        m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    m_ws->submit(universal.id);
    openPage();
    QCOMPARE(names(), (QStringList{u"Universal 5k"_s, u"Trial CVM"_s}));
    const QAbstractItemModel *model = table()->model();
    QCOMPARE(model->index(0, TemplateTableModel::Scope).data().toString(),
             u"All except blocklist"_s);
    QVERIFY(model->index(0, TemplateTableModel::Scope)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"SSL Certificates"_s));
    QCOMPARE(model->index(0, TemplateTableModel::State).data().toString(), u"Locked"_s);
    QCOMPARE(model->index(1, TemplateTableModel::State).data().toString(), u"Editable"_s);
    QCOMPARE(m_page->findChild<QLabel *>(u"templateCount"_s)->text(), u"2 templates"_s);
}

void TestTemplatesPage::lockedTemplateCannotBeEditedOrDeleted()
{
    m_ws->createTemplate(u"Editable one"_s);
    m_ws->advance(60);
    const VoucherTemplate locked = m_ws->createTemplate(u"Locked one"_s);
    m_ws->submit(locked.id);
    openPage();
    QAction *edit = action(u"editTemplateAction"_s);
    QAction *remove = action(u"deleteTemplateAction"_s);
    auto *reason = m_page->findChild<QLabel *>(u"lockReason"_s);

    clickRow(rowOf(u"Locked one"_s));
    QVERIFY(!edit->isEnabled());
    QCOMPARE(edit->toolTip(), u"Locked: an application was submitted"_s);
    QVERIFY(!remove->isEnabled());
    QVERIFY(remove->toolTip().contains(u"an application was submitted"_s));
    QVERIFY(action(u"viewTemplateAction"_s)->isEnabled());
    QVERIFY(action(u"duplicateTemplateAction"_s)->isEnabled());
    QVERIFY(reason->isVisible());
    QVERIFY(reason->text().startsWith(u"Locked: an application was submitted"_s));

    // Ctrl+E does nothing; Return opens the read-only view.
    QTest::keyClick(table(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(!m_page->findChild<TemplateEditor *>());
    QTest::keyClick(table(), Qt::Key_Return);
    TemplateEditor *viewer = waitForEditor();
    QVERIFY(viewer);
    QCOMPARE(viewer->mode(), TemplateEditor::Mode::View);
    QCOMPARE(viewer->baseTemplate().id, locked.id);
    QPointer<TemplateEditor> guard(viewer);
    viewer->reject();
    QTRY_VERIFY(guard.isNull());

    clickRow(rowOf(u"Editable one"_s));
    QVERIFY(edit->isEnabled());
    QVERIFY(remove->isEnabled());
    QCOMPARE(edit->toolTip(), u"Edit the selected template (Ctrl+E)"_s);
    QVERIFY(!reason->isVisible());
    // Double-click on an editable template edits it.
    const QTableView *view = table();
    const QRect rect = view->visualRect(
        view->model()->index(view->currentIndex().row(), TemplateTableModel::Name));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    QCOMPARE(editor->mode(), TemplateEditor::Mode::Edit);
    editor->reject();
}

void TestTemplatesPage::editUnlockedTemplate()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    openPage();
    clickRow(0);
    QTest::keyClick(table(), Qt::Key_E, Qt::ControlModifier);
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    QCOMPARE(editor->mode(), TemplateEditor::Mode::Edit);
    QPointer<TemplateEditor> guard(editor);
    typeInto(editor->findChild<QLineEdit *>(u"faceValueEdit"_s), u"2,500.50"_s);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    QCOMPARE(TemplateRepository(m_ws->db()).find(original.id)->faceValueMinor, 250050);
    QCOMPARE(TemplateRepository(m_ws->db()).find(original.id)->version, 2);
    QCOMPARE(table()->model()->index(0, TemplateTableModel::FaceValue).data().toString(),
             DisplayFormat::money(250050, u"CNY"_s));
    QCOMPARE(table()->currentIndex().data(ItemRoles::Id).toUuid(), original.id);
}

void TestTemplatesPage::staleEditShowsFreshVersionAndRefreshesRow()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    openPage();
    clickRow(0);
    action(u"editTemplateAction"_s)->trigger();
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    typeInto(editor->findChild<QLineEdit *>(u"faceValueEdit"_s), u"3000"_s);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);

    VoucherTemplate elsewhere = original;
    elsewhere.name = u"Renamed elsewhere"_s;
    QVERIFY(TemplateCommands(m_session->context()).updateTemplate(elsewhere, 1).ok());
    QTest::mouseClick(editor->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);

    QVERIFY(editor->isVisible());
    QVERIFY(
        editor->findChild<QLabel *>(u"editorMessage"_s)->text().contains(u"changed meanwhile"_s));
    QCOMPARE(editor->findChild<QLineEdit *>(u"nameEdit"_s)->text(), u"Renamed elsewhere"_s);
    QCOMPARE(names(), QStringList{u"Renamed elsewhere"_s}); // the page shows it too
    QCOMPARE(TemplateRepository(m_ws->db()).find(original.id)->faceValueMinor, 100000);
    editor->reject();
}

void TestTemplatesPage::duplicateSelectsTheCopy()
{
    const VoucherTemplate original = m_ws->createTemplate(u"Trial"_s);
    m_ws->submit(original.id);
    openPage();
    clickRow(0);
    QTest::keyClick(table(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(names().size(), 2);
    QCOMPARE(table()->currentIndex().siblingAtColumn(TemplateTableModel::Name).data().toString(),
             u"Trial (copy)"_s);
    QVERIFY(action(u"editTemplateAction"_s)->isEnabled()); // the copy is not locked
    const auto copy =
        TemplateRepository(m_ws->db()).find(table()->currentIndex().data(ItemRoles::Id).toUuid());
    QVERIFY(copy);
    QCOMPARE(copy->name, u"Trial (copy)"_s);
    QCOMPARE(copy->locked, false);
    QCOMPARE(copy->productCodes, original.productCodes);
    QCOMPARE(TemplateRepository(m_ws->db()).count({}), 2);
}

void TestTemplatesPage::deleteAsksFirst()
{
    const VoucherTemplate keep = m_ws->createTemplate(u"Keep"_s);
    m_ws->advance(60);
    const VoucherTemplate doomed = m_ws->createTemplate(u"Doomed"_s);
    openPage();
    clickRow(rowOf(u"Doomed"_s));

    QTest::keyClick(table(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(u"confirmDeleteBox"_s)) &&
                box->isVisible());
    QVERIFY(box->text().contains(u"Doomed"_s));
    QPointer<QMessageBox> guard(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());
    QVERIFY(TemplateRepository(m_ws->db()).find(doomed.id));
    QCOMPARE(names().size(), 2);

    action(u"deleteTemplateAction"_s)->trigger();
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(u"confirmDeleteBox"_s)) &&
                box->isVisible());
    guard = box;
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmDeleteButton"_s), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());
    QVERIFY(!TemplateRepository(m_ws->db()).find(doomed.id));
    QVERIFY(TemplateRepository(m_ws->db()).find(keep.id));
    QCOMPARE(names(), QStringList{u"Keep"_s});
    QCOMPARE(m_page->findChild<QLabel *>(u"templateStatus"_s)->text(),
             u"Deleted the template “Doomed”."_s);
}

void TestTemplatesPage::filtersNarrowTheTable()
{
    m_ws->createTemplate(u"Trial CVM"_s);
    m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal);
    const VoucherTemplate locked = m_ws->createTemplate(u"Locked trial"_s);
    m_ws->submit(locked.id);
    openPage();
    QCOMPARE(names().size(), 3);

    auto *name = m_page->findChild<QLineEdit *>(u"nameFilter"_s);
    QTest::keyClicks(name, u"trial"_s);
    QCOMPARE(names().size(), 2);
    QVERIFY(!names().contains(u"Universal 5k"_s));
    typeInto(name, QString());
    QCOMPARE(names().size(), 3);

    auto *kind = m_page->findChild<QComboBox *>(u"kindFilter"_s);
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down); // Specific
    QCOMPARE(kind->currentText(), u"Specific"_s);
    QCOMPARE(names().size(), 2);
    QTest::keyClick(kind, Qt::Key_Down); // Universal
    QCOMPARE(names(), QStringList{u"Universal 5k"_s});
    QTest::keyClick(kind, Qt::Key_Home); // All

    auto *state = m_page->findChild<QComboBox *>(u"stateFilter"_s);
    state->setFocus();
    QTest::keyClick(state, Qt::Key_End); // Locked
    QCOMPARE(state->currentText(), u"Locked"_s);
    QCOMPARE(names(), QStringList{u"Locked trial"_s});
    QTest::keyClick(state, Qt::Key_Up); // Editable
    QCOMPARE(names().size(), 2);
    QVERIFY(!names().contains(u"Locked trial"_s));

    // Nothing matches: its own message, with a way back.
    QTest::keyClicks(name, u"zzz"_s);
    auto *empty = m_page->findChild<EmptyState *>(u"templatesEmptyState"_s);
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->title(), u"No templates match these filters"_s);
    QPushButton *clear = findVisible<QPushButton>(empty);
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(!empty->isEmpty());
    QCOMPARE(names().size(), 3);
    QVERIFY(name->text().isEmpty());
    QCOMPARE(state->currentIndex(), 0);
}

void TestTemplatesPage::createdFilter()
{
    m_ws->createTemplate(u"Older"_s); // 27 Nov 2026
    m_ws->advance(3 * 86400);
    m_ws->createTemplate(u"Newer"_s); // 30 Nov 2026
    openPage();
    QCOMPARE(names().size(), 2);
    auto *created = m_page->findChild<QCheckBox *>(u"createdFilter"_s);
    auto *from = m_page->findChild<QDateEdit *>(u"createdFrom"_s);
    auto *to = m_page->findChild<QDateEdit *>(u"createdTo"_s);
    QVERIFY(!from->isEnabled());
    // The range starts out as the 30 days up to the session's day, not the computer's.
    const QDate today = m_ws->now().toLocalTime().date();
    QCOMPARE(to->date(), today);
    QCOMPARE(from->date(), today.addDays(-30));
    const QDate older = m_ws->now().addDays(-3).toLocalTime().date();
    from->setDate(older.addDays(1));
    to->setDate(older.addDays(10));
    QCOMPARE(names().size(), 2); // not applied while unticked
    QTest::mouseClick(created, Qt::LeftButton);
    QVERIFY(from->isEnabled());
    QCOMPARE(names(), QStringList{u"Newer"_s});
    from->setDate(older);
    to->setDate(older); // the end day is included
    QCOMPARE(names(), QStringList{u"Older"_s});
    QTest::mouseClick(created, Qt::LeftButton);
    QCOMPARE(names().size(), 2);
}

void TestTemplatesPage::clearFiltersDisablesTheDates()
{
    m_ws->createTemplate(u"Trial"_s);
    openPage();
    auto *created = m_page->findChild<QCheckBox *>(u"createdFilter"_s);
    auto *from = m_page->findChild<QDateEdit *>(u"createdFrom"_s);
    auto *to = m_page->findChild<QDateEdit *>(u"createdTo"_s);
    QTest::mouseClick(created, Qt::LeftButton);
    QVERIFY(created->isChecked());
    QVERIFY(from->isEnabled() && to->isEnabled());
    auto *clear = m_page->findChild<QWidget *>(u"clearFiltersButton"_s);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(!created->isChecked());
    QVERIFY(!from->isEnabled());
    QVERIFY(!to->isEnabled());
    QCOMPARE(names(), QStringList{u"Trial"_s});
}

void TestTemplatesPage::reversedDatesAreMarkedAndNotApplied()
{
    m_ws->createTemplate(u"Older"_s); // 27 Nov 2026
    m_ws->advance(3 * 86400);
    m_ws->createTemplate(u"Newer"_s); // 30 Nov 2026
    openPage();
    auto *created = m_page->findChild<QCheckBox *>(u"createdFilter"_s);
    auto *from = m_page->findChild<QDateEdit *>(u"createdFrom"_s);
    auto *to = m_page->findChild<QDateEdit *>(u"createdTo"_s);
    auto *message = m_page->findChild<QLabel *>(u"createdMessage"_s);
    const QDate newer = m_ws->now().toLocalTime().date();
    QTest::mouseClick(created, Qt::LeftButton);
    from->setDate(newer);
    to->setDate(newer);
    QCOMPARE(names(), QStringList{u"Newer"_s});
    QVERIFY(!message->isVisible());

    // The end before the start: said beside the dates; the table keeps what it showed.
    to->setFocus();
    QTest::keyClick(to, Qt::Key_Down); // a day earlier
    QCOMPARE(to->date(), newer.addDays(-1));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"The end date is before the start date."_s);
    QCOMPARE(to->accessibleDescription(), message->text());
    QCOMPARE(names(), QStringList{u"Newer"_s});
    // Other filters wait for the dates too.
    QTest::keyClicks(m_page->findChild<QLineEdit *>(u"nameFilter"_s), u"zzz"_s);
    QCOMPARE(names(), QStringList{u"Newer"_s});
    typeInto(m_page->findChild<QLineEdit *>(u"nameFilter"_s), QString());

    from->setDate(newer.addDays(-3));
    QVERIFY(!message->isVisible());
    QCOMPARE(names(), QStringList{u"Older"_s});
}

void TestTemplatesPage::filterChangeReadsNoFurtherPages()
{
    for (int i = 0; i < 100; ++i) {
        m_ws->createTemplate(u"Keep %1"_s.arg(i, 3, 10, QChar(u'0')));
        m_ws->advance(1);
    }
    m_ws->createTemplate(u"Other"_s); // the newest: the first row
    openPage();
    clickRow(0);
    QCOMPARE(table()->model()->rowCount(), TemplateTableModel::PageSize);
    // The selected template is not among the matches: looking for it must not read them all.
    QTest::keyClicks(m_page->findChild<QLineEdit *>(u"nameFilter"_s), u"keep"_s);
    QCOMPARE(m_page->findChild<QLabel *>(u"templateCount"_s)->text(), u"100 templates"_s);
    QCOMPARE(table()->model()->rowCount(), TemplateTableModel::PageSize);
    QVERIFY(!action(u"editTemplateAction"_s)->isEnabled()); // nothing selected now
}

void TestTemplatesPage::otherPartnersTemplatesAreHidden()
{
    m_ws->createTemplate(u"Mine"_s);
    m_ws->createTemplate(u"Theirs"_s, VoucherKind::Specific, 100000, &m_ws->managerB);
    openPage();
    QCOMPARE(names(), QStringList{u"Mine"_s});
}

void TestTemplatesPage::refreshesWhenTemplatesChange()
{
    const VoucherTemplate first = m_ws->createTemplate(u"First"_s);
    openPage();
    clickRow(0);
    m_ws->advance(60);
    m_ws->createTemplate(u"Second"_s);
    QCOMPARE(names().size(), 1); // not yet announced
    m_session->notifyChanged(Session::Change::Customers);
    QCOMPARE(names().size(), 1);
    m_session->notifyChanged(Session::Change::Templates);
    QCOMPARE(names(), (QStringList{u"Second"_s, u"First"_s}));
    QCOMPARE(table()->currentIndex().data(ItemRoles::Id).toUuid(), first.id); // kept
}

void TestTemplatesPage::showItemRevealsFilteredTemplate()
{
    const VoucherTemplate target = m_ws->createTemplate(u"Target"_s);
    m_ws->createTemplate(u"Other"_s);
    openPage();
    QTest::keyClicks(m_page->findChild<QLineEdit *>(u"nameFilter"_s), u"other"_s);
    QCOMPARE(names(), QStringList{u"Other"_s});
    m_page->showItem(target.id);
    QCOMPARE(names().size(), 2);
    QCOMPARE(table()->currentIndex().data(ItemRoles::Id).toUuid(), target.id);
    QVERIFY(action(u"editTemplateAction"_s)->isEnabled());
}

void TestTemplatesPage::showItemFindsATemplateFarDown()
{
    const VoucherTemplate oldest = m_ws->createTemplate(u"The oldest"_s);
    for (int i = 0; i < TemplateTableModel::SearchRows + 10; ++i) {
        m_ws->advance(1);
        m_ws->createTemplate(u"T%1"_s.arg(i, 3, 10, QChar(u'0')));
    }
    openPage();
    m_page->showItem(oldest.id);
    // Beyond the rows a search may read: narrowed to its name instead.
    QCOMPARE(m_page->findChild<QLineEdit *>(u"nameFilter"_s)->text(), u"The oldest"_s);
    QCOMPARE(names(), QStringList{u"The oldest"_s});
    QCOMPARE(table()->currentIndex().data(ItemRoles::Id).toUuid(), oldest.id);
    QVERIFY(table()->hasFocus());
}

void TestTemplatesPage::focusSearchAndState()
{
    m_ws->createTemplate(u"Trial"_s);
    openPage();
    m_page->focusSearch();
    QTRY_VERIFY(m_page->findChild<QLineEdit *>(u"nameFilter"_s)->hasFocus());
    // Tab goes through the filters in reading order, then to the table. A date edit takes
    // Tab for its day, month and year first.
    const auto focusedName = [] {
        QWidget *focused = QApplication::focusWidget();
        while (focused && focused->objectName().isEmpty())
            focused = focused->parentWidget(); // a date edit's inner line edit
        return focused ? focused->objectName() : QString();
    };
    QStringList visited = {focusedName()};
    for (int i = 0; i < 20 && QApplication::focusWidget() != table(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (focusedName() != visited.last())
            visited.append(focusedName());
    }
    QCOMPARE(visited,
             (QStringList{u"nameFilter"_s, u"kindFilter"_s, u"stateFilter"_s, u"createdFilter"_s,
                          u"clearFiltersButton"_s, u"templateTable"_s}));
    QCOMPARE(QApplication::focusWidget(), table());

    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    table()->horizontalHeader()->resizeSection(TemplateTableModel::Name, 333);
    m_page->saveState(settings);
    QVERIFY(settings.contains(u"templates/header"_s));
    TemplatesPage other(*m_session);
    other.restoreState(settings);
    QCOMPARE(other.findChild<QTableView *>(u"templateTable"_s)
                 ->horizontalHeader()
                 ->sectionSize(TemplateTableModel::Name),
             333);
}

void TestTemplatesPage::applyOpensWizardForTemplate()
{
    m_ws->createTemplate(u"Trial"_s);
    openPage();
    QAction *apply = action(u"applyTemplateAction"_s);
    QVERIFY(!apply->isEnabled()); // nothing selected
    clickRow(0);
    QVERIFY(apply->isEnabled());
    QSignalSpy requested(m_page.get(), &Page::showPageRequested);
    apply->trigger();
    ApplicationWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_page->findChild<ApplicationWizard *>()) && wizard->isVisible());
    QPointer<ApplicationWizard> guard(wizard);
    wizard->reject();
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(requested.size(), 0); // nothing submitted: stay here
}

void TestTemplatesPage::submittingFromApplyAnnouncesOnce()
{
    const VoucherTemplate trial = m_ws->createTemplate(u"Trial"_s);
    openPage();
    clickRow(0);
    QSignalSpy requested(m_page.get(), &Page::showPageRequested);
    QSignalSpy changed(m_session.get(), &Session::changed);
    action(u"applyTemplateAction"_s)->trigger();
    ApplicationWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_page->findChild<ApplicationWizard *>()) && wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::TemplatePage));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton); // preselected
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::CustomerPage));
    auto *customers = wizard->currentPage()->findChild<QTableView *>();
    QTest::keyClicks(findByAccessibleName<QLineEdit>(wizard->currentPage(),
                                                     u"Search customers by name or UIN"_s),
                     m_ws->customerA.uin);
    QTRY_COMPARE(customers->model()->rowCount(), 1);
    ::clickRow(customers, 0);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTest::keyClicks(
        findByAccessibleName<QPlainTextEdit>(wizard->currentPage(), u"Testing scenario"_s),
        u"Load test of CVM for a two-week trial before migration."_s);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ApplicationWizard::SubmittedStep));
    const QUuid applicationId = wizard->applicationId();
    QVERIFY(!applicationId.isNull());
    QPointer<ApplicationWizard> guard(wizard);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(guard.isNull());

    // The wizard announced the application and the locked template; the page adds nothing.
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.at(0).at(0).value<Session::Changes>();
    QVERIFY(changes.testFlag(Session::Change::Applications));
    QVERIFY(changes.testFlag(Session::Change::Templates));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<Page::Id>(), Page::Id::VoucherList);
    QCOMPARE(requested.at(0).at(1).toUuid(), applicationId);
    QVERIFY(TemplateRepository(m_ws->db()).find(trial.id)->locked);
    QCOMPARE(table()->model()->index(0, TemplateTableModel::State).data().toString(), u"Locked"_s);
}

void TestTemplatesPage::actionsHaveIconsAndTooltips()
{
    openPage();
    const QList<QAction *> actions = m_page->menuActions();
    QVERIFY(actions.size() >= 6);
    for (QAction *a : actions) {
        QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
        QVERIFY2(!a->toolTip().isEmpty(), qPrintable(a->text()));
    }
    QCOMPARE(actions.first(), action(u"createTemplateAction"_s));
    QCOMPARE(actions.first()->shortcut(), QKeySequence(QKeySequence::New));
    // The keys in the tooltips are the actions' own, as this platform writes them.
    const auto keys = [](QAction *a) { return a->shortcut().toString(QKeySequence::NativeText); };
    QAction *create = action(u"createTemplateAction"_s);
    QCOMPARE(create->toolTip(), u"Create a voucher template (%1)"_s.arg(keys(create)));
    for (const QString &name :
         {u"editTemplateAction"_s, u"duplicateTemplateAction"_s, u"deleteTemplateAction"_s}) {
        QAction *a = action(name);
        QVERIFY2(!keys(a).isEmpty(), qPrintable(name));
        QVERIFY2(a->toolTip().endsWith(u"(%1)"_s.arg(keys(a))), qPrintable(a->toolTip()));
    }
    QCOMPARE(m_page->title(), u"Vendor Voucher Application"_s);
    QCOMPARE(m_page->id(), Page::Id::Templates);
}

// Set VD_UI_SCREENSHOTS to a folder to look at the page and the editor as a person would.
void TestTemplatesPage::screenshot()
{
    const QString folder = qEnvironmentVariable("VD_UI_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("VD_UI_SCREENSHOTS not set");
    m_ws->createTemplate(u"Trial CVM 1000"_s);
    const VoucherTemplate universal =
        m_ws->createTemplate(u"Universal 5k"_s, VoucherKind::Universal, 500000);
    m_ws->submit(universal.id);
    openPage();
    clickRow(0);
    QVERIFY(m_page->grab().save(folder + u"/templatespage.png"_s));
    action(u"createTemplateAction"_s)->trigger();
    TemplateEditor *editor = waitForEditor();
    QVERIFY(editor);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);
    QVERIFY(editor->grab().save(folder + u"/templateeditor-errors.png"_s));
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"nameEdit"_s), u"Trial COS"_s);
    editor->findChild<QLineEdit *>(u"productSearch"_s)->setText(u"object"_s);
    QTest::keyClick(editor->findChild<QLineEdit *>(u"productSearch"_s), Qt::Key_Down);
    QTest::keyClick(editor->findChild<QListView *>(u"productList"_s), Qt::Key_Space);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"faceValueEdit"_s), u"2000"_s);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);
    QVERIFY(editor->grab().save(folder + u"/templateeditor-confirm.png"_s));
    editor->reject();
    clickRow(rowOf(u"Trial CVM 1000"_s));
    action(u"editTemplateAction"_s)->trigger();
    editor = waitForEditor();
    QVERIFY(editor);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"nextButton"_s), Qt::LeftButton);
    VoucherTemplate changed = *TemplateRepository(m_ws->db()).find(editor->baseTemplate().id);
    changed.faceValueMinor = 123400;
    QVERIFY(TemplateCommands(m_session->context()).updateTemplate(changed, 1).ok());
    QTest::mouseClick(editor->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);
    QVERIFY(editor->grab().save(folder + u"/templateeditor-conflict.png"_s));
    editor->reject();
    m_page->findChild<QLineEdit *>(u"nameFilter"_s)->setText(u"zzz"_s);
    QVERIFY(m_page->grab().save(folder + u"/templatespage-nomatch.png"_s));
    m_page->findChild<QLineEdit *>(u"nameFilter"_s)->clear();
    m_page->findChild<QCheckBox *>(u"createdFilter"_s)->setChecked(true);
    auto *to = m_page->findChild<QDateEdit *>(u"createdTo"_s);
    to->setDate(m_page->findChild<QDateEdit *>(u"createdFrom"_s)->date().addDays(-1));
    QVERIFY(m_page->grab().save(folder + u"/templatespage-reversed-dates.png"_s));
}

QTEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
