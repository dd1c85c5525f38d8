#pragma once

#include <QUuid>
#include <QWizard>

class Session;

// Apply for a voucher: template → eligible customer → testing scenario → summary with the
// expected review date → submit (SubmitApplication).
class ApplicationWizard : public QWizard
{
    Q_OBJECT

public:
    // `templateId` preselects a template (the Apply action of the templates page).
    explicit ApplicationWizard(Session &session, const QUuid &templateId = {},
                               QWidget *parent = nullptr);

    // The submitted application, once the wizard was accepted.
    QUuid applicationId() const { return m_applicationId; }

private:
    Session &m_session;
    QUuid m_applicationId;
};
