#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

class SqlDialect;

// A prepared statement with named placeholders and typed accessors for the store's column
// conventions: ids as text, times as UTC milliseconds since the epoch, booleans as 0/1.
// Failures throw StoreError, classified by the dialect.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase &db, const SqlDialect &dialect, const QString &sql);

    SqlStatement &bind(const QString &placeholder, const QVariant &value);
    SqlStatement &bind(const QString &placeholder, const QUuid &id);
    SqlStatement &bind(const QString &placeholder, const QDateTime &time);
    SqlStatement &bind(const QString &placeholder, const QString &text);
    SqlStatement &bind(const QString &placeholder, qint64 number);
    SqlStatement &bind(const QString &placeholder, int number);
    SqlStatement &bind(const QString &placeholder, bool flag);
    SqlStatement &bind(const QString &placeholder, const char *) = delete;

    SqlStatement &exec();
    bool next();
    int rowsAffected() const;
    qint64 lastInsertId() const; // of an INSERT into a table with an autoincrement key

    QVariant value(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const;
    bool flag(int column) const;
    QUuid uuid(int column) const;
    QDateTime time(int column) const;
    bool isNull(int column) const;

    static QVariant fromUuid(const QUuid &id);
    static QVariant fromTime(const QDateTime &time);
    static QDateTime toTime(const QVariant &value);
    // Escapes %, _ and the backslash for a LIKE pattern that declares ESCAPE '\\'.
    static QString escapeLike(const QString &text);

private:
    [[noreturn]] void fail(const QString &what) const;

    QSqlQuery m_query;
    const SqlDialect &m_dialect;
    QString m_sql;
};
