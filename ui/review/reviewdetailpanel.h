#pragma once

#include "core/queries/reviewqueuequery.h"

#include <QWidget>

#include <optional>

class EmptyState;
class QFormLayout;
class QLabel;
class Session;

// What a reviewer weighs before deciding one application: the scenario, the template snapshot,
// the customer, the partner's quota pool and recent decisions, and where the application stands
// (pending, a decision sent to the server, or decided: by whom, when, why).
class ReviewDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewDetailPanel(Session &session, QWidget *parent = nullptr);

    // Reads and shows the application in whatever status it is now; a null id clears the panel.
    // `sent`: its decision went to the server and has not come back.
    void showApplication(const QUuid &applicationId, bool sent = false);
    // Reads the shown application again.
    void reload();
    QUuid applicationId() const { return m_applicationId; }
    const std::optional<ReviewQueueDetail> &detail() const { return m_detail; }
    // Pending review, and no decision of this window on its way to the server.
    bool isDecidable() const;
    // What the status line says: "Approved by rev2 at 27 Nov 2026 14:03", "Rejected: …".
    QString statusText() const;

    // The outcome of a decided application in one line; empty while it is pending.
    static QString decisionText(const ReviewQueueDetail &detail);

private:
    QWidget *createContent();
    void showNothing(const QString &title, const QString &hint);
    void showDetail(const ReviewQueueDetail &detail);
    void showSnapshot(const VoucherTemplate &snapshot);
    void showPartner(const ReviewQueueDetail &detail);
    void updateStatus();
    static QLabel *valueLabel(const QString &objectName);

    Session &m_session;
    QUuid m_applicationId;
    bool m_sent = false;
    std::optional<ReviewQueueDetail> m_detail;

    EmptyState *m_emptyState;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_scenario;
    QLabel *m_kind;
    QLabel *m_faceValue;
    QLabel *m_validity;
    QLabel *m_payMode;
    QLabel *m_minSpend;
    QLabel *m_products;
    QLabel *m_customerName;
    QLabel *m_uin;
    QLabel *m_eligible;
    QLabel *m_partnerName;
    QLabel *m_quota;
    QLabel *m_recent;
    QLabel *m_dates;
};
