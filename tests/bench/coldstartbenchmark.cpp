#include "tests/bench/coldstartbenchmark.h"

#include "tests/bench/benchstats.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 30000;
}

ColdStartBenchmark::ColdStartBenchmark(QString desktopBinary, QString workspace, int runs)
    : m_binary(std::move(desktopBinary))
    , m_workspace(std::move(workspace))
    , m_runs(runs)
{}

double ColdStartBenchmark::runOnce(const QString &home, QString *error) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(m_binary, {u"--startup-probe"_s, u"--workspace"_s, m_workspace});
    QByteArray out;
    while (!out.contains("painted")) {
        if (!process.waitForReadyRead(kTimeoutMs)) {
            *error = u"%1 --startup-probe printed no \"painted\" (%2)"_s.arg(
                m_binary, QString::fromLocal8Bit(process.readAllStandardError().left(500)));
            process.kill();
            process.waitForFinished();
            return -1;
        }
        out += process.readAllStandardOutput();
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    process.waitForFinished(kTimeoutMs);
    return ms;
}

QJsonObject ColdStartBenchmark::run() const
{
    QTemporaryDir home;
    BenchStats stats;
    QString error;
    for (int i = 0; i < m_runs; ++i) {
        const double ms = runOnce(home.path(), &error);
        if (ms < 0)
            return {{u"error"_s, error}};
        stats.add(ms);
    }
    QJsonObject figure = stats.toJson();
    figure[u"includes"_s] = u"a new voucherdesk process up to the first paint of its sign-in "
                            u"window (offscreen); add window_painted_ms for the main window"_s;
    return figure;
}
