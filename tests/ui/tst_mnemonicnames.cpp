// Screen readers hear labels and buttons without the "(&N)" mnemonic of the Chinese catalogue.

#include "app/translationloader.h"
#include "tests/support/testworkspace.h"
#include "ui/customers/customerdialog.h"
#include "ui/templates/templateeditor.h"
#include "ui/widgets/mnemonicnames.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The labels and buttons of `root` whose accessible name still shows a mnemonic: "名称(N)：".
QStringList namesWithMnemonics(QWidget *root)
{
    static const QRegularExpression mnemonic(u"[(\uFF08][A-Za-z0-9][)\uFF09]"_s);
    QStringList found;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) ||
            (!qobject_cast<QLabel *>(widget) && !qobject_cast<QAbstractButton *>(widget)))
            continue;
        const QString name = QAccessible::queryAccessibleInterface(widget)->text(QAccessible::Name);
        if (name.contains(mnemonic))
            found.append(name);
    }
    return found;
}
} // namespace

class TestMnemonicNames : public QObject
{
    Q_OBJECT

private slots:
    void spoken_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("spoken");
        QTest::newRow("Chinese") << u"名称(&N)："_s << u"名称："_s;
        QTest::newRow("full-width brackets") << u"通过（&A）"_s << u"通过"_s;
        QTest::newRow("English") << u"&Approve"_s << u"Approve"_s;
        QTest::newRow("inner") << u"Order &amount:"_s << u"Order amount:"_s;
        QTest::newRow("ampersand") << u"R&&D (&R)"_s << u"R&D"_s;
        QTest::newRow("brackets kept") << u"Quota (CNY)"_s << u"Quota (CNY)"_s;
    }

    void spoken()
    {
        QFETCH(QString, text);
        QFETCH(QString, spoken);
        QCOMPARE(MnemonicNames::spoken(text), spoken);
    }

    void nameFollowsTheTextAndKeepsACodeName()
    {
        QLabel label(u"名称(&N)："_s);
        MnemonicNames::name(&label);
        QCOMPARE(label.accessibleName(), u"名称："_s);
        label.setText(u"备注(&O)："_s);
        MnemonicNames::name(&label);
        QCOMPARE(label.accessibleName(), u"备注："_s);
        label.setText(u"Note:"_s);
        MnemonicNames::name(&label);
        QVERIFY(label.accessibleName().isEmpty()); // Qt's own name, the text, is right

        QPushButton button(u"通过(&A)"_s);
        button.setAccessibleName(u"Approve application"_s);
        MnemonicNames::name(&button);
        QCOMPARE(button.accessibleName(), u"Approve application"_s);
    }

    // The real Chinese dialogs: without the filter Qt reads "(N)"; with it, never.
    void chineseDialogsAreReadWithoutMnemonics()
    {
        TranslationLoader::install(*QCoreApplication::instance(), u"zh_CN"_s);
        TestWorkspace ws;
        auto session = ws.session(ws.managerA);
        {
            CustomerDialog before(*session);
            before.show();
            QVERIFY(QTest::qWaitForWindowExposed(&before));
            QVERIFY2(!namesWithMnemonics(&before).isEmpty(), "Qt itself now drops the mnemonic");
        }
        MnemonicNames filter;
        qApp->installEventFilter(&filter);
        CustomerDialog customer(*session);
        TemplateEditor editor(*session, TemplateEditor::Mode::Create);
        for (QWidget *dialog : std::initializer_list<QWidget *>{&customer, &editor}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList found = namesWithMnemonics(dialog);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
        }
        qApp->removeEventFilter(&filter);
        TranslationLoader::install(*QCoreApplication::instance(), u"en"_s);
    }
};

QTEST_MAIN(TestMnemonicNames)
#include "tst_mnemonicnames.moc"
