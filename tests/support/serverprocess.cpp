#include "tests/support/serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::binary()
{
    return qEnvironmentVariable("VD_SERVER_BIN");
}

bool ServerProcess::start(const QString &location, const QStringList &extraArguments, int timeoutMs)
{
    if (binary().isEmpty()) {
        m_error = u"VD_SERVER_BIN is not set (run the suite through ctest)"_s;
        return false;
    }
    m_process.setProgram(binary());
    m_process.setArguments(QStringList{u"serve"_s, u"--db"_s, location, u"--listen"_s,
                                       u"127.0.0.1:"_s + QString::number(m_port)} +
                           extraArguments);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(u"listening on (\\S+)"_s);
    QByteArray output;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    m_error = u"the server did not start: "_s + QString::fromUtf8(output) +
              QString::fromUtf8(m_process.readAllStandardError());
    return false;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

QByteArray ServerProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

int ServerProcess::runCommand(const QStringList &arguments, const QByteArray &input,
                              QByteArray *output, QByteArray *error)
{
    QProcess process;
    process.start(binary(), arguments);
    if (!process.waitForStarted(10000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput();
    if (error)
        *error = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

quint16 ServerProcess::freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
