#pragma once

#include <QJsonObject>
#include <QUrl>

// Sync from a running voucherdesk-server into a fresh replica, as the desktop client does it
// (ServerSignIn, then SyncController): the first full pull, and an empty incremental pull
// right after it.
class SyncBenchmark
{
public:
    SyncBenchmark(QUrl server, QString login, QString password, int runs);

    // {first_pull: {...stats, changes, vouchers}, empty_pull: {...stats}}; an "error" member
    // when the server cannot be used.
    QJsonObject run() const;

private:
    QUrl m_server;
    QString m_login;
    QString m_password;
    int m_runs;
};
