#include "applicationwizard.h"

#include "session.h"

ApplicationWizard::ApplicationWizard(Session &session, const QUuid &templateId, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
{
    Q_UNUSED(templateId)
    setWindowTitle(tr("Apply for a Vendor Voucher"));
}
