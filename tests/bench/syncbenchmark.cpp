#include "tests/bench/syncbenchmark.h"

#include "core/commands/session.h"
#include "core/store/database.h"
#include "core/sync/serversignin.h"
#include "core/sync/synccontroller.h"
#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 600000;

// Runs the event loop until `done` holds after a status, or the time runs out.
bool waitFor(SyncController &sync, const std::function<bool(const SyncStatus &)> &done)
{
    if (done(sync.status()))
        return true;
    QEventLoop loop;
    QObject::connect(&sync, &SyncController::statusChanged, &loop, [&](const SyncStatus &s) {
        if (done(s))
            loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done(sync.status());
}

bool settled(const SyncStatus &s)
{
    return s.connection == SyncStatus::Connection::Online && !s.pulling && s.pending == 0 &&
           s.lastSyncAt.isValid();
}

qint64 rowCount(const Database &db, const QString &table)
{
    QSqlQuery query(db.connection());
    return query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next()
               ? query.value(0).toLongLong()
               : -1;
}

} // namespace

SyncBenchmark::SyncBenchmark(QUrl server, QString login, QString password, int runs)
    : m_server(std::move(server))
    , m_login(std::move(login))
    , m_password(std::move(password))
    , m_runs(runs)
{}

QJsonObject SyncBenchmark::run() const
{
    BenchStats first;
    BenchStats empty;
    qint64 changes = 0;
    qint64 vouchers = 0;
    for (int i = 0; i < m_runs; ++i) {
        QTemporaryDir folder;
        ServerSignIn::Request request;
        request.server = m_server;
        request.login = m_login;
        request.password = m_password;
        request.dataFolder = folder.path();
        request.offlineCost = PasswordHasher::Cost::Minimal;
        const ServerSignIn::Outcome signedIn = ServerSignIn::run(request);
        if (signedIn.status != ServerSignIn::Outcome::Status::SignedIn)
            return {{u"error"_s, signedIn.message}};
        Session session(*signedIn.replica, signedIn.user);
        session.setServer(m_server.toString());
        SyncEngine::Settings settings;
        settings.server = m_server;
        settings.token = signedIn.token;
        settings.actor = session.actor();
        settings.intervalMs = kTimeoutMs; // rounds only at start and on syncNow()

        QElapsedTimer timer;
        timer.start();
        SyncController sync(session, settings);
        if (!waitFor(sync, settled))
            return {{u"error"_s,
                     QString(u"the first pull did not finish: "_s + sync.status().lastError)}};
        first.add(timer.nsecsElapsed() / 1e6);
        changes = sync.status().received;
        vouchers = rowCount(*signedIn.replica, u"vouchers"_s);

        const QDateTime before = sync.status().lastSyncAt;
        timer.restart();
        sync.syncNow();
        if (!waitFor(sync,
                     [&](const SyncStatus &s) { return settled(s) && s.lastSyncAt > before; }))
            return {{u"error"_s, u"the empty pull did not finish"_s}};
        empty.add(timer.nsecsElapsed() / 1e6);
    }
    QJsonObject firstJson = first.toJson();
    firstJson[u"changes"_s] = changes;
    firstJson[u"vouchers"_s] = vouchers;
    return {{u"first_pull"_s, firstJson}, {u"empty_pull"_s, empty.toJson()}};
}
