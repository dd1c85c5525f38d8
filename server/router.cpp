#include "server/router.h"

using namespace Qt::StringLiterals;

namespace {
QStringList split(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}
} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler, Access access)
{
    m_routes.append({method, pattern, split(pattern), std::move(handler), access});
}

bool Router::matches(const Route &route, const QStringList &segments,
                     QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.segments.at(i);
        if (isPlaceholder(expected))
            found.insert(expected.mid(1, expected.size() - 2), segments.at(i));
        else if (expected != segments.at(i))
            return false;
    }
    *params = std::move(found);
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList segments = split(path);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route, segments, &params))
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            result.allowedMethods.clear();
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}
