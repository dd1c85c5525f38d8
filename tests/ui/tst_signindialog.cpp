#include "core/store/database.h"
#include "tests/support/testworkspace.h"
#include "tests/support/widgetfinder.h"
#include "ui/signin/signindialog.h"
#include "ui/widgets/fieldmessage.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QLineEdit *field(SignInDialog &dialog, const QString &accessibleName)
{
    return findByAccessibleName<QLineEdit>(&dialog, accessibleName);
}

QPushButton *button(SignInDialog &dialog, const QString &accessibleName)
{
    return findByAccessibleName<QPushButton>(&dialog, accessibleName);
}

QStringList visibleMessages(SignInDialog &dialog)
{
    QStringList messages;
    for (auto *message : dialog.findChildren<FieldMessage *>()) {
        if (message->hasMessage())
            messages.append(message->text());
    }
    return messages;
}
} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void emptyFieldsAreNamed()
    {
        QTemporaryDir dir;
        SignInDialog dialog(dir.filePath(u"demo.db"_s));
        dialog.show();
        QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
        QTest::mouseClick(button(dialog, u"Sign in"_s), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        const QStringList messages = visibleMessages(dialog);
        QVERIFY2(messages.contains(u"Choose a workspace file."_s), qPrintable(messages.join(u'|')));
        QVERIFY(messages.contains(u"Enter your login."_s));
        QVERIFY(messages.contains(u"Enter your password."_s));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        // Typing retires the message about the empty field.
        QTest::keyClicks(field(dialog, u"Password"_s), u"x"_s);
        QTest::keyClicks(field(dialog, u"Login"_s), u"m"_s);
        const QStringList after = visibleMessages(dialog);
        QVERIFY2(!after.contains(u"Enter your password."_s) &&
                     !after.contains(u"Enter your login."_s),
                 qPrintable(after.join(u'|')));
    }

    // The hint names every demo account, the vendor's too.
    void demoHintNamesEveryAccount()
    {
        QTemporaryDir dir;
        SignInDialog dialog(dir.filePath(u"demo.db"_s));
        QString hint;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->text().startsWith(u"The demo workspace"_s))
                hint = label->text();
        }
        for (const QString &login : {u"manager.a"_s, u"manager.b"_s, u"rev1"_s, u"admin"_s})
            QVERIFY2(hint.contains(login), qPrintable(hint));
    }

    void missingWorkspaceIsRefusedWithoutCreatingIt()
    {
        QTemporaryDir dir;
        SignInDialog dialog(dir.filePath(u"demo.db"_s));
        const QString missing = dir.filePath(u"nothing-here.db"_s);
        QTest::keyClicks(field(dialog, u"Workspace file"_s), missing);
        QTest::keyClicks(field(dialog, u"Login"_s), u"manager.a"_s);
        QTest::keyClicks(field(dialog, u"Password"_s), u"whatever"_s);
        dialog.signIn();
        QVERIFY(visibleMessages(dialog).first().startsWith(u"There is no workspace"_s));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void wrongPasswordThenRightOne()
    {
        TestWorkspace ws;
        QTemporaryDir dir;
        SignInDialog dialog(dir.filePath(u"demo.db"_s));
        dialog.show();
        QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
        dialog.setWorkspacePath(ws.path());
        QTest::keyClicks(field(dialog, u"Login"_s), u"manager.a"_s);
        QLineEdit *password = field(dialog, u"Password"_s);
        QTest::keyClicks(password, u"not-the-password"_s);
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(finished.wait());
        QCOMPARE(finished.last().first().toBool(), false);
        bool shown = false;
        for (auto *label : dialog.findChildren<QLabel *>())
            shown |=
                label->isVisible() && label->text() == u"The login or the password is wrong."_s;
        QVERIFY(shown);
        QVERIFY(dialog.isVisible());

        typeInto(password, u"password-manager.a"_s);
        QTest::mouseClick(button(dialog, u"Sign in"_s), Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(finished.last().first().toBool(), true);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.user().login, u"manager.a"_s);
        QCOMPARE(dialog.user().partnerId, ws.partnerA.id);
        const auto db = dialog.takeDatabase();
        QVERIFY(db);
        QCOMPARE(db->location(), ws.path());
    }

    void demoWorkspaceIsCreatedOffTheUiThread()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(u"demo.db"_s);
        SignInDialog dialog(demo);
        QSignalSpy done(&dialog, &SignInDialog::demoWorkspaceFinished);
        QTest::mouseClick(button(dialog, u"Create demo workspace"_s), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(QFileInfo::exists(demo));
        QCOMPARE(dialog.workspacePath(), demo);
        QCOMPARE(field(dialog, u"Login"_s)->text(), u"manager.a"_s);
        bool hinted = false; // a new user learns the demo password where they need it
        for (auto *label : dialog.findChildren<QLabel *>())
            hinted |= label->isVisibleTo(&dialog) && label->text().contains(u"\"voucherdesk\""_s);
        QVERIFY(hinted);

        QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
        QTest::keyClicks(field(dialog, u"Password"_s), u"voucherdesk"_s);
        dialog.signIn();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().first().toBool(), true);
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
