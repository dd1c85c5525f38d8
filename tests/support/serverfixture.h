#pragma once

#include "tests/support/apiclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QList>
#include <QString>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

// What every route suite starts from: the TestWorkspace (SQLite, or PostgreSQL under
// VD_TEST_BACKEND=postgres) and one or more voucherdesk-server processes serving it, with
// clients signed in as the workspace's users.
class ServerFixture
{
public:
    explicit ServerFixture(int processes = 1);
    ServerFixture(const ServerFixture &) = delete;
    ServerFixture &operator=(const ServerFixture &) = delete;

    TestWorkspace &workspace() { return m_workspace; }
    ServerProcess &server(int index = 0) { return *m_servers.at(index); }

    // Starts every process on the workspace; false (with errorMessage()) if the workspace or a
    // process did not come up.
    bool start();
    QString errorMessage() const { return m_error; }

    // A client of server(index) signed in as the workspace user `login` (password
    // "password-<login>"); null, with the refusal logged, if the sign-in failed.
    std::unique_ptr<ApiClient> client(const QString &login, int index = 0);

    // Why a reply is not the expected error, with its body: for the COMPARE_ERROR message.
    static QString errorMismatch(const ApiClient::Reply &reply, int status, const QString &code);

private:
    TestWorkspace m_workspace; // outlives the processes serving it
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    QString m_error;
};

QString idText(const QUuid &id);
// The "id" of every item of a list reply, in order.
QList<QString> itemIds(const ApiClient::Reply &reply);

struct ConcurrentRequest
{
    QUrl base;
    QString token;
    QString path;
    QJsonObject body;
};

// Puts every POST in flight before waiting for any answer, one network manager per server, so
// that they race inside the servers rather than arrive one after another. Fails the current
// test if they do not all finish.
void postConcurrently(const QList<ConcurrentRequest> &requests, QList<ApiClient::Reply> *replies);

// The reply's status, or a failure naming the status and the body.
#define COMPARE_STATUS(reply, expected)                                                            \
    do {                                                                                           \
        const ApiClient::Reply &vdStatusReply_ = (reply);                                          \
        QVERIFY2(vdStatusReply_.status == (expected),                                              \
                 qPrintable(QStringLiteral("status %1: %2")                                        \
                                .arg(vdStatusReply_.status)                                        \
                                .arg(QString::fromUtf8(vdStatusReply_.body))));                    \
    } while (false)

// The reply is the error `code` with `status`, or a failure naming both sides and the body.
#define COMPARE_ERROR(reply, expectedStatus, expectedCode)                                         \
    do {                                                                                           \
        const ApiClient::Reply &vdErrorReply_ = (reply);                                           \
        const int vdStatus_ = (expectedStatus);                                                    \
        const QString vdCode_ = (expectedCode);                                                    \
        QVERIFY2(vdErrorReply_.status == vdStatus_ && vdErrorReply_.errorCode() == vdCode_,        \
                 qPrintable(ServerFixture::errorMismatch(vdErrorReply_, vdStatus_, vdCode_)));     \
    } while (false)
