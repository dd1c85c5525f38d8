#include "customerspage.h"

#include "session.h"

CustomersPage::CustomersPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
{}

QString CustomersPage::title() const
{
    return tr("Customers");
}

void CustomersPage::refresh() {}
