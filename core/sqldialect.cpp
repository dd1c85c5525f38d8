#include "sqldialect.h"

using namespace Qt::StringLiterals;

QString SqlDialect::translateDdl(QString ddl) const
{
    return ddl.replace(u"{AUTOINCREMENT_PK}"_s, autoIncrementPrimaryKey());
}
