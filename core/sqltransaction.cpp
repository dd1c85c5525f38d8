#include "sqltransaction.h"

#include "database.h"
#include "sqldialect.h"
#include "sqlstatement.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

using namespace Qt::StringLiterals;

SqlTransaction::SqlTransaction(const Database &db)
    : m_db(db)
{
    m_db.execute(m_db.dialect().beginWriteSql());
    m_open = true;
}

SqlTransaction::~SqlTransaction()
{
    if (!m_open)
        return;
    QSqlQuery rollback(m_db.connection());
    if (!rollback.exec(u"ROLLBACK"_s))
        qCWarning(lcSql) << "rollback failed:" << rollback.lastError().text();
}

void SqlTransaction::commit()
{
    m_db.execute(u"COMMIT"_s);
    m_open = false;
}
