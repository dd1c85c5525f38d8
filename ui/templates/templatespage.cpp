#include "templatespage.h"

#include "session.h"

TemplatesPage::TemplatesPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
{}

QString TemplatesPage::title() const
{
    return tr("Vendor Voucher Application");
}

void TemplatesPage::refresh() {}
