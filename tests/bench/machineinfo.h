#pragma once

#include <QJsonObject>

// Where the figures were taken, and the process's memory.
class MachineInfo
{
public:
    // {cores, cpu, qt, build_type, os}
    static QJsonObject toJson();
    // VmHWM of /proc/self/status in MiB (the peak resident set so far); -1 if unknown.
    static double peakRssMb();
    // VmRSS, likewise.
    static double currentRssMb();
};
