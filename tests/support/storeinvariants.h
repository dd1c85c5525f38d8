#pragma once

class Database;

// Everything the commands and the data generators promise to keep consistent in a store (SQLite),
// checked over the whole store: one voucher per approved application and back, applications on
// their own partner's customers and templates, used templates locked, unique well-formed codes,
// balances that match their deductions, blocklist snapshots of the revision in effect, quota
// pools that match their vouchers, a voucher list in step, decision times, foreign keys.
// A QtTest check: call it from a test function, then test QTest::currentTestFailed().
class StoreInvariants
{
public:
    static void verify(const Database &db);
};
