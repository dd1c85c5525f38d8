#pragma once

#include <QJsonObject>
#include <QString>

// Cold start to a painted main window, in process: the real `voucherdesk` needs a sign-in, so
// the bench does what an accepted sign-in does and times it.
class WindowBenchmark
{
public:
    WindowBenchmark(QString workspace, QString login, int runs);

    // {median_ms, ...}; an "error" member if the window never painted.
    QJsonObject run();

private:
    double runOnce(QString *error);

    QString m_workspace;
    QString m_login;
    int m_runs;
};
