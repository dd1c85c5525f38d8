#pragma once

class Database;

// A write transaction that rolls back unless commit() is reached (RAII, like KMyMoney's
// MyMoneyDbTransaction). Begins with the dialect's write lock. Throws StoreError on failure.
class SqlTransaction
{
public:
    explicit SqlTransaction(const Database &db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit();

    // Whether this thread has one open on db.
    static bool isOpen(const Database &db);

private:
    const Database &m_db;
    bool m_open = false;
};
