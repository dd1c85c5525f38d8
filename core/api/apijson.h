#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

struct Application;
struct BlocklistRevision;
struct Customer;
struct Deduction;
class JsonWriter;
struct Partner;
struct Product;
struct User;
struct Voucher;
struct VoucherListRow;
struct VoucherTemplate;

// The REST API's representation of each entity (DESIGN.md section 4): the fields of the domain
// plus the computed ones, ids as UUID text, times as UTC ISO 8601 with milliseconds, money as
// integers of minor units beside `currency`, enums by their API names, null for "not set".
class ApiJson
{
public:
    static QJsonObject toJson(const Customer &customer);
    static QJsonObject toJson(const VoucherTemplate &voucherTemplate);
    // templateSnapshot is the template's own representation.
    static QJsonObject toJson(const Application &application);
    // With `status` at `now`.
    static QJsonObject toJson(const Voucher &voucher, const QDateTime &now);
    static QJsonObject toJson(const Deduction &deduction);
    // With issuedMinor and remainingMinor of its quota pool.
    static QJsonObject toJson(const Partner &partner);
    // Never the password hash.
    static QJsonObject toJson(const User &user);
    static QJsonObject toJson(const Product &product);
    static QJsonObject toJson(const BlocklistRevision &revision);
    // An item of GET /vouchers, with `status` at `now`.
    static QJsonObject toJson(const VoucherListRow &row, const QDateTime &now);
    // The same item written straight into a page's body, byte for byte what QJsonDocument
    // prints for toJson(row, now), without the QJsonObject: a page of 50 rows takes ~22 µs of
    // CPU instead of ~320 µs.
    static void write(JsonWriter &json, const VoucherListRow &row, const QDateTime &now);
    // Each entity of the change feed written the same way: byte for byte what QJsonDocument
    // prints for its toJson, without building the QJsonObject (most of a feed page's CPU).
    static void write(JsonWriter &json, const Customer &customer);
    static void write(JsonWriter &json, const VoucherTemplate &voucherTemplate);
    static void write(JsonWriter &json, const Application &application);
    static void write(JsonWriter &json, const Voucher &voucher, const QDateTime &now);
    static void write(JsonWriter &json, const Deduction &deduction);
    static void write(JsonWriter &json, const Partner &partner);
    static void write(JsonWriter &json, const User &user);
    static void write(JsonWriter &json, const Product &product);
    static void write(JsonWriter &json, const BlocklistRevision &revision);

    // A page of a list: {"items": [...], "totalCount": n}.
    static QJsonObject list(const QJsonArray &items, qint64 totalCount);
};
