#include "voucherlistpage.h"

#include "session.h"

VoucherListPage::VoucherListPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
{}

QString VoucherListPage::title() const
{
    return tr("Vendor Voucher List");
}

void VoucherListPage::refresh() {}
