#pragma once

#include <QJsonObject>
#include <QString>

// Cold start of the real `voucherdesk` binary: a new process each run, from starting it to the
// first paint of its sign-in window (`--startup-probe`), on the offscreen platform with a
// fresh settings folder. With window_painted_ms (opening the store and painting the main window
// after a sign-in) it makes the start-up a person waits for, password hashing aside.
class ColdStartBenchmark
{
public:
    ColdStartBenchmark(QString desktopBinary, QString workspace, int runs);

    // {median_ms, ...}; an "error" member if a run failed.
    QJsonObject run() const;

private:
    double runOnce(const QString &home, QString *error) const;

    QString m_binary;
    QString m_workspace;
    int m_runs;
};
