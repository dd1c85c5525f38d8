#pragma once

#include "core/domain/user.h"
#include "server/httprequest.h"

#include <QHash>
#include <QUuid>

#include <optional>

class CommandContext;
class Database;

// What a route handler works with: the request, the values of the path's {placeholders}, the
// signed-in user (for routes that need one) and the context its commands run in.
struct RouteContext
{
    const HttpRequest &request;
    QHash<QString, QString> params;
    Database &db;
    CommandContext &commands;
    std::optional<User> user;

    QString param(const QString &name) const { return params.value(name); }
    // A path id; null when the segment is not a UUID (the handler then answers 404).
    QUuid idParam(const QString &name = QStringLiteral("id")) const
    {
        // QUuid::fromString forgives text after the UUID and a missing closing brace; a path
        // id is exactly one UUID, braced or not.
        const QString text = params.value(name);
        const QUuid id = QUuid::fromString(text);
        const bool exact =
            text.compare(id.toString(QUuid::WithoutBraces), Qt::CaseInsensitive) == 0 ||
            text.compare(id.toString(), Qt::CaseInsensitive) == 0;
        return exact ? id : QUuid();
    }
};
