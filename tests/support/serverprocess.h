#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

// The real voucherdesk-server binary (VD_SERVER_BIN, set by CTest) serving one database on a
// free loopback port, for the server suites: started, waited for until it says where it
// listens, and stopped (or killed) on demand.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    static QString binary();

    // Starts `serve --db location --listen 127.0.0.1:0` plus extra arguments; false (with
    // errorMessage()) if it did not report a listening address within the timeout.
    bool start(const QString &location, const QStringList &extraArguments = {},
               int timeoutMs = 20000);
    // The loopback port of the next start(); 0 (the default) picks a free one. A client that
    // must find the server again after a restart needs a fixed one (freeLoopbackPort()).
    void setPort(quint16 port) { m_port = port; }
    static quint16 freeLoopbackPort();
    void stop();
    void kill(); // SIGKILL: no chance to clean up

    QUrl url() const { return m_url; }
    QString errorMessage() const { return m_error; }
    QByteArray standardError();

    // Runs a voucherdesk-server subcommand to completion; returns its exit code.
    static int runCommand(const QStringList &arguments, const QByteArray &input = {},
                          QByteArray *output = nullptr, QByteArray *error = nullptr);

private:
    QProcess m_process;
    QUrl m_url;
    QString m_error;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
