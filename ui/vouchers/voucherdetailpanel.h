#pragma once

#include <QUuid>
#include <QWidget>

class Session;

// The detail of one Vendor Voucher List row: timeline, product scope, usage records, balance,
// and the row's actions (Cancel review, Pay with voucher).
class VoucherDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VoucherDetailPanel(Session &session, QWidget *parent = nullptr);

    // Shows the application (and its voucher, once issued); a null id clears the panel.
    void showApplication(const QUuid &applicationId);
    QUuid applicationId() const { return m_applicationId; }

private:
    Session &m_session;
    QUuid m_applicationId;
};
