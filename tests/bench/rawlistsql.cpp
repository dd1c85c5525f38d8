#include "tests/bench/rawlistsql.h"

#include "core/queries/voucherlistquery.h"
#include "core/store/database.h"
#include "core/store/sqlstatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <stdexcept>

using namespace Qt::StringLiterals;

RawListSql::RawListSql(const Database &db, VoucherListFilter filter, QDateTime now)
    : m_db(db)
    , m_filter(std::move(filter))
    , m_now(std::move(now))
{}

void RawListSql::bindFilter(QSqlQuery &query, const QString &sql) const
{
    // Only the placeholders the statement holds: QSqlQuery refuses values it has no place for.
    const auto bind = [&](const QString &name, const QVariant &value) {
        if (sql.contains(name))
            query.bindValue(name, value);
    };
    bind(u":partnerId"_s, SqlStatement::fromUuid(m_filter.partnerId));
    bind(u":now"_s, SqlStatement::fromTime(m_now));
    bind(u":minBalance"_s, std::max<qint64>(1, m_filter.minBalanceMinor));
    bind(u":customerId"_s, SqlStatement::fromUuid(m_filter.customerId));
    if (m_filter.kind)
        bind(u":kind"_s, voucherKindToString(*m_filter.kind));
    bind(u":appliedFrom"_s, SqlStatement::fromTime(m_filter.appliedFrom));
    bind(u":appliedTo"_s, SqlStatement::fromTime(m_filter.appliedTo));
    bind(u":expiresBefore"_s, SqlStatement::fromTime(m_filter.expiresBefore));
    const QString text = m_filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString escaped = SqlStatement::escapeLike(text);
        bind(u":codePattern"_s, QString(u"%"_s + escaped.toUpper() + u"%"_s));
        bind(u":uinPattern"_s, QString(escaped + u"%"_s));
        bind(u":namePattern"_s, QString(u"%"_s + escaped.toLower() + u"%"_s));
        bind(u":textPhrase"_s, VoucherListQuery::textIndexPhrase(text));
    }
}

qint64 RawListSql::run(const QString &sql, int limit, int offset) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw std::runtime_error(query.lastError().text().toStdString());
    bindFilter(query, sql);
    if (sql.contains(u":limit"_s))
        query.bindValue(u":limit"_s, limit);
    if (sql.contains(u":offset"_s))
        query.bindValue(u":offset"_s, offset);
    if (!query.exec())
        throw std::runtime_error(query.lastError().text().toStdString());
    qint64 rows = 0;
    const int columns = query.record().count();
    while (query.next()) {
        for (int column = 0; column < columns; ++column)
            (void)query.value(column);
        ++rows;
    }
    return rows;
}
