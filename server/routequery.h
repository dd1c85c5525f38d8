#pragma once

#include "server/httpresponse.h"
#include "server/routecontext.h"

#include <optional>

// Strict reading of query parameters beyond paging: a value that is present but not one the
// route understands is answered 400 naming the parameter, never silently ignored.
class RouteQuery
{
public:
    // ?name=true|false. False (with *response the 400) on any other value; *value stays
    // nullopt when the parameter is absent or empty.
    static bool flag(const RouteContext &context, const QString &name, std::optional<bool> *value,
                     HttpResponse *response);
    // A text filter (?q=, ?name=), trimmed. False (with *response the 400) when it holds a
    // control character (a NUL broke SQLite's full-text MATCH and PostgreSQL's text), or what
    // was not UTF-8: no such text is stored, so none can be searched for.
    static bool text(const RouteContext &context, const QString &name, QString *value,
                     HttpResponse *response);
};
