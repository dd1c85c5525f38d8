#include "server/voucherroutes.h"

#include "core/api/apijson.h"
#include "core/base/coretr.h"
#include "core/commands/commandcontext.h"
#include "core/commands/vouchercommands.h"
#include "core/json/jsoninput.h"
#include "core/json/jsonwriter.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/voucherrepository.h"
#include "server/apiserver.h"
#include "server/listcountcache.h"
#include "server/routequery.h"
#include "server/routesupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

// GET /vouchers (the Vendor Voucher List: one item per application, with its voucher once
// issued), a voucher and its deductions, and paying a bill with a voucher.
//
// GET /vouchers query parameters, all optional:
//   status         a list status: pending_review, unused, partially_used, used_up, expired,
//                  rejected, cancelled, invalidated
//   customerId     a customer's UUID (another partner's answers 404, like a path id)
//   kind           universal | specific
//   q              part of the voucher code or customer name, or the start of the UIN
//   appliedFrom, appliedTo, expiresBefore
//                  ISO 8601 times (a time without an offset, or a bare date, is UTC);
//                  appliedFrom inclusive, the others exclusive
//   minBalance     minor units: only vouchers spendable now with at least this much left
//                  (1 is "balance > 0"; 0 means no condition)
//   sort           appliedAt | expiresAt | balance | faceValue | customer | code, "-" before it
//                  for descending; default -appliedAt (newest first)
//   offset, limit  paging (limit 1..200, default 50)
namespace {

QString queryValue(const RouteContext &context, const QString &name)
{
    return context.request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
}

bool hasQueryValue(const RouteContext &context, const QString &name)
{
    return context.request.query.hasQueryItem(name) && !queryValue(context, name).isEmpty();
}

// A time in a query string; an offset-less time is taken as UTC.
QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return {};
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return time.toUTC();
}

std::optional<VoucherListSort> parseSort(const QString &text)
{
    VoucherListSort sort;
    QString key = text;
    sort.descending = key.startsWith(u'-');
    if (sort.descending)
        key.remove(0, 1);
    static const QHash<QString, VoucherListSortKey> keys = {
        {u"appliedAt"_s, VoucherListSortKey::AppliedAt},
        {u"expiresAt"_s, VoucherListSortKey::ExpiresAt},
        {u"balance"_s, VoucherListSortKey::Balance},
        {u"faceValue"_s, VoucherListSortKey::FaceValue},
        {u"customer"_s, VoucherListSortKey::Customer},
        {u"code"_s, VoucherListSortKey::Code},
    };
    const auto found = keys.constFind(key);
    if (found == keys.constEnd())
        return std::nullopt;
    sort.key = *found;
    return sort;
}

// The list's filter and sort from the query; on a bad parameter, *response is the 400 (or the
// 404 of an invisible customer).
std::optional<std::pair<VoucherListFilter, VoucherListSort>>
listParameters(const RouteContext &context, HttpResponse *response)
{
    const Actor &actor = context.commands.actor();
    VoucherListFilter filter;
    VoucherListSort sort;
    filter.partnerId = RouteSupport::listScope(context);
    FieldErrors errors;

    if (hasQueryValue(context, u"status"_s)) {
        filter.status = voucherListStatusFromString(queryValue(context, u"status"_s));
        if (!filter.status) {
            errors.append(
                {u"status"_s,
                 CoreTr::tr("status must be one of pending_review, unused, partially_used, "
                            "used_up, expired, rejected, cancelled, invalidated.")});
        }
    }
    if (hasQueryValue(context, u"kind"_s)) {
        filter.kind = voucherKindFromString(queryValue(context, u"kind"_s));
        if (!filter.kind)
            errors.append({u"kind"_s, CoreTr::tr("kind must be universal or specific.")});
    }
    if (hasQueryValue(context, u"customerId"_s)) {
        filter.customerId = QUuid::fromString(queryValue(context, u"customerId"_s));
        if (filter.customerId.isNull()) {
            errors.append({u"customerId"_s, CoreTr::tr("customerId must be a UUID such as "
                                                       "123e4567-e89b-42d3-a456-426614174000.")});
        }
    }
    const struct
    {
        QString name;
        QDateTime *target;
    } times[] = {{u"appliedFrom"_s, &filter.appliedFrom},
                 {u"appliedTo"_s, &filter.appliedTo},
                 {u"expiresBefore"_s, &filter.expiresBefore}};
    for (const auto &time : times) {
        if (!hasQueryValue(context, time.name))
            continue;
        *time.target = parseTime(queryValue(context, time.name));
        if (!time.target->isValid()) {
            errors.append({time.name, CoreTr::tr("%1 must be an ISO 8601 time such as "
                                                 "2026-12-31T16:00:00Z.")
                                          .arg(time.name)});
        }
    }
    if (hasQueryValue(context, u"minBalance"_s)) {
        bool ok = false;
        const qint64 minimum = queryValue(context, u"minBalance"_s).toLongLong(&ok);
        if (!ok || minimum < 0 || minimum > JsonInput::MaxSafeInteger) {
            errors.append({u"minBalance"_s,
                           CoreTr::tr("minBalance must be a whole number of minor units, 0 or "
                                      "more.")});
        } else {
            filter.minBalanceMinor = minimum;
        }
    }
    if (hasQueryValue(context, u"sort"_s)) {
        const auto parsed = parseSort(queryValue(context, u"sort"_s));
        if (parsed) {
            sort = *parsed;
        } else {
            errors.append({u"sort"_s, CoreTr::tr("sort must be one of appliedAt, expiresAt, "
                                                 "balance, faceValue, customer, code, each "
                                                 "optionally after \"-\" for descending.")});
        }
    }
    if (!RouteQuery::text(context, u"q"_s, &filter.text, response))
        return std::nullopt;
    if (!errors.isEmpty()) {
        *response = RouteSupport::fail(context, CommandError::invalid(errors));
        return std::nullopt;
    }
    if (!filter.customerId.isNull()) {
        const auto customer = CustomerRepository(context.db).find(filter.customerId);
        if (!customer || !actor.canSee(customer->partnerId)) {
            *response = RouteSupport::notFound(context, u"Customer"_s);
            return std::nullopt;
        }
    }
    return std::pair{filter, sort};
}

HttpResponse listVouchers(RouteContext &context, ListCountCache &counts)
{
    HttpResponse response;
    const auto paging = RouteSupport::paging(context, &response);
    if (!paging)
        return response;
    const auto parameters = listParameters(context, &response);
    if (!parameters)
        return response;
    const QDateTime now = context.commands.now();
    const VoucherListQuery query(context.db, parameters->first, parameters->second);
    const QList<VoucherListRow> rows = query.page(paging->offset, paging->limit, now);
    // ApiJson::list's {"items": [...], "totalCount": n} written directly, byte for byte as
    // QJsonDocument prints it: built as QJsonObjects, it took some 40 % of the server's CPU.
    JsonWriter json(rows.size() * 800 + 64);
    json.beginObject();
    json.key("items"_L1);
    json.beginArray();
    for (const VoucherListRow &row : rows)
        ApiJson::write(json, row, now);
    json.endArray();
    const qint64 total =
        counts.count(context.db, query.countKey(), [query, now] { return query.count(now); });
    json.key("totalCount"_L1);
    json.integer(total);
    json.endObject();
    return HttpResponse{200, json.take(), "application/json", {}};
}

// The voucher of the path if the caller may see it.
std::optional<Voucher> visibleVoucher(const RouteContext &context)
{
    const QUuid id = context.idParam();
    if (id.isNull())
        return std::nullopt;
    auto voucher = VoucherRepository(context.db).find(id);
    if (!voucher || !context.commands.actor().canSee(voucher->partnerId))
        return std::nullopt;
    return voucher;
}

HttpResponse getVoucher(RouteContext &context)
{
    const auto voucher = visibleVoucher(context);
    if (!voucher)
        return RouteSupport::notFound(context, u"Voucher"_s);
    return HttpResponse::json(200, ApiJson::toJson(*voucher, context.commands.now()));
}

HttpResponse listDeductions(RouteContext &context)
{
    HttpResponse response;
    const auto paging = RouteSupport::paging(context, &response);
    if (!paging)
        return response;
    const auto voucher = visibleVoucher(context);
    if (!voucher)
        return RouteSupport::notFound(context, u"Voucher"_s);
    const QList<Deduction> deductions = VoucherRepository(context.db).deductions(voucher->id);
    QJsonArray items;
    for (qsizetype i = paging->offset; i < deductions.size() && items.size() < paging->limit; ++i)
        items.append(ApiJson::toJson(deductions.at(i)));
    return HttpResponse::json(200, ApiJson::list(items, deductions.size()));
}

// Body {id, orderId, productCode, payMode, orderAmountMinor, customerId?}: the bill of the
// voucher's customer unless customerId names another (then refused as CustomerMismatch).
HttpResponse recordDeduction(RouteContext &context)
{
    HttpResponse response;
    const auto body = RouteSupport::body(context, &response);
    if (!body)
        return response;
    JsonInput input(*body);
    Deduction request;
    request.id = input.uuid("id", JsonInput::Required);
    request.orderId = input.string("orderId", JsonInput::Required).value_or(QString());
    request.productCode = input.string("productCode", JsonInput::Required).value_or(QString());
    if (const auto payMode = input.string("payMode", JsonInput::Required)) {
        const auto mode = payModeFromString(*payMode);
        if (mode && *mode != PayMode::All)
            request.payMode = *mode;
        else
            input.addError(u"payMode"_s, CoreTr::tr("payMode must be prepaid or postpaid."));
    }
    request.orderAmountMinor =
        input.integer("orderAmountMinor", 1, JsonInput::MaxSafeInteger, JsonInput::Required)
            .value_or(0);
    request.customerId = input.uuid("customerId");
    if (!input.ok())
        return RouteSupport::fail(context, input.error());

    request.voucherId = context.idParam();
    // Only a partner manager may pay (the command says so to anyone else); its own voucher's
    // customer is the bill's unless the body says otherwise.
    if (context.commands.actor().isPartnerManager()) {
        const auto voucher = visibleVoucher(context);
        if (!voucher)
            return RouteSupport::notFound(context, u"Voucher"_s);
        if (request.customerId.isNull())
            request.customerId = voucher->customerId;
    }
    return RouteSupport::respond(context,
                                 VoucherCommands(context.commands).recordDeduction(request), 201,
                                 [](const Deduction &d) { return ApiJson::toJson(d); });
}

} // namespace

void VoucherRoutes::install(ApiServer &server)
{
    Router &router = server.router();
    ListCountCache &counts = server.listCounts();
    router.add("GET", u"/api/v1/vouchers"_s,
               [&counts](RouteContext &context) { return listVouchers(context, counts); });
    router.add("GET", u"/api/v1/vouchers/{id}"_s, getVoucher);
    router.add("GET", u"/api/v1/vouchers/{id}/deductions"_s, listDeductions);
    router.add("POST", u"/api/v1/vouchers/{id}/deductions"_s, recordDeduction);
}
