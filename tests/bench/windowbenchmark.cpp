#include "tests/bench/windowbenchmark.h"

#include "core/commands/session.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"
#include "tests/bench/benchstats.h"
#include "ui/firstpaintwatcher.h"
#include "ui/mainwindow.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

using namespace Qt::StringLiterals;

WindowBenchmark::WindowBenchmark(QString workspace, QString login, int runs)
    : m_workspace(std::move(workspace))
    , m_login(std::move(login))
    , m_runs(runs)
{}

// Includes: opening the store (connection, schema check and migrations, catalogue), reading
// the user, building the Session and the whole MainWindow (every page, the voucher list's
// first page read on the UI thread and its count started on a worker), showing it on the
// offscreen platform, and the event loop up to the first QEvent::Paint of the voucher table's
// viewport. Not included: the QApplication itself, the sign-in dialog and password hashing,
// and process start-up (loading the executable and Qt's libraries).
double WindowBenchmark::runOnce(QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<Database> db = Database::open(m_workspace, error);
    if (!db)
        return -1;
    const std::optional<User> user = UserRepository(*db).findByLogin(m_login);
    if (!user) {
        *error = u"no user %1"_s.arg(m_login);
        return -1;
    }
    Session session(*db, *user);
    double ms = -1;
    {
        MainWindow window(session, u"Local workspace %1"_s.arg(m_workspace));
        window.resize(1280, 800);
        window.showPage(Page::Id::VoucherList);
        auto *table = window.findChild<QAbstractItemView *>(u"voucherTable"_s);
        if (!table) {
            *error = u"no voucherTable in the main window"_s;
            return -1;
        }
        const auto *watcher = new FirstPaintWatcher(table->viewport());
        window.show();
        QElapsedTimer limit;
        limit.start();
        while (!watcher->isPainted() && limit.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (watcher->isPainted())
            ms = double(timer.nsecsElapsed()) / 1e6;
        else
            *error = u"the voucher table was not painted within 30 s"_s;
        window.hide();
    }
    // Let the count worker of the list finish before the store goes away.
    QCoreApplication::processEvents();
    return ms;
}

QJsonObject WindowBenchmark::run()
{
    BenchStats stats;
    QString error;
    for (int i = 0; i < m_runs; ++i) {
        const double ms = runOnce(&error);
        if (ms < 0)
            return {{u"error"_s, error}};
        stats.add(ms);
    }
    QJsonObject figure = stats.toJson();
    figure[u"includes"_s] =
        u"Database::open + Session + MainWindow built, shown offscreen, up to the first paint "
        u"of the voucher table; not the process start, QApplication or sign-in"_s;
    return figure;
}
