#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

// A sign-in session: what a bearer token stands for. Only the token's hash is kept.
struct AuthSession
{
    QString tokenHash; // lower-case hex SHA-256 of the token's text
    QUuid userId;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime revokedAt; // invalid while not signed out

    bool isValidAt(const QDateTime &now) const { return !revokedAt.isValid() && now < expiresAt; }
};
