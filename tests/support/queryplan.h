#pragma once

#include <QString>

class Database;

// The steps of the store's plan (SQLite's EXPLAIN QUERY PLAN) for `sql`, joined by " / ". The
// plan does not depend on the values: every placeholder becomes a number. The text of an error
// when the store refuses the statement.
class QueryPlan
{
public:
    static QString of(const Database &db, QString sql);
};
