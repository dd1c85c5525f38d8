#include "tests/support/storeprobe.h"

#include <QMutexLocker>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

void StoreProbe::exec(const Database &db, const QString &sql)
{
    db.prepare(sql).exec();
}

qint64 StoreProbe::scalar(const Database &db, const QString &sql)
{
    SqlStatement query = db.prepare(sql);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

qint64 StoreProbe::rowCount(const Database &db, const QString &table)
{
    return scalar(db, u"SELECT COUNT(*) FROM "_s + table);
}

qint64 StoreProbe::changeRev(const Database &db)
{
    return scalar(db, u"SELECT rev FROM change_counter WHERE id = 1"_s);
}

namespace {

// The tables that hold data. SQLite's full-text index (voucher_list_text and its shadow tables)
// is derived from voucher_list, like any index, so it is left out.
QString tableNamesSql(const Database &db)
{
    return db.isPostgres() ? u"SELECT table_name FROM information_schema.tables "
                             u"WHERE table_schema = current_schema() ORDER BY table_name"_s
                           : u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                             u"LIKE 'voucher\\_list\\_text%' ESCAPE '\\' ORDER BY name"_s;
}

QString rowOrder(const Database &db)
{
    return db.isPostgres() ? QString() : u" ORDER BY rowid"_s;
}

QMap<QString, QStringList> readTables(const Database &db)
{
    QMap<QString, QStringList> tables;
    QStringList names;
    {
        SqlStatement list = db.prepare(tableNamesSql(db));
        list.exec();
        while (list.next())
            names.append(list.text(0));
    }
    for (const QString &name : std::as_const(names)) {
        QSqlQuery rows(db.connection());
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT * FROM \"%1\"%2"_s.arg(name, rowOrder(db)))) {
            tables.insert(name, {u"<unreadable>"_s});
            continue;
        }
        QStringList lines;
        while (rows.next()) {
            const int columns = rows.record().count();
            QStringList fields;
            for (int i = 0; i < columns; ++i)
                fields.append(rows.isNull(i) ? u"NULL"_s : rows.value(i).toString());
            lines.append(fields.join(u'|'));
        }
        if (db.isPostgres())
            lines.sort(); // no rowid: the same rows compare equal in any order
        tables.insert(name, lines);
    }
    return tables;
}

} // namespace

StoreSnapshot::StoreSnapshot(const Database &db)
    : m_tables(readTables(db))
{}

QByteArray StoreSnapshot::differencesFrom(const Database &db) const
{
    const QMap<QString, QStringList> now = readTables(db);
    QStringList differences;
    QStringList names = m_tables.keys() + now.keys();
    names.removeDuplicates();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const QStringList before = m_tables.value(name);
        const QStringList after = now.value(name);
        if (before == after)
            continue;
        QString first;
        for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i) {
            const QString a = before.value(i, u"<none>"_s);
            const QString b = after.value(i, u"<none>"_s);
            if (a != b) {
                first = u"row %1 was [%2], is [%3]"_s.arg(i).arg(a, b);
                break;
            }
        }
        differences.append(u"table %1 changed (%2 rows, now %3): %4"_s.arg(name)
                               .arg(before.size())
                               .arg(after.size())
                               .arg(first));
    }
    return differences.join(u"; "_s).toUtf8();
}

void ThreadBarrier::wait()
{
    QMutexLocker locker(&m_mutex);
    const quint64 generation = m_generation;
    if (++m_arrived == m_parties) {
        m_arrived = 0;
        ++m_generation;
        m_allArrived.wakeAll();
        return;
    }
    while (generation == m_generation)
        m_allArrived.wait(&m_mutex);
}

// Every table's rows in rowid order, without the columns that are not reproducible by design:
// salted password hashes and the moment the schema was migrated.
QMap<QString, QStringList> StoreProbe::reproducibleDump(const Database &db)
{
    static const QSet<QString> excluded = {u"users.password_hash"_s,
                                           u"schema_migrations.applied_at"_s};
    QMap<QString, QStringList> tables;
    QStringList names;
    {
        SqlStatement list = db.prepare(tableNamesSql(db));
        list.exec();
        while (list.next())
            names.append(list.text(0));
    }
    for (const QString &name : std::as_const(names)) {
        QStringList columns;
        {
            const bool pg = db.isPostgres();
            SqlStatement info = db.prepare(
                pg ? u"SELECT column_name FROM information_schema.columns WHERE table_schema = "
                     u"current_schema() AND table_name = '%1' ORDER BY ordinal_position"_s.arg(name)
                   : u"PRAGMA table_info(\"%1\")"_s.arg(name));
            info.exec();
            while (info.next()) {
                const QString column = info.text(pg ? 0 : 1);
                if (!excluded.contains(name + u'.' + column))
                    columns.append(u'"' + column + u'"');
            }
        }
        QSqlQuery rows(db.connection());
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT %1 FROM \"%2\"%3"_s.arg(columns.join(u", "_s), name, rowOrder(db))))
            qFatal("cannot read table %s", qPrintable(name));
        QStringList lines;
        while (rows.next()) {
            QStringList fields;
            for (int i = 0; i < columns.size(); ++i)
                fields.append(rows.isNull(i) ? u"NULL"_s : rows.value(i).toString());
            lines.append(fields.join(u'|'));
        }
        if (db.isPostgres())
            lines.sort();
        tables.insert(name, lines);
    }
    return tables;
}

// The first difference of each table that differs, empty when the dumps are equal.
QByteArray StoreProbe::dumpDifferences(const QMap<QString, QStringList> &a,
                                       const QMap<QString, QStringList> &b)
{
    QStringList out;
    QStringList names = a.keys() + b.keys();
    names.removeDuplicates();
    for (const QString &name : std::as_const(names)) {
        const QStringList left = a.value(name);
        const QStringList right = b.value(name);
        if (left == right)
            continue;
        for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
            if (left.value(i, u"<none>"_s) != right.value(i, u"<none>"_s)) {
                out.append(u"%1 row %2: [%3] vs [%4]"_s.arg(name).arg(i).arg(
                    left.value(i, u"<none>"_s), right.value(i, u"<none>"_s)));
                break;
            }
        }
    }
    return out.join(u"; "_s).toUtf8();
}
