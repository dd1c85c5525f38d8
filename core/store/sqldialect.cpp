#include "core/store/sqldialect.h"

using namespace Qt::StringLiterals;

QString SqlDialect::translateDdl(QString ddl) const
{
    static const QString sqliteOnly = u"{SQLITE_ONLY}"_s;
    if (ddl.startsWith(sqliteOnly)) {
        if (!hasTextIndex())
            return {};
        ddl.remove(0, sqliteOnly.size());
    }
    return ddl.replace(u"{AUTOINCREMENT_PK}"_s, autoIncrementPrimaryKey());
}
