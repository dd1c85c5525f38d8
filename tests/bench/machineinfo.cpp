#include "tests/bench/machineinfo.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QString firstLineStarting(const QString &file, const QString &prefix)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(prefix))
            return line.mid(line.indexOf(u':') + 1).trimmed();
    }
    return {};
}

double statusMb(const QString &key)
{
    const QString value = firstLineStarting(u"/proc/self/status"_s, key); // "123456 kB"
    bool ok = false;
    const double kb = value.section(u' ', 0, 0).toDouble(&ok);
    return ok ? std::round(kb / 1024.0 * 10.0) / 10.0 : -1;
}
} // namespace

QJsonObject MachineInfo::toJson()
{
    return {{u"cores"_s, QThread::idealThreadCount()},
            {u"cpu"_s, firstLineStarting(u"/proc/cpuinfo"_s, u"model name"_s)},
            {u"qt"_s, QString::fromLatin1(qVersion())},
            {u"build_type"_s, QStringLiteral(VD_BENCH_BUILD_TYPE)},
            {u"os"_s, QSysInfo::prettyProductName()}};
}

double MachineInfo::peakRssMb()
{
    return statusMb(u"VmHWM"_s);
}

double MachineInfo::currentRssMb()
{
    return statusMb(u"VmRSS"_s);
}
