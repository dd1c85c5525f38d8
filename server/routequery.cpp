#include "server/routequery.h"

#include "core/base/commanderror.h"
#include "core/base/coretr.h"
#include "server/routesupport.h"

#include <algorithm>

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

bool RouteQuery::text(const RouteContext &context, const QString &name, QString *value,
                      HttpResponse *response)
{
    const QString text = context.request.query.queryItemValue(name, QUrl::FullyDecoded);
    const bool unsafe = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        // U+FFFD stands for bytes that were not UTF-8 (or a lone surrogate percent-encoded).
        return c.category() == QChar::Other_Control || c.isSurrogate() ||
               c == QChar::ReplacementCharacter;
    });
    if (unsafe) {
        *response = RouteSupport::fail(
            context,
            CommandError::invalidField(
                name, CoreTr::tr("%1 must be UTF-8 text without control characters.").arg(name)));
        return false;
    }
    *value = text.trimmed();
    return true;
}
