#pragma once

#include <QObject>

class Database;
class QTimer;

// Notices commits made to a local SQLite workspace by other processes (a second VoucherDesk
// window, the demo tool): every interval it reads PRAGMA data_version on this thread's
// connection, which changes only when another connection has committed. A read of a header
// field, cheap enough for the UI thread. PostgreSQL stores are not watched (the server has its
// own change feed).
class ExternalWriteWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 1000;

    explicit ExternalWriteWatcher(const Database &db, int intervalMs = DefaultIntervalMs,
                                  QObject *parent = nullptr);

    // Starts watching from the store's state now; false (and nothing watched) for PostgreSQL.
    bool start();
    void stop();

signals:
    // Another connection committed since the last check.
    void changed();

private:
    void check();
    qint64 readVersion() const;

    const Database &m_db;
    QTimer *m_timer;
    qint64 m_version = -1;
};
