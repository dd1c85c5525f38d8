#include "voucherdetailpanel.h"

#include "session.h"

VoucherDetailPanel::VoucherDetailPanel(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{}

void VoucherDetailPanel::showApplication(const QUuid &applicationId)
{
    m_applicationId = applicationId;
}
