#include "core/store/sqlstatement.h"

#include "core/store/sqldialect.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcSql, "voucherdesk.sql")

using namespace Qt::StringLiterals;

SqlStatement::SqlStatement(const QSqlDatabase &db, const SqlDialect &dialect, const QString &sql)
    : m_query(db)
    , m_dialect(dialect)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        fail(u"prepare"_s);
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
    return *this;
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QUuid &id)
{
    return bind(placeholder, fromUuid(id));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QDateTime &time)
{
    return bind(placeholder, fromTime(time));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QString &text)
{
    // A null QString would bind SQL NULL; the store's text columns hold '' instead.
    return bind(placeholder, QVariant(text.isNull() ? QString(u""_s) : text));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, qint64 number)
{
    return bind(placeholder, QVariant(number));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, int number)
{
    return bind(placeholder, QVariant(number));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, bool flag)
{
    return bind(placeholder, QVariant(flag ? 1 : 0));
}

SqlStatement &SqlStatement::exec()
{
    if (!m_query.exec())
        fail(u"exec"_s);
    return *this;
}

bool SqlStatement::next()
{
    return m_query.next();
}

qint64 SqlStatement::lastInsertId() const
{
    return m_query.lastInsertId().toLongLong();
}

int SqlStatement::rowsAffected() const
{
    return m_query.numRowsAffected();
}

QVariant SqlStatement::value(int column) const
{
    return m_query.value(column);
}

QString SqlStatement::text(int column) const
{
    return m_query.value(column).toString();
}

qint64 SqlStatement::int64(int column) const
{
    return m_query.value(column).toLongLong();
}

int SqlStatement::integer(int column) const
{
    return m_query.value(column).toInt();
}

bool SqlStatement::flag(int column) const
{
    return m_query.value(column).toLongLong() != 0;
}

QUuid SqlStatement::uuid(int column) const
{
    return QUuid::fromString(m_query.value(column).toString());
}

QDateTime SqlStatement::time(int column) const
{
    return toTime(m_query.value(column));
}

bool SqlStatement::isNull(int column) const
{
    return m_query.isNull(column);
}

QVariant SqlStatement::fromUuid(const QUuid &id)
{
    if (id.isNull())
        return QVariant(QMetaType::fromType<QString>());
    return id.toString(QUuid::WithoutBraces);
}

QVariant SqlStatement::fromTime(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return time.toMSecsSinceEpoch();
}

QDateTime SqlStatement::toTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString SqlStatement::escapeLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return escaped;
}

void SqlStatement::fail(const QString &what) const
{
    const QSqlError error = m_query.lastError();
    const StoreError::Kind kind = m_dialect.classify(error);
    if (kind == StoreError::Kind::Failed)
        qCWarning(lcSql).noquote() << what << "failed:" << error.text() << "in" << m_sql;
    throw StoreError(kind, what + u": "_s + error.text());
}
