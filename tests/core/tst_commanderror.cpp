#include "core/base/commanderror.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CommandError::Kind)

class TestCommandError : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsInternal();
    void constructor();
    void invalidWithOneField_data();
    void invalidWithOneField();
    void invalidWithSeveralFields();
    void invalidWithTwoErrorsOnOneField();
    void invalidField();
    void notFound_data();
    void notFound();
    void unauthorized();
    void conflict();
    void internalHidesTheDetail();
    void rateLimited();
    void rateLimitedWaitsAtLeastOneSecond_data();
    void rateLimitedWaitsAtLeastOneSecond();
    void httpStatus_data();
    void httpStatus();
};

void TestCommandError::defaultIsInternal()
{
    const CommandError error;
    QCOMPARE(error.kind(), CommandError::Kind::Internal);
    QCOMPARE(error.httpStatus(), 500);
    QVERIFY(error.fieldErrors().isEmpty());
}

void TestCommandError::constructor()
{
    const FieldErrors fields = {{u"name"_s, u"Too long."_s}};
    const CommandError error(CommandError::Kind::Unauthenticated, u"AuthFailure"_s,
                             u"Sign in again."_s, fields);
    QCOMPARE(error.kind(), CommandError::Kind::Unauthenticated);
    QCOMPARE(error.code(), u"AuthFailure"_s);
    QCOMPARE(error.message(), u"Sign in again."_s);
    QCOMPARE(error.fieldErrors(), fields);
    QCOMPARE(error.httpStatus(), 401);
}

void TestCommandError::invalidWithOneField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");

    QTest::newRow("name") << u"name"_s << u"InvalidParameter.Name"_s;
    QTest::newRow("camel case") << u"faceValueMinor"_s << u"InvalidParameter.FaceValueMinor"_s;
    QTest::newRow("uin") << u"uin"_s << u"InvalidParameter.Uin"_s;
    QTest::newRow("product codes") << u"productCodes"_s << u"InvalidParameter.ProductCodes"_s;
    QTest::newRow("already capitalised") << u"Name"_s << u"InvalidParameter.Name"_s;
}

void TestCommandError::invalidWithOneField()
{
    QFETCH(QString, field);
    QFETCH(QString, code);

    const FieldErrors errors = {{field, u"Fix this."_s}};
    const CommandError error = CommandError::invalid(errors);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.message(), u"Fix this."_s);
    QCOMPARE(error.fieldErrors(), errors);
    // The field keeps its API spelling in the list.
    QCOMPARE(error.fieldErrors().constFirst().field, field);
}

void TestCommandError::invalidWithSeveralFields()
{
    const FieldErrors errors = {{u"name"_s, u"Enter a name."_s},
                                {u"faceValueMinor"_s, u"Must be positive."_s},
                                {u"note"_s, u"Too long."_s}};
    const CommandError error = CommandError::invalid(errors);
    QCOMPARE(error.code(), u"InvalidParameter"_s);
    QCOMPARE(error.kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.fieldErrors(), errors); // all of them, in order
    QVERIFY(!error.message().isEmpty());
    // The summary counts the fields and shows the first problem.
    QVERIFY2(error.message().contains(u'3'), qPrintable(error.message()));
    QVERIFY2(error.message().contains(u"Enter a name."_s), qPrintable(error.message()));
}

void TestCommandError::invalidWithTwoErrorsOnOneField()
{
    const FieldErrors errors = {{u"productCodes"_s, u"Picked twice."_s},
                                {u"productCodes"_s, u"Not active."_s}};
    const CommandError error = CommandError::invalid(errors);
    QCOMPARE(error.code(), u"InvalidParameter"_s);
    QCOMPARE(error.fieldErrors().size(), 2);
}

void TestCommandError::invalidField()
{
    const CommandError error = CommandError::invalidField(u"quotaMinor"_s, u"Negative."_s);
    QCOMPARE(error.code(), u"InvalidParameter.QuotaMinor"_s);
    QCOMPARE(error.kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(error.message(), u"Negative."_s);
    QCOMPARE(error.fieldErrors(), FieldErrors({{u"quotaMinor"_s, u"Negative."_s}}));
}

void TestCommandError::notFound_data()
{
    QTest::addColumn<QString>("entity");
    QTest::newRow("template") << u"Template"_s;
    QTest::newRow("application") << u"Application"_s;
    QTest::newRow("voucher") << u"Voucher"_s;
    QTest::newRow("customer") << u"Customer"_s;
}

void TestCommandError::notFound()
{
    QFETCH(QString, entity);
    const CommandError error = CommandError::notFound(entity);
    QCOMPARE(error.code(), u"ResourceNotFound."_s + entity);
    QCOMPARE(error.kind(), CommandError::Kind::NotFound);
    QCOMPARE(error.httpStatus(), 404);
    QVERIFY(error.fieldErrors().isEmpty());
    QVERIFY2(error.message().contains(entity.toLower()), qPrintable(error.message()));
}

void TestCommandError::unauthorized()
{
    const CommandError error = CommandError::unauthorized(u"Reviewers only."_s);
    QCOMPARE(error.code(), u"UnauthorizedOperation"_s);
    QCOMPARE(error.kind(), CommandError::Kind::Unauthorized);
    QCOMPARE(error.httpStatus(), 403);
    QCOMPARE(error.message(), u"Reviewers only."_s);
}

void TestCommandError::conflict()
{
    const CommandError error = CommandError::conflict(u"TemplateLocked"_s, u"Locked."_s);
    QCOMPARE(error.code(), u"FailedOperation.TemplateLocked"_s);
    QCOMPARE(error.kind(), CommandError::Kind::Conflict);
    QCOMPARE(error.httpStatus(), 409);
    QCOMPARE(error.message(), u"Locked."_s);
    QVERIFY(error.fieldErrors().isEmpty());
}

void TestCommandError::internalHidesTheDetail()
{
    // The detail goes to the log, not to the user.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"internal error:.*table vouchers is locked"_s));
    const CommandError error = CommandError::internal(u"table vouchers is locked"_s);
    QCOMPARE(error.code(), u"InternalError"_s);
    QCOMPARE(error.kind(), CommandError::Kind::Internal);
    QCOMPARE(error.httpStatus(), 500);
    QVERIFY(!error.message().isEmpty());
    QVERIFY2(!error.message().contains(u"vouchers"_s), qPrintable(error.message()));
}

void TestCommandError::rateLimited()
{
    const CommandError error = CommandError::rateLimited(u"Slow down."_s, 42);
    QCOMPARE(error.code(), u"RequestLimitExceeded"_s);
    QCOMPARE(error.kind(), CommandError::Kind::RateLimited);
    QCOMPARE(error.httpStatus(), 429);
    QCOMPARE(error.message(), u"Slow down."_s);
    QCOMPARE(error.retryAfterSeconds(), 42);
    QVERIFY(error.fieldErrors().isEmpty());

    // Other errors carry no wait.
    QCOMPARE(CommandError::conflict(u"TemplateLocked"_s, u"Locked."_s).retryAfterSeconds(), 0);
    QCOMPARE(CommandError().retryAfterSeconds(), 0);
}

void TestCommandError::rateLimitedWaitsAtLeastOneSecond_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("zero") << 0 << 1;
    QTest::newRow("negative") << -5 << 1;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("a minute") << 60 << 60;
}

void TestCommandError::rateLimitedWaitsAtLeastOneSecond()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    // Retry-After: 0 would invite an immediate retry that is refused again.
    QCOMPARE(CommandError::rateLimited(u"Wait."_s, requested).retryAfterSeconds(), expected);
}

void TestCommandError::httpStatus_data()
{
    QTest::addColumn<CommandError::Kind>("kind");
    QTest::addColumn<int>("status");

    QTest::newRow("invalid parameter") << CommandError::Kind::InvalidParameter << 400;
    QTest::newRow("unauthenticated") << CommandError::Kind::Unauthenticated << 401;
    QTest::newRow("unauthorized") << CommandError::Kind::Unauthorized << 403;
    QTest::newRow("not found") << CommandError::Kind::NotFound << 404;
    QTest::newRow("conflict") << CommandError::Kind::Conflict << 409;
    QTest::newRow("rate limited") << CommandError::Kind::RateLimited << 429;
    QTest::newRow("internal") << CommandError::Kind::Internal << 500;
}

void TestCommandError::httpStatus()
{
    QFETCH(CommandError::Kind, kind);
    QFETCH(int, status);
    QCOMPARE(CommandError(kind, u"Code"_s, u"Message"_s).httpStatus(), status);
}

QTEST_GUILESS_MAIN(TestCommandError)
#include "tst_commanderror.moc"
