#include "core/sync/synccontroller.h"

#include "core/commands/session.h"
#include "core/repositories/outbox.h"
#include "core/store/database.h"
#include "core/sync/replicacommandgateway.h"
#include "core/sync/syncproblemrepository.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

SyncController::SyncController(Session &session, SyncEngine::Settings settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_server(settings.server)
    , m_engine(new SyncEngine(session.db(), std::move(settings)))
{
    qRegisterMetaType<SyncStatus>();
    // The session may outlive this controller (its commands then just wait in the outbox).
    m_session.setCommands(std::make_unique<ReplicaCommandGateway>(
        m_session.context(), [controller = QPointer<SyncController>(this)] {
            if (controller)
                controller->commandQueued();
        }));
    m_engine->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("sync"));
    connect(&m_thread, &QThread::started, m_engine, &SyncEngine::start);
    // Its timer and network objects belong to that thread: they go with it.
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::statusChanged, this, &SyncController::engineStatus);
    connect(m_engine, &SyncEngine::replicaChanged, this,
            [this](int changes) { m_session.notifyChanged(Session::Changes::fromInt(changes)); });
    refreshCounts();
    m_thread.start();
}

SyncController::~SyncController()
{
    m_engine->stop();
    m_thread.quit();
    m_thread.wait();
}

QList<SyncProblem> SyncController::problems() const
{
    try {
        return SyncProblemRepository(m_session.db()).list();
    } catch (const StoreError &error) {
        qCWarning(lcSync) << "reading sync problems failed:" << error.what();
        return {};
    }
}

void SyncController::dismissProblem(qint64 id)
{
    m_session.db().write([&]() -> Result<void> {
        SyncProblemRepository(m_session.db()).dismiss(id);
        return {};
    });
    refreshCounts();
    emit statusChanged(m_status);
}

void SyncController::dismissAllProblems()
{
    m_session.db().write([&]() -> Result<void> {
        SyncProblemRepository(m_session.db()).dismissAll();
        return {};
    });
    refreshCounts();
    emit statusChanged(m_status);
}

void SyncController::syncNow()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncController::commandQueued()
{
    refreshCounts();
    emit statusChanged(m_status);
    syncNow();
}

void SyncController::engineStatus(const SyncStatus &status)
{
    m_status = status;
    emit statusChanged(m_status);
}

void SyncController::refreshCounts()
{
    try {
        m_status.pending = Outbox(m_session.db()).count();
        m_status.problems = SyncProblemRepository(m_session.db()).openCount();
    } catch (const StoreError &error) {
        qCWarning(lcSync) << "reading the outbox failed:" << error.what();
    }
}
