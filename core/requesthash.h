#pragma once

#include <QJsonObject>
#include <QString>

// Fingerprint of a create request, stored with what it created: a retry with the same client
// id and the same fingerprint is the same request; the same id with another is a conflict.
class RequestHash
{
public:
    static QString of(const QJsonObject &request);
};
