#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class Database;
class QTextStream;

// The command line of voucherdesk-server (DESIGN.md section 4):
//   serve --db DB --listen HOST:PORT [--tls-cert F --tls-key F]
//   partner add --db DB --name N --quota-minor Q --currency C
//   user add --db DB --login L --role R [--partner NAME-OR-ID] [--name DISPLAY] --password-stdin
// Each subcommand prints the id of what it created (serve: "listening on URL") and exits
// non-zero with a clear message on any error.
class ServerCli
{
    Q_DECLARE_TR_FUNCTIONS(ServerCli)

public:
    ServerCli(QCoreApplication &app, QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    // The store as every subcommand opens it: SQLite commits flushed to disk (FULL), since an
    // answered write must outlive a power loss as well as a killed process.
    static std::unique_ptr<Database> openDatabase(const QString &location, QString *errorMessage);

private:
    int serve(const QStringList &arguments);
    int addPartner(const QStringList &arguments);
    int addUser(const QStringList &arguments);
    int usage();

    QCoreApplication &m_app;
    QTextStream &m_out;
    QTextStream &m_err;
};
