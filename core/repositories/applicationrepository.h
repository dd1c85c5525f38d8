#pragma once

#include "core/domain/application.h"

#include <QList>

#include <optional>

class Database;

// Rows of `applications`. Throws StoreError.
class ApplicationRepository
{
public:
    explicit ApplicationRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<Application> find(const QUuid &id) const;
    std::optional<QString> requestHash(const QUuid &id) const;
    // Pending applications of every partner (or one), the earliest review deadline first.
    QList<Application> reviewQueue(const QUuid &partnerId = {}, int limit = 200,
                                   int offset = 0) const;
    qint64 countByStatus(ApplicationStatus status, const QUuid &partnerId = {}) const;
    // Applications of every partner (or one), in any status (or one), the latest submission
    // first: what GET /applications pages through.
    QList<Application> list(std::optional<ApplicationStatus> status, const QUuid &partnerId = {},
                            int limit = 200, int offset = 0) const;
    qint64 count(std::optional<ApplicationStatus> status, const QUuid &partnerId = {}) const;

    void insert(const Application &application, const QString &requestHash) const;
    // Moves the application out of pending_review, writing the decision fields of `decided`, if
    // it is still pending (and at expectedVersion when that is > 0). True if this call did it.
    bool transition(const Application &decided, int expectedVersion) const;
    // The rows whose rev is in (after, upTo], of one partner (every partner's when null): what
    // a page of the change feed (ChangeFeed) carries.
    QList<Application> revised(qint64 after, qint64 upTo, const QUuid &partnerId = {}) const;

private:
    const Database &m_db;
};
