#pragma once

#include <QList>
#include <QStringList>

class Database;

// Numbered schema migrations, shared by SQLite and PostgreSQL (dialect tokens aside). All
// pending migrations are applied in one transaction when a database is opened.
class Migrations
{
public:
    struct Migration
    {
        int version;
        QString description;
        QStringList statements;
    };

    static const QList<Migration> &all();
    static int latestVersion();

    // The schema version the database is at (0 for a new database). Throws StoreError.
    static int currentVersion(const Database &db);
    // Brings the schema up to date; returns the versions applied. Throws StoreError, including
    // when the database was written by a newer VoucherDesk.
    static QList<int> apply(Database &db);
};
