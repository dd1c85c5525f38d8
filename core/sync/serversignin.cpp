#include "core/sync/serversignin.h"

#include "core/api/apijson.h"
#include "core/api/apijsonreader.h"
#include "core/base/coretr.h"
#include "core/store/database.h"
#include "core/sync/replicaapplier.h"
#include "core/sync/serverconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace {

const QString kServer = u"sync.server"_s;
const QString kUser = u"sync.user"_s;
const QString kToken = u"sync.token"_s;
const QString kOfflineHash = u"sync.offlineHash"_s;
constexpr qint64 kReplicaRevBase = -(qint64(1) << 62);

using Outcome = ServerSignIn::Outcome;
using Status = Outcome::Status;

Outcome failed(Status status, const QString &message)
{
    Outcome outcome;
    outcome.status = status;
    outcome.message = message;
    return outcome;
}

// The replica holds the sign-in token and the offline password hash: only its owner may read
// it (SQLite gives the -wal and -shm files the database file's permissions).
std::shared_ptr<Database> openReplica(const QString &path, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    std::shared_ptr<Database> db(Database::open(path, error));
    if (db)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return db;
}

// One window per replica: two would send the same outbox at once.
std::shared_ptr<QLockFile> lockReplica(const QString &path)
{
    auto lock = std::make_shared<QLockFile>(path + u".lock"_s);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

QString alreadyOpen()
{
    return CoreTr::tr("This account of this server is already open in another VoucherDesk "
                      "window on this computer.");
}

bool isLoopback(const QUrl &server)
{
    const QHostAddress address(server.host());
    return server.host() == u"localhost"_s || (!address.isNull() && address.isLoopback());
}

void removeReplica(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
}

std::optional<User> storedUser(const Database &db)
{
    return ApiJsonReader::user(QJsonDocument::fromJson(db.setting(kUser).toUtf8()).object());
}

void forgetOfflineSignIn(const QString &path)
{
    QString error;
    const auto db = openReplica(path, &error);
    if (!db)
        return;
    db->write([&]() -> Result<void> {
        db->setSetting(kOfflineHash, QString());
        db->setSetting(kToken, QString());
        return {};
    });
}

Outcome offline(const ServerSignIn::Request &request, const QString &path, const QString &why)
{
    const QString unreachable = CoreTr::tr("The server %1 cannot be reached: %2")
                                    .arg(request.server.toDisplayString(), why);
    if (!QFileInfo::exists(path))
        return failed(Status::Unreachable, unreachable);
    QString error;
    Outcome outcome;
    outcome.replica = openReplica(path, &error);
    if (!outcome.replica)
        return failed(Status::Failed, error);
    const auto user = storedUser(*outcome.replica);
    const QString hash = outcome.replica->setting(kOfflineHash);
    if (!user || hash.isEmpty())
        return failed(Status::Unreachable, unreachable);
    if (!PasswordHasher(request.offlineCost).verify(hash, request.password)) {
        return failed(Status::Refused,
                      CoreTr::tr("The server cannot be reached, and this password is not the one "
                                 "last used for it on this computer."));
    }
    outcome.lock = lockReplica(path);
    if (!outcome.lock)
        return failed(Status::Refused, alreadyOpen());
    outcome.status = Status::SignedInOffline;
    outcome.user = *user;
    outcome.token = outcome.replica->setting(kToken);
    outcome.replicaPath = path;
    outcome.message = unreachable;
    return outcome;
}

} // namespace

QString ServerSignIn::replicaPath(const QString &dataFolder, const QUrl &server,
                                  const QString &login)
{
    // Distinct logins give distinct names: anything but [a-z0-9._-] is percent-encoded.
    const QString name = QString::fromLatin1(
        QUrl::toPercentEncoding(login.trimmed().toLower(), QByteArrayLiteral(".-_")));
    return QDir(dataFolder)
        .filePath(u"servers/"_s + ServerConnection::serverKey(server) + u'/' + name + u".db"_s);
}

ServerSignIn::Outcome ServerSignIn::run(const Request &request)
{
    try {
        return signIn(request);
    } catch (const StoreError &error) {
        return failed(Status::Failed, QString::fromUtf8(error.what()));
    }
}

ServerSignIn::Outcome ServerSignIn::signIn(const Request &request)
{
    const QString path = replicaPath(request.dataFolder, request.server, request.login);
    if (request.server.scheme() == u"http"_s && !isLoopback(request.server)) {
        return failed(Status::Unreachable,
                      CoreTr::tr("http:// would send your password and data unencrypted over the "
                                 "network: use the server's https:// address (plain http:// is "
                                 "for this computer only, e.g. http://127.0.0.1:8080)."));
    }
    ServerConnection connection(request.server);
    connection.setTrustedCertificate(request.trustedCertificate);
    connection.setAbortFlag(request.cancelled);
    const ServerConnection::Reply reply =
        connection.signIn(request.login.trimmed(), request.password);
    if (*request.cancelled)
        return failed(Status::Cancelled, CoreTr::tr("Sign-in cancelled."));
    if (reply.untrustedCertificate()) {
        Outcome outcome = failed(Status::UntrustedCertificate,
                                 CoreTr::tr("This computer does not trust the certificate of %1.")
                                     .arg(request.server.host()));
        outcome.sslErrors = reply.sslErrors;
        outcome.certificate = reply.peerCertificate;
        return outcome;
    }
    if (!reply.answered() || reply.status >= 500)
        return offline(request, path, reply.answered() ? reply.errorMessage() : reply.networkError);
    if (!reply.ok()) {
        // The server no longer takes this password (changed, account closed): neither does the
        // replica offline.
        if (reply.status == 401 && QFileInfo::exists(path))
            forgetOfflineSignIn(path);
        const QString message =
            reply.errorMessage().isEmpty()
                ? CoreTr::tr("The server refused the sign-in (HTTP %1).").arg(reply.status)
                : reply.errorMessage();
        return failed(Status::Refused, message);
    }
    const QJsonObject userJson = reply.json.value(u"user"_s).toObject();
    const auto user = ApiJsonReader::user(userJson);
    if (!user) {
        return failed(Status::Failed,
                      CoreTr::tr("The server's answer cannot be read by this version."));
    }

    QString error;
    Outcome outcome;
    QDir().mkpath(QFileInfo(path).absolutePath());
    outcome.lock = lockReplica(path);
    if (!outcome.lock)
        return failed(Status::Refused, alreadyOpen());
    outcome.replica = openReplica(path, &error);
    if (outcome.replica) {
        // A replica of another account that had this login (recreated on the server) is not
        // this user's: start afresh.
        const auto previous = storedUser(*outcome.replica);
        if (previous && previous->id != user->id) {
            outcome.replica.reset();
            removeReplica(path);
            outcome.replica = openReplica(path, &error);
        }
    }
    if (!outcome.replica)
        return failed(Status::Failed, error);

    Database &db = *outcome.replica;
    const QString offlineHash = PasswordHasher(request.offlineCost).hash(request.password);
    const QString userText =
        QString::fromUtf8(QJsonDocument(ApiJson::toJson(*user)).toJson(QJsonDocument::Compact));
    const ReplicaApplier applier(db);
    // The user's own row, which a partner manager's feed does not carry.
    Result<void> stored =
        applier.apply({{u"user"_s, user->id.toString(QUuid::WithoutBraces), 0, false, userJson}},
                      applier.cursor());
    if (stored) {
        stored = db.write([&]() -> Result<void> {
            if (db.setting(kServer).isEmpty()) {
                // The replica's own writes (commands applied before the server has them) take
                // revisions below every server revision, so the server's version of a row
                // always counts as newer than the replica's guess.
                db.prepare(u"UPDATE change_counter SET rev = :base WHERE id = 1"_s)
                    .bind(u":base"_s, kReplicaRevBase)
                    .exec();
                // The catalogue is the server's, which the first pull brings.
                db.prepare(u"DELETE FROM products"_s).exec();
                db.prepare(u"DELETE FROM blocklist_revisions"_s).exec();
            }
            db.setSetting(kServer, request.server.toString());
            db.setSetting(kUser, userText);
            db.setSetting(kToken, connection.token());
            db.setSetting(kOfflineHash, offlineHash);
            return {};
        });
    }
    if (!stored)
        return failed(Status::Failed, stored.error().message());
    outcome.status = Status::SignedIn;
    outcome.user = *user;
    outcome.token = connection.token();
    outcome.replicaPath = path;
    return outcome;
}
