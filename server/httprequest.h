#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

// One request as the route handlers see it: independent of the HTTP library, so handlers can be
// exercised without a socket.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString remoteAddress;
    QString requestId;
    // "Connection: close": the connection ends after this request's answer.
    bool closeAfter = false;
    // Two different Content-Length headers, or one beside Transfer-Encoding: a proxy in front
    // may see another body than this server does (request smuggling).
    bool ambiguousFraming = false;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    // The token of "Authorization: Bearer <token>", empty without one.
    QString bearerToken() const;
};
