#include "core/rules/applicationstatemachine.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Transition = ApplicationStateMachine::Transition;

Q_DECLARE_METATYPE(ApplicationStatus)
Q_DECLARE_METATYPE(ApplicationStateMachine::Transition)
Q_DECLARE_METATYPE(Actor)

static const QUuid OwnPartner = QUuid(u"{11111111-1111-4111-8111-111111111111}"_s);
static const QUuid OtherPartner = QUuid(u"{22222222-2222-4222-8222-222222222222}"_s);

static Actor ownManager()
{
    return Actor{QUuid(u"{aaaaaaaa-0000-4000-8000-000000000001}"_s), Role::PartnerManager,
                 OwnPartner};
}
static Actor otherManager()
{
    return Actor{QUuid(u"{aaaaaaaa-0000-4000-8000-000000000002}"_s), Role::PartnerManager,
                 OtherPartner};
}
static Actor reviewer()
{
    return Actor{QUuid(u"{aaaaaaaa-0000-4000-8000-000000000003}"_s), Role::Reviewer, QUuid()};
}
static Actor admin()
{
    return Actor{QUuid(u"{aaaaaaaa-0000-4000-8000-000000000004}"_s), Role::Admin, QUuid()};
}

static Application applicationIn(ApplicationStatus status)
{
    Application application;
    application.id = QUuid(u"{bbbbbbbb-0000-4000-8000-000000000001}"_s);
    application.partnerId = OwnPartner;
    application.templateId = QUuid(u"{cccccccc-0000-4000-8000-000000000001}"_s);
    application.customerId = QUuid(u"{dddddddd-0000-4000-8000-000000000001}"_s);
    application.scenario = u"Load test of the new checkout."_s;
    application.status = status;
    return application;
}

static const char *transitionName(Transition transition)
{
    switch (transition) {
    case Transition::Approve:
        return "approve";
    case Transition::Reject:
        return "reject";
    case Transition::Cancel:
        break;
    }
    return "cancel";
}

static const QString NotFound = u"ResourceNotFound.Application"_s;
static const QString Unauthorized = u"UnauthorizedOperation"_s;
static const QString NotPending = u"FailedOperation.ApplicationNotPending"_s;

class TestApplicationStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void reviewerWithAPartnerIdStillReviews();
    void managerWithoutPartnerSeesNothing();
    void notPendingNamesTheStatus_data();
    void notPendingNamesTheStatus();
    void targetStatus_data();
    void targetStatus();
    void isTerminal_data();
    void isTerminal();
};

void TestApplicationStateMachine::check_data()
{
    QTest::addColumn<ApplicationStatus>("status");
    QTest::addColumn<Transition>("transition");
    QTest::addColumn<Actor>("actor");
    QTest::addColumn<QString>("expectedCode"); // empty: allowed

    struct Case
    {
        Transition transition;
        const char *actorName;
        Actor actor;
        QString whilePending; // the outcome from pending_review
        QString whenTerminal; // the outcome from approved, rejected and cancelled
    };
    const Case cases[] = {
        {Transition::Approve, "reviewer", reviewer(), QString(), NotPending},
        {Transition::Reject, "reviewer", reviewer(), QString(), NotPending},
        {Transition::Cancel, "reviewer", reviewer(), Unauthorized, Unauthorized},

        {Transition::Approve, "own manager", ownManager(), Unauthorized, Unauthorized},
        {Transition::Reject, "own manager", ownManager(), Unauthorized, Unauthorized},
        {Transition::Cancel, "own manager", ownManager(), QString(), NotPending},

        {Transition::Approve, "other manager", otherManager(), NotFound, NotFound},
        {Transition::Reject, "other manager", otherManager(), NotFound, NotFound},
        {Transition::Cancel, "other manager", otherManager(), NotFound, NotFound},

        {Transition::Approve, "admin", admin(), Unauthorized, Unauthorized},
        {Transition::Reject, "admin", admin(), Unauthorized, Unauthorized},
        {Transition::Cancel, "admin", admin(), Unauthorized, Unauthorized},
    };
    const ApplicationStatus statuses[] = {ApplicationStatus::PendingReview,
                                          ApplicationStatus::Approved, ApplicationStatus::Rejected,
                                          ApplicationStatus::Cancelled};

    for (const ApplicationStatus status : statuses) {
        for (const Case &c : cases) {
            const QString expected =
                status == ApplicationStatus::PendingReview ? c.whilePending : c.whenTerminal;
            QTest::addRow("%s/%s/%s", qPrintable(applicationStatusToString(status)),
                          transitionName(c.transition), c.actorName)
                << status << c.transition << c.actor << expected;
        }
    }
}

void TestApplicationStateMachine::check()
{
    QFETCH(ApplicationStatus, status);
    QFETCH(Transition, transition);
    QFETCH(Actor, actor);
    QFETCH(QString, expectedCode);

    const std::optional<CommandError> error =
        ApplicationStateMachine::check(applicationIn(status), transition, actor);
    if (expectedCode.isEmpty()) {
        QVERIFY2(!error.has_value(),
                 error ? qPrintable(QString(error->code() + u": "_s + error->message())) : "");
        return;
    }
    QVERIFY(error.has_value());
    QCOMPARE(error->code(), expectedCode);
    QVERIFY(!error->message().isEmpty());
    QVERIFY(error->fieldErrors().isEmpty());
    if (expectedCode == NotFound) {
        QCOMPARE(error->kind(), CommandError::Kind::NotFound);
        QCOMPARE(error->httpStatus(), 404);
    } else if (expectedCode == Unauthorized) {
        QCOMPARE(error->kind(), CommandError::Kind::Unauthorized);
        QCOMPARE(error->httpStatus(), 403);
    } else {
        QCOMPARE(error->kind(), CommandError::Kind::Conflict);
        QCOMPARE(error->httpStatus(), 409);
    }
}

void TestApplicationStateMachine::reviewerWithAPartnerIdStillReviews()
{
    // Reviewers see every partner's applications; a stray partner id changes nothing.
    Actor actor = reviewer();
    actor.partnerId = OtherPartner;
    const Application pending = applicationIn(ApplicationStatus::PendingReview);
    QVERIFY(!ApplicationStateMachine::check(pending, Transition::Approve, actor).has_value());
    QVERIFY(!ApplicationStateMachine::check(pending, Transition::Reject, actor).has_value());
}

void TestApplicationStateMachine::managerWithoutPartnerSeesNothing()
{
    Actor actor = ownManager();
    actor.partnerId = QUuid();
    const std::optional<CommandError> error = ApplicationStateMachine::check(
        applicationIn(ApplicationStatus::PendingReview), Transition::Cancel, actor);
    QVERIFY(error.has_value());
    QCOMPARE(error->code(), NotFound);
}

void TestApplicationStateMachine::notPendingNamesTheStatus_data()
{
    QTest::addColumn<ApplicationStatus>("status");
    QTest::newRow("approved") << ApplicationStatus::Approved;
    QTest::newRow("rejected") << ApplicationStatus::Rejected;
    QTest::newRow("cancelled") << ApplicationStatus::Cancelled;
}

void TestApplicationStateMachine::notPendingNamesTheStatus()
{
    QFETCH(ApplicationStatus, status);
    const CommandError error = ApplicationStateMachine::notPending(applicationIn(status));
    QCOMPARE(error.code(), NotPending);
    QCOMPARE(error.kind(), CommandError::Kind::Conflict);
    const QString statusName = applicationStatusDisplayName(status).toLower();
    QVERIFY2(error.message().contains(statusName), qPrintable(error.message()));
}

void TestApplicationStateMachine::targetStatus_data()
{
    QTest::addColumn<Transition>("transition");
    QTest::addColumn<ApplicationStatus>("expected");
    QTest::newRow("approve") << Transition::Approve << ApplicationStatus::Approved;
    QTest::newRow("reject") << Transition::Reject << ApplicationStatus::Rejected;
    QTest::newRow("cancel") << Transition::Cancel << ApplicationStatus::Cancelled;
}

void TestApplicationStateMachine::targetStatus()
{
    QFETCH(Transition, transition);
    QFETCH(ApplicationStatus, expected);
    QCOMPARE(ApplicationStateMachine::targetStatus(transition), expected);
    QVERIFY(ApplicationStateMachine::isTerminal(ApplicationStateMachine::targetStatus(transition)));
}

void TestApplicationStateMachine::isTerminal_data()
{
    QTest::addColumn<ApplicationStatus>("status");
    QTest::addColumn<bool>("terminal");
    QTest::newRow("pending_review") << ApplicationStatus::PendingReview << false;
    QTest::newRow("approved") << ApplicationStatus::Approved << true;
    QTest::newRow("rejected") << ApplicationStatus::Rejected << true;
    QTest::newRow("cancelled") << ApplicationStatus::Cancelled << true;
}

void TestApplicationStateMachine::isTerminal()
{
    QFETCH(ApplicationStatus, status);
    QFETCH(bool, terminal);
    QCOMPARE(ApplicationStateMachine::isTerminal(status), terminal);
}

QTEST_GUILESS_MAIN(TestApplicationStateMachine)
#include "tst_applicationstatemachine.moc"
