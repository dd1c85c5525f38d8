#include "core/commands/applicationcommands.h"
#include "core/repositories/applicationrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The list reads of ApplicationRepository behind GET /applications: filtered by status and
// partner, latest submission first, paged, and counted with the same filter.
class TestApplicationRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void listsLatestFirst();
    void filtersByStatus();
    void filtersByPartner();
    void pages();
    void countsWithTheSameFilter();

private:
    QList<QUuid> ids(const QList<Application> &applications) const;

    std::unique_ptr<TestWorkspace> m_ws;
    // Submitted in this order, one hour apart: A1 (approved), A2 (cancelled), B1, A3.
    QUuid m_a1, m_a2, m_b1, m_a3;
};

void TestApplicationRepository::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    const QUuid templateA = m_ws->createTemplate(u"Trial"_s).id;
    const QUuid templateB =
        m_ws->createTemplate(u"Trial B"_s, VoucherKind::Specific, 100000, &m_ws->managerB).id;
    m_a1 = m_ws->submit(templateA);
    m_ws->advance(3600);
    m_a2 = m_ws->submit(templateA);
    m_ws->advance(3600);
    m_b1 = m_ws->submit(templateB, &m_ws->managerB, &m_ws->customerB);
    m_ws->advance(3600);
    m_a3 = m_ws->submit(templateA);
    m_ws->approve(m_a1);
    auto manager = m_ws->context(m_ws->managerA);
    const auto cancelled = ApplicationCommands(*manager).cancelApplication(m_a2);
    QVERIFY2(cancelled, resultMessage(cancelled));
}

QList<QUuid> TestApplicationRepository::ids(const QList<Application> &applications) const
{
    QList<QUuid> result;
    for (const Application &application : applications)
        result.append(application.id);
    return result;
}

void TestApplicationRepository::listsLatestFirst()
{
    const ApplicationRepository repository(m_ws->db());
    const QList<Application> all = repository.list(std::nullopt);
    QCOMPARE(ids(all), (QList<QUuid>{m_a3, m_b1, m_a2, m_a1}));
    // Whole rows, template snapshot included.
    QCOMPARE(all.last().status, ApplicationStatus::Approved);
    QVERIFY(!all.last().voucherId.isNull());
    QCOMPARE(all.last().templateSnapshot.name, u"Trial"_s);
}

void TestApplicationRepository::filtersByStatus()
{
    const ApplicationRepository repository(m_ws->db());
    QCOMPARE(ids(repository.list(ApplicationStatus::PendingReview)), (QList<QUuid>{m_a3, m_b1}));
    QCOMPARE(ids(repository.list(ApplicationStatus::Approved)), QList<QUuid>{m_a1});
    QCOMPARE(ids(repository.list(ApplicationStatus::Cancelled)), QList<QUuid>{m_a2});
    QVERIFY(repository.list(ApplicationStatus::Rejected).isEmpty());
}

void TestApplicationRepository::filtersByPartner()
{
    const ApplicationRepository repository(m_ws->db());
    QCOMPARE(ids(repository.list(std::nullopt, m_ws->partnerA.id)),
             (QList<QUuid>{m_a3, m_a2, m_a1}));
    QCOMPARE(ids(repository.list(std::nullopt, m_ws->partnerB.id)), QList<QUuid>{m_b1});
    QCOMPARE(ids(repository.list(ApplicationStatus::PendingReview, m_ws->partnerA.id)),
             QList<QUuid>{m_a3});
    QVERIFY(repository.list(ApplicationStatus::Approved, m_ws->partnerB.id).isEmpty());
}

void TestApplicationRepository::pages()
{
    const ApplicationRepository repository(m_ws->db());
    QCOMPARE(ids(repository.list(std::nullopt, {}, 2, 0)), (QList<QUuid>{m_a3, m_b1}));
    QCOMPARE(ids(repository.list(std::nullopt, {}, 2, 2)), (QList<QUuid>{m_a2, m_a1}));
    QVERIFY(repository.list(std::nullopt, {}, 2, 4).isEmpty());
    QCOMPARE(ids(repository.list(std::nullopt, m_ws->partnerA.id, 1, 1)), QList<QUuid>{m_a2});
}

void TestApplicationRepository::countsWithTheSameFilter()
{
    const ApplicationRepository repository(m_ws->db());
    QCOMPARE(repository.count(std::nullopt), 4);
    QCOMPARE(repository.count(std::nullopt, m_ws->partnerA.id), 3);
    QCOMPARE(repository.count(ApplicationStatus::PendingReview), 2);
    QCOMPARE(repository.count(ApplicationStatus::PendingReview, m_ws->partnerB.id), 1);
    QCOMPARE(repository.count(ApplicationStatus::Rejected), 0);
}

QTEST_GUILESS_MAIN(TestApplicationRepository)
#include "tst_applicationrepository.moc"
