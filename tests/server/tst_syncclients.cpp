// Two desktop clients on one real server: each signs in to its own replica (ServerSignIn), works
// through its session's commands (ReplicaCommandGateway → outbox) and keeps in step through its
// SyncController. The server stops mid-outbox and comes back; two reviewers race; a command the
// server refuses lands in Sync problems with the row back at the server's state.

#include "core/api/changefeed.h"
#include "core/commands/session.h"
#include "core/commands/templatecommands.h"
#include "core/demo/bulkvouchergenerator.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/applicationrepository.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/outbox.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"
#include "core/store/voucherlistindexes.h"
#include "core/sync/replicaapplier.h"
#include "core/sync/serversignin.h"
#include "core/sync/synccontroller.h"
#include "core/sync/syncproblemrepository.h"
#include "tests/support/apiclient.h"
#include "tests/support/resultmessage.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testworkspace.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

// One signed-in desktop client: its data folder, replica, session and sync.
struct Client
{
    QTemporaryDir folder;
    ServerSignIn::Outcome signIn;
    std::unique_ptr<Session> session;
    std::unique_ptr<SyncController> sync;

    Database &db() const { return *signIn.replica; }
    SyncStatus status() const { return sync->status(); }
    bool settled() const
    {
        const SyncStatus s = status();
        return s.connection == SyncStatus::Connection::Online && s.pending == 0 && !s.pulling &&
               s.lastSyncAt.isValid();
    }
};

SyncEngine::Settings syncSettings(const QUrl &server, const Client &client)
{
    SyncEngine::Settings settings;
    settings.server = server;
    settings.token = client.signIn.token;
    settings.actor = client.session->actor();
    settings.intervalMs = 60000; // rounds run on commands and syncNow() here
    settings.maxRetryMs = 300;
    return settings;
}

// Bulk vouchers of two partners in the workspace, issued up to its clock.
Result<qint64> generateVouchers(const TestWorkspace &ws, int vouchers, int customers)
{
    BulkOptions bulk;
    bulk.vouchers = vouchers;
    bulk.partners = 2;
    bulk.customers = customers;
    bulk.now = ws.now();
    return BulkVoucherGenerator(ws.db(), bulk).generate();
}

std::unique_ptr<Client> signIn(const QUrl &server, const QString &login)
{
    auto client = std::make_unique<Client>();
    ServerSignIn::Request request;
    request.server = server;
    request.login = login;
    request.password = u"password-"_s + login;
    request.dataFolder = client->folder.path();
    request.offlineCost = PasswordHasher::Cost::Minimal;
    client->signIn = ServerSignIn::run(request);
    if (!client->signIn.signedIn()) {
        qWarning() << "sign-in failed:" << client->signIn.message;
        return nullptr;
    }
    client->session = std::make_unique<Session>(client->db(), client->signIn.user);
    client->session->setServer(server.toString());
    client->sync =
        std::make_unique<SyncController>(*client->session, syncSettings(server, *client));
    return client;
}

// The rows the query selects, each as its columns' text, sorted here rather than by the
// database (PostgreSQL's collation is not SQLite's).
QStringList rowTexts(const Database &db, const QString &sql, int columns)
{
    QStringList rows;
    SqlStatement query = db.prepare(sql);
    query.exec();
    while (query.next()) {
        QStringList values;
        for (int c = 0; c < columns; ++c)
            values.append(query.text(c));
        rows.append(values.join(u'|'));
    }
    rows.sort();
    return rows;
}

// A table's (id, rev) pairs of the rows the query selects.
QStringList revisions(const Database &db, const QString &sql)
{
    return rowTexts(db, sql, 2);
}

int auditCount(const Database &db, const QString &action, const QUuid &id)
{
    SqlStatement query = db.prepare(u"SELECT COUNT(*) FROM audit_events WHERE action = :action "
                                    u"AND entity_id = :id"_s);
    query.bind(u":action"_s, action).bind(u":id"_s, id).exec();
    return query.next() ? query.integer(0) : -1;
}

// voucher_list's indexes, text table and triggers as the schema holds them.
QStringList listSchema(const Database &db)
{
    return rowTexts(db,
                    u"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
                    u"('voucher_list', 'voucher_list_text') AND sql IS NOT NULL"_s,
                    3);
}

// A replica's list after a first pull, which suspended its indexes and its text index: every
// index as a new store has it, the list pages read them, and the text index holds every row
// (FTS5's integrity-check with rank 1 compares it with the list) and finds a voucher by its code.
void verifyListIndexes(const Database &replica, const QUuid &partnerId)
{
    QVERIFY(VoucherListIndexes::isComplete(replica));
    QTemporaryDir folder;
    QString error;
    const auto fresh = Database::open(folder.filePath(u"fresh.db"_s), &error);
    QVERIFY2(fresh, qPrintable(error));
    QCOMPARE(listSchema(replica), listSchema(*fresh));

    QSqlQuery check(replica.connection());
    QVERIFY2(check.exec(u"INSERT INTO voucher_list_text (voucher_list_text, rank) "
                        u"VALUES ('integrity-check', 1)"_s),
             qPrintable(check.lastError().text()));

    const QStringList codes = rowTexts(
        replica, u"SELECT voucher_code FROM voucher_list WHERE voucher_code IS NOT NULL"_s, 1);
    QVERIFY(codes.size() > 100);
    VoucherListFilter filter;
    filter.partnerId = partnerId;
    filter.text = codes.at(codes.size() / 2).mid(2, 10);
    const QList<VoucherListRow> found =
        VoucherListQuery(replica, filter).page(0, 10, QDateTime::currentDateTimeUtc());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().voucherCode, codes.at(codes.size() / 2));

    VoucherListFilter partner;
    partner.partnerId = partnerId;
    // Every placeholder a number: the plan does not depend on the values.
    QString page = VoucherListQuery(replica, partner).pageSql();
    page.replace(QRegularExpression(u":[A-Za-z]+"_s), u"50"_s);
    QSqlQuery query(replica.connection());
    QVERIFY2(query.exec(u"EXPLAIN QUERY PLAN "_s + page), qPrintable(query.lastError().text()));
    QStringList steps;
    while (query.next())
        steps.append(query.value(3).toString());
    const QString plan = steps.join(u" | "_s);
    QVERIFY2(plan.contains(u"INDEX vl_partner_"_s), qPrintable(plan));
    QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
}

// Between a client and the server: forwards everything, except that it swallows the server's
// answer to the first request whose request line starts with each of `drops` and cuts that
// connection — the server applied the request, the client never hears so.
class AnswerDroppingProxy : public QObject
{
public:
    AnswerDroppingProxy(const QUrl &server, QStringList drops)
        : m_server(server)
        , m_drops(std::move(drops))
    {
        m_listener.listen(QHostAddress::LocalHost, 0);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_listener.nextPendingConnection())
                relay(client);
        });
    }

    QUrl url() const
    {
        QUrl url = m_server;
        url.setPort(m_listener.serverPort());
        return url;
    }
    int dropped() const { return m_dropped; }

private:
    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        auto *request = new QString; // the last request line seen on this connection
        connect(client, &QObject::destroyed, this, [request] { delete request; });
        upstream->connectToHost(m_server.host(), quint16(m_server.port()));
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, request] {
            const QByteArray data = client->readAll();
            static const QRegularExpression requestLine(u"^[A-Z]+ /[^\r\n]*"_s);
            if (const auto match = requestLine.match(QString::fromLatin1(data)); match.hasMatch())
                *request = match.captured(0);
            upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, request] {
            const QByteArray data = upstream->readAll();
            for (qsizetype i = 0; i < m_drops.size(); ++i) {
                if (request->startsWith(m_drops.at(i))) {
                    m_drops.removeAt(i);
                    ++m_dropped;
                    client->abort();
                    client->deleteLater();
                    return;
                }
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    }

    QTcpServer m_listener;
    QUrl m_server;
    QStringList m_drops;
    int m_dropped = 0;
};

} // namespace

class TestSyncClients : public QObject
{
    Q_OBJECT

private slots:
    void partnerAppliesReviewerApprovesPartnerSeesVoucher()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        auto reviewer = signIn(server.url(), u"reviewer"_s);
        QVERIFY(partner && reviewer);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(reviewer->settled(), kWaitMs);
        // The first pull brought the partner's own data only.
        QVERIFY(CustomerRepository(partner->db()).find(ws.customerA.id));
        QVERIFY(!CustomerRepository(partner->db()).find(ws.customerB.id));

        const auto created = partner->session->commands().createTemplate(
            TestWorkspace::templateDraft(u"Sync trial"_s, VoucherKind::Specific, 150000));
        QVERIFY2(created, resultMessage(created));
        SubmitApplicationRequest request;
        request.templateId = created.value().id;
        request.customerId = ws.customerA.id;
        request.scenario = u"Load test of CVM before a migration, two weeks."_s;
        const auto submitted = partner->session->commands().submitApplication(request);
        QVERIFY2(submitted, resultMessage(submitted));
        const QUuid applicationId = submitted.value().id;
        // At once in the replica, marked pending until the server has it.
        QVERIFY(
            partner->session->pendingIds().contains(applicationId.toString(QUuid::WithoutBraces)));
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QVERIFY(partner->session->pendingIds().isEmpty());
        const auto onServer = ApplicationRepository(ws.db()).find(applicationId);
        QVERIFY(onServer);
        QCOMPARE(onServer->status, ApplicationStatus::PendingReview);
        QVERIFY(TemplateRepository(ws.db()).find(created.value().id)->locked);

        reviewer->sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(ApplicationRepository(reviewer->db()).find(applicationId),
                                 kWaitMs);
        QSignalSpy changed(reviewer->session.get(), &Session::changed);
        const auto approved = reviewer->session->commands().approve(applicationId, u"Fine"_s);
        QVERIFY2(approved, resultMessage(approved));
        QCOMPARE(approved.value().status, ApplicationStatus::PendingReview); // the server decides
        QTRY_VERIFY_WITH_TIMEOUT(
            ApplicationRepository(reviewer->db()).find(applicationId)->status ==
                ApplicationStatus::Approved,
            kWaitMs);
        // The window hears of it through a queued signal, after the replica's commit.
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kWaitMs);

        partner->sync->syncNow();
        const QUuid voucherId = ApplicationRepository(ws.db()).find(applicationId)->voucherId;
        QVERIFY(!voucherId.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(VoucherRepository(partner->db()).find(voucherId), kWaitMs);
        const auto row = VoucherListQuery(partner->db(), {}).row(applicationId);
        QVERIFY(row);
        QCOMPARE(row->voucherCode, VoucherRepository(ws.db()).find(voucherId)->code);
        QCOMPARE(row->balanceMinor, 150000);
    }

    void outboxWaitsWhileServerIsDownAndAppliesOnce()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);

        server.kill();
        CommandGateway &commands = partner->session->commands();
        const auto first = commands.createTemplate(
            TestWorkspace::templateDraft(u"Offline one"_s, VoucherKind::Specific, 150000));
        QVERIFY2(first, resultMessage(first));
        Customer customer;
        customer.name = u"Offline Customer"_s;
        customer.uin = u"700000001"_s;
        const auto added = commands.addCustomer(customer);
        QVERIFY2(added, resultMessage(added));
        SubmitApplicationRequest request;
        request.templateId = first.value().id;
        request.customerId = added.value().id;
        request.scenario = u"Made while the server was down, for a trial."_s;
        const auto submitted = commands.submitApplication(request);
        QVERIFY2(submitted, resultMessage(submitted));
        QTRY_COMPARE_WITH_TIMEOUT(partner->status().connection, SyncStatus::Connection::Offline,
                                  kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(partner->status().pending, 3, kWaitMs);
        // The replica already shows them, the application in the Vendor Voucher List.
        QVERIFY(VoucherListQuery(partner->db(), {}).row(submitted.value().id));

        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QCOMPARE(auditCount(ws.db(), u"CreateTemplate"_s, first.value().id), 1);
        QCOMPARE(auditCount(ws.db(), u"AddCustomer"_s, added.value().id), 1);
        QCOMPARE(auditCount(ws.db(), u"SubmitApplication"_s, submitted.value().id), 1);
        QCOMPARE(ApplicationRepository(ws.db()).find(submitted.value().id)->customerId,
                 added.value().id);
        QCOMPARE(SyncProblemRepository(partner->db()).openCount(), 0);
    }

    void lostAnswersAreNotAppliedTwice()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        AnswerDroppingProxy proxy(server.url(),
                                  {u"POST /api/v1/templates "_s, u"PUT /api/v1/templates/"_s,
                                   u"POST /api/v1/applications/"_s});
        auto partner = signIn(proxy.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);

        CommandGateway &commands = partner->session->commands();
        const auto created = commands.createTemplate(
            TestWorkspace::templateDraft(u"Lost answers"_s, VoucherKind::Specific, 150000));
        QVERIFY2(created, resultMessage(created));
        VoucherTemplate edited = created.value();
        edited.name = u"Lost answers, edited"_s;
        const auto updated = commands.updateTemplate(edited, created.value().version);
        QVERIFY2(updated, resultMessage(updated));
        SubmitApplicationRequest request;
        request.templateId = created.value().id;
        request.customerId = ws.customerA.id;
        request.scenario = u"A resent cancel must not become a refusal."_s;
        const auto submitted = commands.submitApplication(request);
        QVERIFY2(submitted, resultMessage(submitted));
        const auto cancelled = commands.cancelApplication(submitted.value().id);
        QVERIFY2(cancelled, resultMessage(cancelled));

        QTRY_VERIFY_WITH_TIMEOUT(partner->settled() && proxy.dropped() == 3, kWaitMs);
        QCOMPARE(SyncProblemRepository(partner->db()).openCount(), 0);
        const QUuid templateId = created.value().id;
        QCOMPARE(auditCount(ws.db(), u"CreateTemplate"_s, templateId), 1);
        QCOMPARE(auditCount(ws.db(), u"UpdateTemplate"_s, templateId), 1);
        QCOMPARE(auditCount(ws.db(), u"SubmitApplication"_s, submitted.value().id), 1);
        QCOMPARE(auditCount(ws.db(), u"CancelApplication"_s, submitted.value().id), 1);
        QCOMPARE(TemplateRepository(ws.db()).find(templateId)->name, edited.name);
        QCOMPARE(TemplateRepository(partner->db()).find(templateId)->name, edited.name);
        QCOMPARE(ApplicationRepository(partner->db()).find(submitted.value().id)->status,
                 ApplicationStatus::Cancelled);
    }

    void laterChangesOnARefusedRowAreNotSent()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        const VoucherTemplate shared = ws.createTemplate(u"Shared"_s);
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);

        // Two edits offline, while a colleague edits the same template on the server.
        server.kill();
        CommandGateway &commands = partner->session->commands();
        VoucherTemplate mine = *TemplateRepository(partner->db()).find(shared.id);
        mine.note = u"first offline edit"_s;
        const auto first = commands.updateTemplate(mine, mine.version);
        QVERIFY2(first, resultMessage(first));
        mine = first.value();
        mine.note = u"second offline edit"_s;
        QVERIFY(commands.updateTemplate(mine, mine.version));
        VoucherTemplate theirs = shared;
        theirs.note = u"colleague's edit"_s;
        auto colleague = ws.context(ws.managerA);
        QVERIFY(TemplateCommands(*colleague).updateTemplate(theirs, shared.version));

        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        partner->sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled() && partner->status().problems == 2, kWaitMs);
        // The colleague's edit stands, on the server and in the replica.
        QCOMPARE(TemplateRepository(ws.db()).find(shared.id)->note, u"colleague's edit"_s);
        QCOMPARE(TemplateRepository(partner->db()).find(shared.id)->note, u"colleague's edit"_s);
        const QList<SyncProblem> problems = SyncProblemRepository(partner->db()).list();
        QStringList codes;
        for (const SyncProblem &problem : problems)
            codes.append(problem.code);
        codes.sort();
        QCOMPARE(codes, (QStringList{u"FailedOperation.EarlierChangeRefused"_s,
                                     u"FailedOperation.VersionConflict"_s}));
    }

    void revokedSignInStopsSyncAndKeepsTheOutbox()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        ApiClient api(server.url());
        api.setToken(partner->signIn.token);
        QCOMPARE(api.post(u"/api/v1/auth/logout"_s, {}).status, 204);

        const auto created = partner->session->commands().createTemplate(
            TestWorkspace::templateDraft(u"After logout"_s));
        QVERIFY2(created, resultMessage(created));
        QTRY_COMPARE_WITH_TIMEOUT(partner->status().connection, SyncStatus::Connection::SignedOut,
                                  kWaitMs);
        QCOMPARE(partner->status().pending, 1);
        QVERIFY(!partner->status().lastError.isEmpty());
        QVERIFY(!TemplateRepository(ws.db()).find(created.value().id));
    }

    void secondReviewerSeesTheFirstDecision()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        QByteArray output;
        QCOMPARE(ServerProcess::runCommand({u"user"_s, u"add"_s, u"--db"_s, ws.path(), u"--login"_s,
                                            u"reviewer2"_s, u"--role"_s, u"reviewer"_s,
                                            u"--password-stdin"_s},
                                           "password-reviewer2\n", &output),
                 0);
        const QUuid applicationId = ws.submit(ws.createTemplate(u"Raced"_s).id);
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto first = signIn(server.url(), u"reviewer"_s);
        auto second = signIn(server.url(), u"reviewer2"_s);
        QVERIFY(first && second);
        QTRY_VERIFY_WITH_TIMEOUT(first->settled() && second->settled(), kWaitMs);

        QVERIFY(first->session->commands().approve(applicationId));
        QTRY_VERIFY_WITH_TIMEOUT(first->settled(), kWaitMs);
        // The second reviewer decides on what its replica still shows as pending.
        QVERIFY(second->session->commands().reject(applicationId, u"Scenario too vague"_s));
        QTRY_VERIFY_WITH_TIMEOUT(second->status().problems == 1 && second->status().pending == 0,
                                 kWaitMs);
        const QList<SyncProblem> problems = SyncProblemRepository(second->db()).list();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().code, u"FailedOperation.ApplicationNotPending"_s);
        QCOMPARE(problems.first().command, u"reject"_s);
        const auto seen = ApplicationRepository(second->db()).find(applicationId);
        QCOMPARE(seen->status, ApplicationStatus::Approved);
        QCOMPARE(seen->reviewerId, first->session->user().id);
        const auto truth = ApplicationRepository(ws.db()).find(applicationId);
        QCOMPARE(truth->status, ApplicationStatus::Approved);
        QVERIFY(truth->rejectReason.isEmpty());
    }

    // Thousands of changes: the pages after the first are read ahead and written several to a
    // transaction. Stopped midway, the replica holds exactly the rows up to its cursor (a page
    // boundary); started again, it carries on from there and ends as the server.
    void aLongFirstPullStopsAtAPageBoundaryAndResumes()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        const auto generated = generateVouchers(ws, 10000, 200);
        QVERIFY2(generated, resultMessage(generated));
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->status().received >= 1000 || partner->settled(), kWaitMs);
        partner->sync.reset();

        const QString own = u"'"_s + ws.partnerA.id.toString(QUuid::WithoutBraces) + u"'"_s;
        const qint64 cursor = ReplicaApplier(partner->db()).cursor();
        QVERIFY(cursor > 0);
        // Stopped midway, the first pull left the list's indexes suspended for the next one
        // (ended, it may have built them or been stopped before).
        if (!ChangeFeed(ws.db(), ws.managerA).after(cursor, 1, ws.now()).changes.isEmpty())
            QVERIFY(!VoucherListIndexes::isComplete(partner->db()));
        const QStringList tables = {u"customers"_s, u"applications"_s, u"vouchers"_s,
                                    u"deductions"_s};
        auto serverRows = [&](const QString &table, qint64 upTo) {
            const QString where = table == u"deductions"_s
                                      ? u"voucher_id IN (SELECT id FROM vouchers WHERE "
                                        u"partner_id = %1)"_s.arg(own)
                                      : u"partner_id = "_s + own;
            return revisions(
                ws.db(),
                u"SELECT id, rev FROM %1 WHERE %2 AND rev <= %3"_s.arg(table, where).arg(upTo));
        };
        for (const QString &table : tables) {
            QCOMPARE(revisions(partner->db(), u"SELECT id, rev FROM %1"_s.arg(table)),
                     serverRows(table, cursor));
        }

        partner->sync = std::make_unique<SyncController>(*partner->session,
                                                         syncSettings(server.url(), *partner));
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        // (A machine fast enough may have ended the first pull before it was stopped.)
        QVERIFY(ReplicaApplier(partner->db()).cursor() >= cursor);
        const qint64 all = std::numeric_limits<qint64>::max();
        for (const QString &table : tables) {
            const QStringList expected = serverRows(table, all);
            QVERIFY(expected.size() > 10);
            QCOMPARE(revisions(partner->db(), u"SELECT id, rev FROM %1"_s.arg(table)), expected);
        }
        QVERIFY(rowTexts(partner->db(), u"SELECT id FROM vouchers"_s, 1).size() > 4000);
        // The Vendor Voucher List as the server's commands keep it (a null as '-' in both).
        const QString listed =
            u"SELECT application_id, phase, COALESCE(CAST(balance_minor AS TEXT), '-'), "
            u"COALESCE(voucher_code, '-'), customer_name, template_name FROM voucher_list %1"_s;
        QCOMPARE(rowTexts(partner->db(), listed.arg(QString()), 6),
                 rowTexts(ws.db(), listed.arg(u"WHERE partner_id = "_s + own), 6));
        verifyListIndexes(partner->db(), ws.partnerA.id);
    }

    // A first pull of several pages suspends the list's indexes in its first transaction and
    // builds them when it ends, before it reports the pull done.
    void aFirstPullBuildsTheListIndexesWhenItEnds()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        const auto generated = generateVouchers(ws, 3000, 100);
        QVERIFY2(generated, resultMessage(generated));
        ServerProcess server;
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);
        QVERIFY(partner->status().received > 2000); // more than a page
        verifyListIndexes(partner->db(), ws.partnerA.id);
    }

    void refusedCommandReturnsRowToServerState()
    {
        TestWorkspace ws;
        QVERIFY(ws.isValid());
        ServerProcess server;
        server.setPort(ServerProcess::freeLoopbackPort());
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        auto partner = signIn(server.url(), u"manager.a"_s);
        QVERIFY(partner);
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled(), kWaitMs);

        // Offline, the replica accepts a name that another client takes on the server meanwhile.
        server.kill();
        const auto mine = partner->session->commands().createTemplate(
            TestWorkspace::templateDraft(u"Taken"_s, VoucherKind::Specific, 150000));
        QVERIFY2(mine, resultMessage(mine));
        ws.createTemplate(u"taken"_s);
        QVERIFY2(server.start(ws.path()), qPrintable(server.errorMessage()));
        partner->sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(partner->settled() && partner->status().problems == 1, kWaitMs);
        const SyncProblem problem = SyncProblemRepository(partner->db()).list().first();
        QCOMPARE(problem.code, u"FailedOperation.DuplicateName"_s);
        QCOMPARE(problem.label, u"Taken"_s);
        QVERIFY(!problem.message.isEmpty());
        QVERIFY(!problem.requestId.isEmpty());
        // Back to the server's state: the refused template is gone, the server's is there (the
        // round may still be pulling it: the outbox settles before the pull).
        QVERIFY(!TemplateRepository(partner->db()).find(mine.value().id));
        TemplateFilter filter;
        filter.nameContains = u"taken"_s;
        QTRY_COMPARE_WITH_TIMEOUT(TemplateRepository(partner->db()).list(filter).size(), 1,
                                  kWaitMs);
        QCOMPARE(Outbox(partner->db()).count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncClients)
#include "tst_syncclients.moc"
