#pragma once

#include "application.h"

#include <QWizardPage>

class QLabel;

// The wizard's last page, after SubmitApplication accepted: the application is pending review.
// Finish shows it in the Vendor Voucher List; Close just closes the wizard.
class SubmittedPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SubmittedPage(QWidget *parent = nullptr);

    void setApplication(const Application &application, const QString &customerName);

private:
    QLabel *m_text;
};
