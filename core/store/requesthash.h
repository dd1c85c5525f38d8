#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

// Fingerprint of a create request, stored with what it created: a retry with the same client
// id and the same fingerprint is the same request; the same id with another is a conflict.
class RequestHash
{
public:
    static QString of(const QJsonObject &request);
    // The fingerprint stored with the row `id` of a table that has a request_hash column;
    // nullopt when there is no such row. Throws StoreError.
    static std::optional<QString> stored(const class Database &db, const QString &table,
                                         const QUuid &id);
};
