#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

// A channel partner of the vendor. Its quota pool caps the face value reviewers may issue to it.
struct Partner
{
    QUuid id;
    QString name;
    qint64 quotaMinor = 0;  // total of the quota pool
    qint64 issuedMinor = 0; // face value issued, less balances returned by invalidation
    QString currency;
    QDateTime createdAt;
    qint64 rev = 0;
};
