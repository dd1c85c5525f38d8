#include "server/routequery.h"

#include "core/base/commanderror.h"
#include "core/base/coretr.h"
#include "server/routesupport.h"

using namespace Qt::StringLiterals;

bool RouteQuery::flag(const RouteContext &context, const QString &name, std::optional<bool> *value,
                      HttpResponse *response)
{
    const QString text = context.request.query.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return true;
    if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0) {
        *value = true;
        return true;
    }
    if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0) {
        *value = false;
        return true;
    }
    *response = RouteSupport::fail(
        context,
        CommandError::invalidField(name, CoreTr::tr("%1 must be true or false.").arg(name)));
    return false;
}
