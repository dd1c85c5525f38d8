#pragma once

#include <QObject>

class QSocketNotifier;

// SIGTERM and SIGINT as a Qt signal: the handler only writes a byte to a socket pair (all a
// signal handler may do); the event loop reads it and emits requested(). One per process.
class StopSignal : public QObject
{
    Q_OBJECT

public:
    explicit StopSignal(QObject *parent = nullptr);
    ~StopSignal() override;

signals:
    // The first SIGTERM or SIGINT; a second one ends the process at once (the default action).
    void requested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
