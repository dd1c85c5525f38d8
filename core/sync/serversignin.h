#pragma once

#include "core/base/passwordhasher.h"
#include "core/domain/user.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <atomic>
#include <memory>

class Database;
class QLockFile;

// Signs in to a voucherdesk-server and opens the user's replica (one SQLite file per server and
// user, in the data folder). Blocking: run it on a worker thread. When the server cannot be
// reached, a replica that this login used before opens offline if the password matches the
// one of its last online sign-in; its commands wait in the outbox until the server is back.
class ServerSignIn
{
public:
    struct Request
    {
        QUrl server;
        QString login;
        QString password;
        QSslCertificate trustedCertificate; // a self-signed one the user chose to trust
        QString dataFolder;
        PasswordHasher::Cost offlineCost = PasswordHasher::Cost::Interactive;
        // Set from another thread to give up waiting for the server.
        std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
    };

    struct Outcome
    {
        enum class Status {
            SignedIn,
            SignedInOffline,      // the server is unreachable; the replica opened as it was
            Refused,              // wrong login or password, throttled, inactive
            Unreachable,          // no answer, and no replica to work on
            UntrustedCertificate, // the user may choose to trust `certificate`
            Failed,               // the replica cannot be opened
            Cancelled,            // the user stopped waiting for the server
        };
        Status status = Status::Failed;
        QString message;
        QList<QSslError> sslErrors;
        QSslCertificate certificate;
        std::shared_ptr<Database> replica;
        std::shared_ptr<QLockFile> lock; // held while the replica is open in this window
        User user;
        QString token;
        QString replicaPath;

        bool signedIn() const
        {
            return status == Status::SignedIn || status == Status::SignedInOffline;
        }
    };

    static Outcome run(const Request &request);

    // <dataFolder>/servers/<host_port>/<login>.db
    static QString replicaPath(const QString &dataFolder, const QUrl &server, const QString &login);

private:
    static Outcome signIn(const Request &request);
};
