#include "core/sync/syncengine.h"

#include "core/commands/session.h"
#include "core/store/database.h"
#include "core/store/voucherlistindexes.h"
#include "core/sync/replicaapplier.h"
#include "core/sync/syncproblemrepository.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <utility>

Q_LOGGING_CATEGORY(lcSync, "voucherdesk.sync")
// Where a pull's time goes, transaction by transaction (off by default; turn it on with
// QT_LOGGING_RULES="voucherdesk.sync.timing=true").
Q_LOGGING_CATEGORY(lcSyncTiming, "voucherdesk.sync.timing", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageLimit = 1000;
// A pull writes its pages in transactions of about kBatchMs of writing each (at most
// kMaxBatchChanges changes), waiting up to kBatchMs for the pages they need: the replica's
// indexes are written once for all of them, which is most of the cost of a page (each commit
// writes out every index page it touched, and random keys - voucher codes, customer names -
// touch most of them). Longer would hold back the commands a user makes meanwhile, which wait.
constexpr qint64 kBatchMs = 1000;
constexpr int kMaxBatchChanges = 12000;
constexpr int kFirstRetryMs = 1000;
constexpr int kShowPulledRowsMs = 1500;

// What a change of the entity means to the pages showing it.
int changesOf(const QString &entity)
{
    using C = Session::Change;
    if (entity == u"template"_s || entity == u"product"_s || entity == u"blocklistRevision"_s)
        return int(C::Templates);
    if (entity == u"customer"_s)
        return int(C::Customers) | int(C::Applications);
    if (entity == u"application"_s)
        return int(C::Applications);
    if (entity == u"voucher"_s)
        return int(C::Applications) | int(C::Vouchers);
    if (entity == u"deduction"_s)
        return int(C::Vouchers);
    if (entity == u"partner"_s)
        return int(C::Partner);
    return 0;
}

// Where the server answers one row of each kind the replica changes optimistically.
QString rowPath(const RowRef &row)
{
    if (row.entity == u"template"_s)
        return u"/api/v1/templates/"_s + row.id;
    if (row.entity == u"application"_s)
        return u"/api/v1/applications/"_s + row.id;
    if (row.entity == u"voucher"_s)
        return u"/api/v1/vouchers/"_s + row.id;
    if (row.entity == u"customer"_s)
        return u"/api/v1/customers/"_s + row.id;
    return {};
}

} // namespace

SyncEngine::SyncEngine(Database &db, Settings settings)
    : m_db(db)
    , m_settings(std::move(settings))
{}

SyncEngine::~SyncEngine() = default;

void SyncEngine::stop()
{
    m_stopping = true;
    if (ServerConnection *connection = m_abortable.load())
        connection->abort();
}

void SyncEngine::start()
{
    m_connection = std::make_unique<ServerConnection>(m_settings.server);
    m_connection->setToken(m_settings.token);
    m_connection->setTrustedCertificate(m_settings.trustedCertificate);
    m_connection->setAbortFlag(m_aborted);
    m_abortable = m_connection.get();
    if (m_stopping)
        m_connection->abort();
    // The feed orders rows by their last change, so a row may come before the row it refers to
    // (a page never waits for another): this connection does not enforce foreign keys. A pull's
    // transaction touches tens of megabytes of index pages: they stay in this connection's cache
    // until its commit (SQLite's default of 2 MB writes them out meanwhile), and the write-ahead
    // log is copied back every few transactions rather than after each (then trimmed).
    try {
        m_db.execute(u"PRAGMA foreign_keys = OFF"_s);
        m_db.execute(u"PRAGMA cache_size = -65536"_s);
        m_db.execute(u"PRAGMA wal_autocheckpoint = 16384"_s);
        m_db.execute(u"PRAGMA journal_size_limit = 67108864"_s);
    } catch (const StoreError &error) {
        qCWarning(lcSync) << "the replica's connection failed:" << error.what();
    }
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::round);
    round();
}

void SyncEngine::syncNow()
{
    if (m_timer)
        round();
}

void SyncEngine::round()
{
    // A request waits on a nested event loop, where another syncNow() may arrive.
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    int changes = 0;
    bool reached = true;
    do {
        m_again = false;
        reached = push(&changes) && pull(&changes);
    } while (reached && m_again && !m_stopping);
    restoreListIndexes();
    m_running = false;
    if (changes != 0)
        emit replicaChanged(changes);
    m_retryMs =
        reached ? 0 : std::min(std::max(m_retryMs * 2, kFirstRetryMs), m_settings.maxRetryMs);
    m_retryMs = std::max(m_retryMs, std::exchange(m_serverPauseMs, 0));
    publish();
    scheduleNext();
}

// A first pull fills voucher_list without its indexes (see pull()). Whatever ended the pull (its
// end, an error, the server gone), they are built again here before the round reports its rows
// (the status still says it is pulling meanwhile). A round that is stopping leaves them to the
// next one, which first carries a stopped pull on without them: so they are back at the latest
// when the replica is next synced, online or not.
void SyncEngine::restoreListIndexes()
{
    if (m_stopping)
        return;
    const Result<bool> complete =
        m_db.read([&]() -> Result<bool> { return VoucherListIndexes::isComplete(m_db); });
    if (complete && complete.value())
        return;
    QElapsedTimer timer;
    timer.start();
    const Result<void> built = VoucherListIndexes::ensure(m_db, &m_stopping);
    if (!built) {
        m_status.lastError = built.error().message();
        qCWarning(lcSync) << "building the voucher list's indexes failed:" << m_status.lastError;
        return;
    }
    qCDebug(lcSyncTiming, "built the voucher list's indexes in %lld ms", timer.elapsed());
}

void SyncEngine::scheduleNext()
{
    if (m_stopping || m_status.connection == SyncStatus::Connection::SignedOut)
        return;
    m_timer->start(m_retryMs > 0 ? m_retryMs : m_settings.intervalMs);
}

void SyncEngine::publish()
{
    try {
        m_status.pending = Outbox(m_db).count();
        m_status.problems = SyncProblemRepository(m_db).openCount();
    } catch (const StoreError &error) {
        qCWarning(lcSync) << "reading the outbox failed:" << error.what();
    }
    emit statusChanged(m_status);
}

bool SyncEngine::usable(const ServerConnection::Reply &reply)
{
    if (m_stopping)
        return false;
    if (reply.status == 429) // the server asks for a pause: no sooner than it says
        m_serverPauseMs = std::max(reply.retryAfterSeconds, 1) * 1000;
    if (!reply.answered() || reply.status >= 500 || reply.status == 429) {
        m_status.connection = SyncStatus::Connection::Offline;
        m_status.lastError = reply.answered() ? reply.errorMessage() : reply.networkError;
        if (reply.untrustedCertificate())
            m_status.lastError = tr("The server's certificate is no longer the trusted one.");
        return false;
    }
    if (reply.status == 401) {
        m_status.connection = SyncStatus::Connection::SignedOut;
        m_status.lastError = reply.errorMessage();
        return false;
    }
    m_status.connection = SyncStatus::Connection::Online;
    m_status.lastError.clear();
    return true;
}

bool SyncEngine::push(int *changes)
{
    while (!m_stopping) {
        const auto entry =
            m_db.read([&]() -> Result<std::optional<OutboxEntry>> { return Outbox(m_db).first(); });
        if (!entry.ok() || !entry.value())
            return entry.ok();
        const OutboxEntry &command = *entry.value();
        const ServerConnection::Reply reply =
            m_connection->send(command.method, command.path, command.body, command.ifMatch);
        if (!usable(reply)) {
            publish();
            return false;
        }
        if (reply.ok() || alreadyDone(command, reply)) {
            if (!complete(command, changes))
                return false;
        } else if (!refuse(command, reply, changes)) {
            return false;
        }
        publish();
    }
    return false;
}

// The server's state of every row the command changed, read again now that it is done: a pull
// skipped them while the command waited, and the server may have made no newer revision of
// some (the template a submission locked, a change that was already done).
bool SyncEngine::complete(const OutboxEntry &entry, int *changes)
{
    const auto current = serverStates({entry}, false, changes);
    // Unanswered: sent again later, its answer is the same, being done already.
    return current && settle({entry}, *current, {});
}

// The server's state of every row the commands changed, each read once; nullopt when the
// server stopped answering.
std::optional<QList<ChangeFeedEntry>> SyncEngine::serverStates(const QList<OutboxEntry> &commands,
                                                               bool refused, int *changes)
{
    QList<ChangeFeedEntry> states;
    QSet<QString> read;
    for (const OutboxEntry &command : commands) {
        for (const RowRef &row : command.rows) {
            if (read.contains(row.id))
                continue;
            read.insert(row.id);
            bool answered = false;
            if (auto state = serverState(row, refused, &answered))
                states.append(*state);
            if (!answered)
                return std::nullopt;
            *changes |= changesOf(row.entity);
        }
    }
    return states;
}

// The commands leave the outbox, their rows take the server's state and their problems are
// recorded, in one transaction. When the rows cannot be written the commands leave all the
// same: one of them must never block every later one, and the next pull brings what it can.
bool SyncEngine::settle(const QList<OutboxEntry> &commands, const QList<ChangeFeedEntry> &rows,
                        const QList<SyncProblem> &problems)
{
    auto record = [&](bool withRows) {
        return m_db.write([&]() -> Result<void> {
            if (withRows) {
                if (auto applied = ReplicaApplier(m_db).restore(rows); !applied)
                    return applied;
            }
            for (const SyncProblem &problem : problems)
                SyncProblemRepository(m_db).add(problem);
            for (const OutboxEntry &command : commands)
                Outbox(m_db).remove(command.seq);
            return {};
        });
    };
    Result<void> written = record(true);
    if (!written) {
        qCWarning(lcSync) << "writing the server's rows failed:" << written.error().message();
        m_status.lastError = written.error().message();
        written = record(false);
    }
    if (!written)
        m_status.lastError = written.error().message();
    return written.ok();
}

// A command whose first send got no answer may have been applied anyway: its resend then
// meets the state it made. Same outcome, so it is done, not refused.
bool SyncEngine::alreadyDone(const OutboxEntry &entry, const ServerConnection::Reply &reply)
{
    if (entry.method == "DELETE" && reply.status == 404)
        return true;
    if (reply.status != 409 || entry.rows.isEmpty())
        return false;
    const RowRef &row = entry.rows.constFirst();
    const ServerConnection::Reply current = m_connection->get(rowPath(row));
    if (!current.ok())
        return false;
    const QJsonObject now = current.json;
    const QString myId = m_settings.actor.userId.toString(QUuid::WithoutBraces);
    if (entry.command == u"cancelApplication"_s)
        return now.value(u"status"_s).toString() == u"cancelled"_s;
    if (entry.command == u"approve"_s || entry.command == u"reject"_s) {
        const QString wanted = entry.command == u"approve"_s ? u"approved"_s : u"rejected"_s;
        return now.value(u"status"_s).toString() == wanted &&
               now.value(u"reviewerId"_s).toString() == myId;
    }
    if (entry.command == u"invalidateVoucher"_s)
        return now.value(u"status"_s).toString() == u"invalidated"_s;
    // The same fields: this edit was applied by the send whose answer was lost.
    if (entry.command == u"updateTemplate"_s) {
        const QJsonObject sent = QJsonDocument::fromJson(entry.body).object();
        for (auto it = sent.constBegin(); it != sent.constEnd(); ++it) {
            if (now.value(it.key()) != it.value())
                return false;
        }
        return true;
    }
    return false;
}

// The server's state of a row the command changed; a deletion when the server has none.
std::optional<ChangeFeedEntry> SyncEngine::serverState(const RowRef &row, bool refused,
                                                       bool *answered)
{
    *answered = true;
    const QString path = rowPath(row);
    if (path.isEmpty()) {
        // A refused payment was never recorded; an accepted one is the replica's, with the
        // client's id. A partner was not changed by the replica.
        if (refused && row.entity == u"deduction"_s)
            return ChangeFeedEntry{row.entity, row.id, 0, true, {}};
        return std::nullopt;
    }
    const ServerConnection::Reply reply = m_connection->get(path);
    if (reply.status == 404)
        return ChangeFeedEntry{row.entity, row.id, 0, true, {}};
    if (!usable(reply) || !reply.ok()) {
        *answered = false;
        return std::nullopt;
    }
    return ChangeFeedEntry{row.entity, row.id, 0, false, reply.json};
}

bool SyncEngine::refuse(const OutboxEntry &entry, const ServerConnection::Reply &reply,
                        int *changes)
{
    // The later commands on the same rows were made on top of the refused one (an edit of a
    // template whose creation or earlier edit was refused): sent now, they could overwrite
    // what someone else did meanwhile. They go with it.
    const Result<QList<OutboxEntry>> waiting =
        m_db.read([&]() -> Result<QList<OutboxEntry>> { return Outbox(m_db).all(); });
    if (!waiting)
        return false;
    QList<OutboxEntry> refused{entry};
    QSet<QString> ids;
    for (const RowRef &row : entry.rows)
        ids.insert(row.id);
    for (const OutboxEntry &later : waiting.value()) {
        if (later.seq <= entry.seq)
            continue;
        const bool dependent = std::any_of(later.rows.cbegin(), later.rows.cend(),
                                           [&](const RowRef &row) { return ids.contains(row.id); });
        if (dependent) {
            refused.append(later);
            for (const RowRef &row : later.rows)
                ids.insert(row.id);
        }
    }

    const auto restored = serverStates(refused, true, changes);
    if (!restored)
        return false; // sent again later: the server refuses it again

    QList<SyncProblem> problems;
    for (const OutboxEntry &command : std::as_const(refused)) {
        SyncProblem problem;
        problem.at = QDateTime::currentDateTimeUtc();
        problem.command = command.command;
        problem.label = command.label;
        if (!command.rows.isEmpty()) {
            problem.entity = command.rows.constFirst().entity;
            problem.entityId = command.rows.constFirst().id;
        }
        if (command.seq == entry.seq) {
            problem.code = reply.errorCode();
            problem.message = reply.errorMessage();
            problem.requestId = reply.requestId();
        } else {
            problem.code = u"FailedOperation.EarlierChangeRefused"_s;
            problem.message = tr("Not sent: it builds on an earlier change that the server "
                                 "refused (%1).")
                                  .arg(entry.label);
        }
        qCInfo(lcSync) << "server refused" << command.command << command.label << problem.code;
        problems.append(problem);
    }
    return settle(refused, *restored, problems);
}

// The first page comes through the engine's own connection, so that a pull with little to bring
// costs one request; when there is more, a ChangeFetcher reads (and decodes) the next pages
// ahead while the replica writes. A transaction takes as many of them as its pace writes in
// about kBatchMs, whole pages with the cursor of the last one, so the replica is always at a
// page boundary.
//
// A first pull of more than a page (an empty replica, cursor 0) suspends voucher_list's indexes
// and its free-text index in its first transaction: the table is filled without them, at about
// half the cost a row, and they are built in one go when the round ends (restoreListIndexes()).
// Meanwhile the list is slower and its free-text search finds none of the rows pulled so far. A
// pull stopped midway leaves them suspended, and the next one carries on without them; the
// schema itself tells what is missing, so a crash at any point leaves nothing to remember.
bool SyncEngine::pull(int *changes)
{
    ReplicaApplier applier(m_db);
    const Result<qint64> start = m_db.read([&]() -> Result<qint64> { return applier.cursor(); });
    if (!start)
        return false;
    m_status.pulling = true;
    m_status.received = 0;
    QElapsedTimer shown;
    shown.start();
    std::unique_ptr<ChangeFetcher> ahead;
    std::optional<ChangeFetcher::Item> held; // a reply that ended a batch, handled next
    bool complete = false;
    bool firstPull = start.value() == 0;
    int batchLimit = kPageLimit;
    QElapsedTimer step;
    while (!m_stopping) {
        step.start();
        ChangeFetcher::Item item;
        if (held) {
            item = std::move(*held);
            held.reset();
        } else if (ahead) {
            item = ahead->next();
        } else {
            item = ChangeFetcher::read(m_connection->get(
                u"/api/v1/changes?since=%1&limit=%2"_s.arg(start.value()).arg(kPageLimit)));
        }
        if (!isPage(item))
            break;
        ChangeFetcher::Page batch = std::move(*item.page);
        if (batch.hasMore && !ahead)
            ahead = std::make_unique<ChangeFetcher>(fetchConnection(), batch.nextSince, kPageLimit,
                                                    kMaxBatchChanges / kPageLimit);
        int pages = 1;
        // Waiting costs nothing while the server is the slower side, and each commit saved
        // saves writing the same index pages again; rows from a slow server still show soon.
        const QDeadlineTimer filled(kBatchMs);
        while (batch.hasMore && batch.changes.size() < batchLimit) {
            std::optional<ChangeFetcher::Item> more = ahead->tryNext(filled);
            if (!more)
                break;
            // An error, or a page that fails, comes on its own: the pages before it are kept.
            if (!more->page || !more->page->readable) {
                held = std::move(more);
                break;
            }
            batch.changes.append(std::move(more->page->changes));
            batch.nextSince = more->page->nextSince;
            batch.hasMore = more->page->hasMore;
            ++pages;
        }
        const qint64 waitNs = step.nsecsElapsed();
        step.restart();
        const bool suspendIndexes = std::exchange(firstPull, false) && batch.hasMore;
        qint64 bodyNs = 0;
        const Result<void> applied = m_db.write([&]() -> Result<void> {
            QElapsedTimer body;
            body.start();
            const auto timeBody = qScopeGuard([&] { bodyNs = body.nsecsElapsed(); });
            if (suspendIndexes)
                VoucherListIndexes::suspend(m_db);
            // A row a waiting command changed keeps the replica's state: the server's answer
            // to the command, or its state after a refusal, comes later anyway.
            const QSet<QString> pending = Outbox(m_db).pendingIds();
            if (pending.isEmpty())
                return applier.applyDecoded(batch.changes, batch.nextSince);
            QList<ReplicaApplier::DecodedChange> wanted;
            for (const ReplicaApplier::DecodedChange &change : std::as_const(batch.changes)) {
                if (!pending.contains(change.id))
                    wanted.append(change);
            }
            return applier.applyDecoded(wanted, batch.nextSince);
        });
        if (!applied) {
            m_status.lastError = applied.error().message();
            qCWarning(lcSync) << "applying changes failed:" << m_status.lastError;
            break;
        }
        const qint64 appliedMs = step.elapsed();
        qCDebug(
            lcSyncTiming,
            "%d page(s), %lld changes: waited for them %.1f ms, applied in %lld ms (%.1f ms of it "
            "outside the writes: begin, commit)",
            pages, qint64(batch.changes.size()), waitNs / 1e6, appliedMs, appliedMs - bodyNs / 1e6);
        // The next batch: as many changes as this one's pace writes in kBatchMs.
        batchLimit =
            int(std::clamp<qint64>(batch.changes.size() * kBatchMs / std::max<qint64>(appliedMs, 1),
                                   kPageLimit, kMaxBatchChanges));
        for (const ReplicaApplier::DecodedChange &change : std::as_const(batch.changes))
            *changes |= changesOf(change.entity);
        m_status.received += batch.changes.size();
        if (!batch.hasMore) {
            complete = true;
            break;
        }
        // A long pull shows its rows as they come, a few times a second at most.
        if (*changes != 0 && shown.hasExpired(kShowPulledRowsMs)) {
            emit replicaChanged(std::exchange(*changes, 0));
            shown.restart();
        }
        publish();
    }
    m_status.pulling = false;
    if (complete)
        m_status.lastSyncAt = QDateTime::currentDateTimeUtc();
    return complete;
}

// False when the reply ends the pull: not answered, or not a page this version can read.
bool SyncEngine::isPage(const ChangeFetcher::Item &item)
{
    if (!usable(item.reply))
        return false;
    if (item.page)
        return true;
    m_status.lastError = item.reply.ok() ? tr("The server sent changes this version cannot read.")
                                         : item.reply.errorMessage();
    qCWarning(lcSync) << "pull refused:" << item.reply.status << m_status.lastError;
    return false;
}

ChangeFetcher::Connection SyncEngine::fetchConnection() const
{
    return {m_settings.server, m_settings.token, m_settings.trustedCertificate, m_aborted};
}
