#include "tests/support/queryplan.h"

#include "core/store/database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

QString QueryPlan::of(const Database &db, QString sql)
{
    sql.replace(QRegularExpression(u":[A-Za-z]+"_s), u"50"_s);
    QSqlQuery plan(db.connection());
    if (!plan.exec(u"EXPLAIN QUERY PLAN "_s + sql))
        return plan.lastError().text();
    QStringList steps;
    while (plan.next())
        steps.append(plan.value(3).toString());
    return steps.join(u" / "_s);
}
