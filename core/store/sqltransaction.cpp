#include "core/store/sqltransaction.h"

#include "core/store/database.h"
#include "core/store/sqldialect.h"
#include "core/store/sqlstatement.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

using namespace Qt::StringLiterals;

namespace {
// The stores this thread has a write transaction open on (a connection is per thread).
thread_local QSet<const Database *> t_openTransactions;
} // namespace

bool SqlTransaction::isOpen(const Database &db)
{
    return t_openTransactions.contains(&db);
}

SqlTransaction::SqlTransaction(const Database &db)
    : m_db(db)
{
    m_db.execute(m_db.dialect().beginWriteSql());
    m_open = true;
    t_openTransactions.insert(&m_db);
}

SqlTransaction::~SqlTransaction()
{
    if (!m_open)
        return;
    t_openTransactions.remove(&m_db);
    QSqlQuery rollback(m_db.connection());
    if (!rollback.exec(u"ROLLBACK"_s))
        qCWarning(lcSql) << "rollback failed:" << rollback.lastError().text();
}

void SqlTransaction::commit()
{
    m_db.execute(u"COMMIT"_s);
    m_open = false;
    t_openTransactions.remove(&m_db);
}
