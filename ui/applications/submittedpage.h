#pragma once

#include "core/domain/application.h"

#include <QWizardPage>

class QLabel;
class Session;

// The wizard's last page, after SubmitApplication accepted: the application is pending review.
// Finish shows it in the Vendor Voucher List; Close just closes the wizard.
class SubmittedPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SubmittedPage(Session &session, QWidget *parent = nullptr);

    void setApplication(const Application &application, const QString &customerName);

private:
    Session &m_session;
    QLabel *m_text;
};
