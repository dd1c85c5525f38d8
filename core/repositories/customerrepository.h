#pragma once

#include "core/domain/customer.h"

#include <QList>

#include <optional>

class Database;

struct CustomerFilter
{
    QUuid partnerId; // null: every partner's
    QString text;    // part of the name, or the start of the UIN
    bool eligibleOnly = false;
    bool ineligibleOnly = false; // the REST API's ?eligible=false
    int offset = 0;
    int limit = 200;
};

// Rows of `customers`. Throws StoreError.
class CustomerRepository
{
public:
    explicit CustomerRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<Customer> find(const QUuid &id) const;
    std::optional<QString> requestHash(const QUuid &id) const;
    bool uinTaken(const QUuid &partnerId, const QString &uin) const;
    QList<Customer> list(const CustomerFilter &filter) const;
    qint64 count(const CustomerFilter &filter) const;
    void insert(const Customer &customer, const QString &requestHash) const;
    // The rows whose rev is in (after, upTo], of one partner (every partner's when null): what
    // a page of the change feed (ChangeFeed) carries.
    QList<Customer> revised(qint64 after, qint64 upTo, const QUuid &partnerId = {}) const;

private:
    const Database &m_db;
};
