// A server workspace's commands (ReplicaCommandGateway): a partner's command changes the replica
// and joins the outbox in one transaction, with the request the server needs; a refused one
// leaves neither; the vendor's decisions only join the outbox, once.

#include "core/repositories/applicationrepository.h"
#include "core/repositories/outbox.h"
#include "core/repositories/templaterepository.h"
#include "core/store/database.h"
#include "core/sync/replicacommandgateway.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestReplicaCommandGateway : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestWorkspace> m_ws;
    int m_queued = 0;

    std::unique_ptr<ReplicaCommandGateway> gateway(const CommandContext &context)
    {
        return std::make_unique<ReplicaCommandGateway>(context, [this] { ++m_queued; });
    }
    QString id(const QUuid &uuid) { return uuid.toString(QUuid::WithoutBraces); }

private slots:
    void init()
    {
        m_ws = std::make_unique<TestWorkspace>();
        QVERIFY(m_ws->isValid());
        m_queued = 0;
    }

    void partnerCommandsChangeTheReplicaAndJoinTheOutbox()
    {
        const auto context = m_ws->context(m_ws->managerA);
        const auto commands = gateway(*context);
        const auto created = commands->createTemplate(TestWorkspace::templateDraft(u"Queued"_s));
        QVERIFY2(created, resultMessage(created));
        QVERIFY(TemplateRepository(m_ws->db()).find(created.value().id));
        SubmitApplicationRequest request;
        request.templateId = created.value().id;
        request.customerId = m_ws->customerA.id;
        request.scenario = u"Queued for the server while it is away."_s;
        const auto submitted = commands->submitApplication(request);
        QVERIFY2(submitted, resultMessage(submitted));
        QCOMPARE(m_queued, 2);

        const QList<OutboxEntry> entries = Outbox(m_ws->db()).all();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).method, QByteArray("POST"));
        QCOMPARE(entries.at(0).path, u"/api/v1/templates"_s);
        const QJsonObject body = QJsonDocument::fromJson(entries.at(0).body).object();
        QCOMPARE(body.value(u"id"_s).toString(), id(created.value().id));
        QCOMPARE(body.value(u"faceValueMinor"_s).toInteger(), 100000);
        QCOMPARE(entries.at(1).path, u"/api/v1/applications"_s);
        QCOMPARE(entries.at(1).rows, (QList<RowRef>{{u"application"_s, id(submitted.value().id)},
                                                    {u"template"_s, id(created.value().id)}}));
        QVERIFY(entries.at(0).seq < entries.at(1).seq);
        QVERIFY(Outbox(m_ws->db()).pendingIds().contains(id(submitted.value().id)));

        // An edit carries the version it was made on.
        const auto copy = commands->duplicateTemplate(created.value().id, {});
        QVERIFY2(copy, resultMessage(copy));
        VoucherTemplate edited = copy.value();
        edited.note = u"edited offline"_s;
        QVERIFY(commands->updateTemplate(edited, copy.value().version));
        const OutboxEntry update = Outbox(m_ws->db()).all().constLast();
        QCOMPARE(update.method, QByteArray("PUT"));
        QCOMPARE(update.ifMatch, QByteArray::number(copy.value().version));
    }

    void aRefusedCommandLeavesNothing()
    {
        const auto context = m_ws->context(m_ws->managerA);
        const auto commands = gateway(*context);
        VoucherTemplate bad = TestWorkspace::templateDraft(u"Bad"_s);
        bad.faceValueMinor = 0;
        QVERIFY(!commands->createTemplate(bad));
        QCOMPARE(Outbox(m_ws->db()).count(), 0);
        QCOMPARE(m_queued, 0);
        TemplateFilter byName;
        byName.nameContains = u"Bad"_s;
        QVERIFY(TemplateRepository(m_ws->db()).list(byName).isEmpty());
    }

    void decisionsOnlyJoinTheOutboxOnce()
    {
        const QUuid applicationId = m_ws->submit(m_ws->createTemplate(u"Decide"_s).id);
        const auto context = m_ws->context(m_ws->reviewer);
        const auto commands = gateway(*context);
        QVERIFY(commands->defersDecisions());
        const auto rejectedEmpty = commands->reject(applicationId, u"  "_s);
        QVERIFY(!rejectedEmpty);
        QCOMPARE(rejectedEmpty.error().code(), u"InvalidParameter.Reason"_s);
        const auto approved = commands->approve(applicationId, u"fine"_s);
        QVERIFY2(approved, resultMessage(approved));
        QCOMPARE(ApplicationRepository(m_ws->db()).find(applicationId)->status,
                 ApplicationStatus::PendingReview);
        const auto again = commands->reject(applicationId, u"Scenario too vague"_s);
        QVERIFY(!again);
        QCOMPARE(Outbox(m_ws->db()).count(), 1);
        const OutboxEntry entry = Outbox(m_ws->db()).all().constFirst();
        QCOMPARE(entry.path, u"/api/v1/applications/%1/approve"_s.arg(id(applicationId)));
        QCOMPARE(QJsonDocument::fromJson(entry.body).object().value(u"comment"_s).toString(),
                 u"fine"_s);

        // A partner manager may not decide, even into the outbox.
        const auto partner = m_ws->context(m_ws->managerA);
        QVERIFY(!gateway(*partner)->approve(applicationId));
        QCOMPARE(Outbox(m_ws->db()).count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReplicaCommandGateway)
#include "tst_replicacommandgateway.moc"
