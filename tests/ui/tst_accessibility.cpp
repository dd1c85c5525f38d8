// Every control a user can reach must carry a name that screen readers and UI automation
// (AT-SPI) read, and every toolbar button a tooltip: checked over every page and dialog.

#include "core/repositories/voucherrepository.h"
#include "tests/support/testworkspace.h"
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
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
