#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

class CommandError;

// What a handler answers: a status, a body and its type, and extra headers.
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonArray &array);
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType);
    static HttpResponse noContent();
    // The error envelope {"error": {"code", "message", "requestId"}} of DESIGN.md section 4.
    static HttpResponse error(int status, const QString &code, const QString &message,
                              const QString &requestId);
    // The status, code and message of a refused command; a 429 carries Retry-After.
    static HttpResponse error(const CommandError &error, const QString &requestId);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
};
