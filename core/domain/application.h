#pragma once

#include "core/domain/applicationstatus.h"
#include "core/domain/vouchertemplate.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

// A partner's request that the vendor fund one voucher from a template for one customer's
// product-testing scenario.
struct Application
{
    QUuid id; // chosen by the client, so that a retried submission is the same submission
    QUuid partnerId;
    QUuid templateId;
    VoucherTemplate templateSnapshot; // the template as it was when submitted
    QUuid customerId;
    QString scenario;
    ApplicationStatus status = ApplicationStatus::PendingReview;
    QDateTime submittedAt;
    QDateTime reviewDueAt;
    QUuid submittedBy;
    QUuid reviewerId;
    QDateTime reviewedAt;
    QString reviewComment;
    QString rejectReason;
    QDateTime cancelledAt;
    QUuid voucherId; // set once approved
    int version = 1;
    qint64 rev = 0;

    static constexpr int MinScenarioLength = 10;
    static constexpr int MaxScenarioLength = 1000;
    static constexpr int MaxCommentLength = 500;
    static constexpr int MaxRejectReasonLength = 500;
};
