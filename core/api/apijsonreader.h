#pragma once

#include "core/api/changefeed.h"
#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/product.h"
#include "core/domain/user.h"
#include "core/domain/voucher.h"
#include "core/domain/vouchertemplate.h"

#include <QJsonObject>

#include <optional>

// The inverse of ApiJson: an entity back from its REST representation, as a replica reads the
// server's answers. Strict about the fields ApiJson writes (each present with its type, ids as
// UUIDs, times as ISO 8601 with a zone, money as whole numbers, enums by their API names;
// nullopt otherwise) and blind to any other field, so that a newer server may add some.
// Computed fields (a partner's remainingMinor, a voucher's status) are not read back; `rev` is
// not part of the representation and stays 0 (the change feed carries it beside the data).
class ApiJsonReader
{
public:
    static std::optional<Partner> partner(const QJsonObject &json);
    // Without a password hash: the API never sends one.
    static std::optional<User> user(const QJsonObject &json);
    static std::optional<Customer> customer(const QJsonObject &json);
    static std::optional<Product> product(const QJsonObject &json);
    static std::optional<BlocklistRevision> blocklistRevision(const QJsonObject &json);
    static std::optional<VoucherTemplate> voucherTemplate(const QJsonObject &json);
    // templateSnapshot is read as a template.
    static std::optional<Application> application(const QJsonObject &json);
    static std::optional<Voucher> voucher(const QJsonObject &json);
    static std::optional<Deduction> deduction(const QJsonObject &json);

    // A whole answer of GET /changes: {changes: [{entity, id, rev, deleted, data}], nextSince,
    // hasMore}. Checks the envelope only (a change's data is an object, or null for a
    // deletion); the entities' data is read by the reader of each entity when applied.
    static std::optional<ChangeFeedPage> changeFeedPage(const QJsonObject &json);
};
