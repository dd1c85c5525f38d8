#pragma once

#include "server/httpresponse.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

struct RouteContext;

// Maps a method and a path such as /api/v1/templates/{id}/duplicate to its handler. Tells apart
// a path nobody serves (404) from a path served with other methods (405 with Allow).
class Router
{
public:
    enum class Access {
        Public,   // no sign-in: /health, /auth/login
        SignedIn, // a valid bearer token
    };
    using Handler = std::function<HttpResponse(RouteContext &)>;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
        Access access;
    };

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // when the path exists with other methods only
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler,
             Access access = Access::SignedIn);
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matches(const Route &route, const QStringList &segments,
                        QHash<QString, QString> *params);

    QList<Route> m_routes;
};
