// Every control a user can reach must carry a name that screen readers and UI automation
// (AT-SPI) read, and every toolbar button a tooltip: checked over every page and dialog.

#include "core/repositories/voucherrepository.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/admin/setquotadialog.h"
#include "ui/applications/applicationwizard.h"
#include "ui/customers/customerdialog.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/templates/templateeditor.h"
#include "ui/vouchers/paydialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QWizard>

using namespace Qt::StringLiterals;

namespace {
QString describe(const QWidget *widget)
{
    QString path;
    for (const QObject *o = widget; o; o = o->parent()) {
        path.prepend(QString::fromLatin1(o->metaObject()->className()) +
                     (o->objectName().isEmpty() ? QString() : u'#' + o->objectName()) + u'/');
    }
    return path;
}

bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) ||
           qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget);
}

// The controls of `root` a user can reach that no assistive technology could name.
QStringList unnamedControlsOf(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!isControl(widget) || !widget->isVisibleTo(root) ||
            widget->focusPolicy() == Qt::NoFocus)
            continue;
        // A combo box's own line edit and a spin box's editor are named through their owner.
        if (qobject_cast<QComboBox *>(widget->parentWidget()) ||
            qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            unnamed.append(describe(widget));
    }
    return unnamed;
}

// Also every step of the dialog's stacked widgets and wizard pages, shown or not.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed = unnamedControlsOf(root);
    for (auto *stack : root->findChildren<QStackedWidget *>()) {
        for (int i = 0; i < stack->count(); ++i)
            unnamed += unnamedControlsOf(stack->widget(i));
    }
    if (auto *wizard = qobject_cast<QWizard *>(root)) {
        for (int id : wizard->pageIds())
            unnamed += unnamedControlsOf(wizard->page(id));
    }
    unnamed.removeDuplicates();
    return unnamed;
}

// The inputs of a form whose label a screen reader cannot find. On Linux a combo box's name is
// its current text ("Prepaid"), so the label reaches it only as a labelled-by relation, which Qt
// derives from a sibling QLabel's buddy: a label whose buddy is a wrapping widget gives none.
// Each entry is the input with the label texts found, or "none".
QStringList unlabelledInputsOf(QWidget *root)
{
    QStringList unlabelled;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget) ||
                           qobject_cast<QAbstractSpinBox *>(widget) ||
                           qobject_cast<QPlainTextEdit *>(widget);
        if (!input || !widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QComboBox *>(widget->parentWidget()) ||
            qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
            continue;
        // The product picker's search field and list are named by themselves; the form's label
        // "Products:" labels the picker.
        if (widget->parentWidget() && widget->parentWidget()->objectName() == u"productPicker"_s)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QStringList labels;
        for (const auto &[label, relation] : accessible->relations(QAccessible::Label))
            labels.append(label->text(QAccessible::Name));
        if (labels.isEmpty())
            unlabelled.append(describe(widget));
    }
    return unlabelled;
}

// Buttons a screen reader lists though they take no focus: a line edit's icons (search, clear)
// and a toolbar's » extension.
QStringList unnamedDecorationButtons(QWidget *root)
{
    QStringList unnamed;
    for (auto *button : root->findChildren<QToolButton *>()) {
        const bool inLineEdit = qobject_cast<QLineEdit *>(button->parentWidget());
        const bool extension = button->objectName() == u"qt_toolbar_ext_button"_s;
        if (!inLineEdit && !extension)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(button);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(describe(button));
    }
    return unnamed;
}

QStringList toolButtonsWithoutTooltip(QWidget *root)
{
    QStringList missing;
    for (auto *button : root->findChildren<QToolButton *>()) {
        // A line edit's search icon is a decoration, not an action.
        if (qobject_cast<QLineEdit *>(button->parentWidget()))
            continue;
        if (!button->isVisibleTo(root) || !button->defaultAction())
            continue;
        // A tooltip that only repeats the button's text (Qt's fallback) tells nothing more.
        QString text = button->defaultAction()->text();
        text.remove(u'&').remove(u'…');
        QString tip = button->toolTip().trimmed();
        if (tip.isEmpty() || tip.remove(u'&').remove(u'…') == text.trimmed())
            missing.append(describe(button));
    }
    return missing;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void everyPageNamesItsControls()
    {
        TestWorkspace ws;
        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s);
        ws.approve(ws.submit(tmpl.id));
        auto session = ws.session(ws.managerA);
        MainWindow window(*session, u"Local workspace test.db"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (Page *page : window.pages()) {
            window.showPage(page->id());
            const QStringList unnamed = unnamedControls(&window);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
            const QStringList decorations = unnamedDecorationButtons(&window);
            QVERIFY2(decorations.isEmpty(), qPrintable(decorations.join(u'\n')));
            const QStringList noTip = toolButtonsWithoutTooltip(&window);
            QVERIFY2(noTip.isEmpty(), qPrintable(noTip.join(u'\n')));
        }
    }

    void everyDialogNamesItsControls()
    {
        TestWorkspace ws;
        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s);
        const QUuid voucherId = ws.approve(ws.submit(tmpl.id));
        auto session = ws.session(ws.managerA);
        const auto voucher = VoucherRepository(ws.db()).find(voucherId);
        QVERIFY(voucher);

        QTemporaryDir dir;
        SignInDialog signIn(dir.filePath(u"demo.db"_s));
        PreferencesDialog preferences;
        TemplateEditor editor(*session, TemplateEditor::Mode::Create);
        ApplicationWizard wizard(*session, tmpl.id);
        PayDialog pay(*session, *voucher);
        CustomerDialog customer(*session);
        for (QWidget *dialog : std::initializer_list<QWidget *>{&signIn, &preferences, &editor,
                                                                &wizard, &pay, &customer}) {
            dialog->show();
            const QStringList unnamed = unnamedControls(dialog);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
            dialog->hide();
        }
    }

    // Every input of the forms a user fills in is labelled through the relation (the AT-SPI walk
    // found none in Create Template, Pay and Add Customer).
    void everyFormInputHasItsLabel()
    {
        TestWorkspace ws;
        const VoucherTemplate tmpl = ws.createTemplate(u"Trial"_s);
        const QUuid voucherId = ws.approve(ws.submit(tmpl.id));
        auto session = ws.session(ws.managerA);
        auto adminSession = ws.session(ws.admin);
        const auto voucher = VoucherRepository(ws.db()).find(voucherId);
        QVERIFY(voucher);

        TemplateEditor editor(*session, TemplateEditor::Mode::Create);
        PayDialog pay(*session, *voucher);
        CustomerDialog customer(*session);
        SetQuotaDialog quota(*adminSession);
        for (QWidget *dialog : std::initializer_list<QWidget *>{&editor, &pay, &customer, &quota}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList unlabelled = unlabelledInputsOf(dialog);
            QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled.join(u'\n')));
            dialog->hide();
        }
        // The label read is the row's own, without its mnemonic.
        auto *amount = findByAccessibleName<QLineEdit>(&pay, u"Order amount"_s);
        QVERIFY(amount);
        const auto relations =
            QAccessible::queryAccessibleInterface(amount)->relations(QAccessible::Label);
        QCOMPARE(relations.size(), 1);
        QCOMPARE(relations.first().first->text(QAccessible::Name), u"Order amount:"_s);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
