#include "server/httprequest.h"

QString HttpRequest::bearerToken() const
{
    const QByteArray authorization = header("authorization").trimmed();
    static const QByteArray prefix = "bearer ";
    if (authorization.size() <= prefix.size() ||
        authorization.left(prefix.size()).toLower() != prefix)
        return {};
    return QString::fromLatin1(authorization.mid(prefix.size()).trimmed());
}
