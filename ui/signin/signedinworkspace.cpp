#include "ui/signin/signedinworkspace.h"

#include "core/store/database.h"
#include "ui/signin/signindialog.h"

#include <QDir>

SignedInWorkspace::SignedInWorkspace(SignInDialog &dialog)
{
    if (!dialog.isServerMode()) {
        m_db = std::shared_ptr<Database>(dialog.takeDatabase());
        m_session = std::make_unique<Session>(*m_db, dialog.user());
        m_description =
            tr("Local workspace %1").arg(QDir::toNativeSeparators(dialog.workspacePath()));
        return;
    }
    const QUrl url = dialog.serverUrl();
    m_lock = dialog.serverOutcome().lock;
    m_db = dialog.serverOutcome().replica;
    m_session = std::make_unique<Session>(*m_db, dialog.user());
    m_session->setServer(url.toDisplayString());
    SyncEngine::Settings settings;
    settings.server = url;
    settings.token = dialog.serverOutcome().token;
    settings.trustedCertificate = dialog.trustedCertificate();
    settings.actor = m_session->actor();
    m_sync = std::make_unique<SyncController>(*m_session, settings);
    m_description = tr("Server %1").arg(url.toDisplayString());
}

SignedInWorkspace::~SignedInWorkspace()
{
    m_sync.reset();
    m_session.reset();
}
