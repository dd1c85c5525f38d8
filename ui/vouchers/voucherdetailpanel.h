#pragma once

#include "core/commands/session.h"
#include "ui/vouchers/voucherdetail.h"

#include <QUuid>
#include <QWidget>

#include <optional>

class DeductionTableModel;
class EmptyState;
class ProductScopeView;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class VoucherTimeline;

// The detail of one Vendor Voucher List row: timeline, product scope, usage records, balance,
// and the row's actions (Cancel review, Pay with voucher; for an admin, Invalidate voucher).
class VoucherDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VoucherDetailPanel(Session &session, QWidget *parent = nullptr);

    // Shows the application (and its voucher, once issued); a null id clears the panel.
    void showApplication(const QUuid &applicationId);
    QUuid applicationId() const { return m_applicationId; }

private:
    QWidget *createContent();
    void reload();
    void showNothing(const QString &title, const QString &hint);
    void showDetail(const VoucherDetail &detail);
    void showBalance(const VoucherDetail &detail);
    void showUsage(const VoucherDetail &detail);
    void updateActions();
    QString cancelRefusal() const;
    QString payRefusal() const;
    void cancelReview();
    void confirmCancel(const QUuid &applicationId, int expectedVersion);
    void payWithVoucher();
    QString invalidateRefusal() const;
    void invalidateVoucher();
    void confirmInvalidate(const QUuid &voucherId, const QString &code);
    void onSessionChanged(Session::Changes changes);
    void showMessage(const QString &message, bool error);
    void clearMessage();

    Session &m_session;
    QUuid m_applicationId;
    std::optional<VoucherDetail> m_detail;

    EmptyState *m_emptyState;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_cancelButton;
    QPushButton *m_payButton;
    QPushButton *m_invalidateButton;
    QLabel *m_message;
    VoucherTimeline *m_timeline;
    QLabel *m_balanceLabel;
    QProgressBar *m_balanceBar;
    ProductScopeView *m_scope;
    QGroupBox *m_usageBox;
    DeductionTableModel *m_usageModel;
    QTableView *m_usageView;
    EmptyState *m_usageEmpty;
};
