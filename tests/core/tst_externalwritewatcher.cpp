// Commits of another connection (another process, in the app) are noticed; our own are not.

#include "core/store/database.h"
#include "core/store/externalwritewatcher.h"
#include "tests/support/resultmessage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExternalWriteWatcher : public QObject
{
    Q_OBJECT

private slots:
    void noticesOtherConnectionsOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"workspace.db"_s);
        QString error;
        auto ours = Database::open(path, &error);
        QVERIFY2(ours, qPrintable(error));
        auto theirs = Database::open(path, &error); // a second window's own store
        QVERIFY2(theirs, qPrintable(error));

        ExternalWriteWatcher watcher(*ours, 20);
        QSignalSpy changed(&watcher, &ExternalWriteWatcher::changed);
        QVERIFY(watcher.start());
        const auto write = [](Database &db, const QString &value) {
            return db.write([&]() -> Result<int> {
                db.setSetting(u"probe"_s, value);
                return 1;
            });
        };
        const Result<int> own = write(*ours, u"1"_s);
        QVERIFY2(own.ok(), resultMessage(own));
        QVERIFY(!changed.wait(300)); // fifteen checks: our own commit is not news

        const Result<int> other = write(*theirs, u"2"_s);
        QVERIFY2(other.ok(), resultMessage(other));
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!changed.wait(200)); // once per commit, not at every check
        QCOMPARE(ours->setting(u"probe"_s), u"2"_s);

        watcher.stop();
        QVERIFY(write(*theirs, u"3"_s).ok());
        QVERIFY(!changed.wait(200));
    }
};

QTEST_GUILESS_MAIN(TestExternalWriteWatcher)
#include "tst_externalwritewatcher.moc"
