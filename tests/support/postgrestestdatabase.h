#pragma once

#include <QString>

// A fresh, empty database in the suites' throwaway PostgreSQL cluster (tests/postgres/
// cluster.sh, started by CTest), dropped again when this object goes. Invalid, with a message,
// when the cluster is not running: a PostgreSQL suite then fails rather than skips.
class PostgresTestDatabase
{
public:
    PostgresTestDatabase();
    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase &) = delete;
    PostgresTestDatabase &operator=(const PostgresTestDatabase &) = delete;

    bool isValid() const { return !m_url.isEmpty(); }
    QString errorMessage() const { return m_error; }
    QString url() const { return m_url; } // postgresql://postgres@127.0.0.1:PORT/NAME

private:
    bool runAdmin(const QString &sql);

    QString m_clusterUrl;
    QString m_name;
    QString m_url;
    QString m_error;
};
