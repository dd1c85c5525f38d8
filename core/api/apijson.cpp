#include "core/api/apijson.h"

#include "core/domain/application.h"
#include "core/domain/blocklistrevision.h"
#include "core/domain/customer.h"
#include "core/domain/deduction.h"
#include "core/domain/partner.h"
#include "core/domain/product.h"
#include "core/domain/role.h"
#include "core/domain/user.h"
#include "core/domain/voucher.h"
#include "core/domain/vouchertemplate.h"
#include "core/json/jsonfields.h"
#include "core/json/jsonwriter.h"
#include "core/queries/voucherlistrow.h"
#include "core/rules/quotapool.h"

using namespace Qt::StringLiterals;

QJsonObject ApiJson::toJson(const Customer &customer)
{
    return {
        {u"id"_s, JsonFields::fromUuid(customer.id)},
        {u"partnerId"_s, JsonFields::fromUuid(customer.partnerId)},
        {u"name"_s, customer.name},
        {u"uin"_s, customer.uin},
        {u"eligible"_s, customer.eligible},
        {u"createdAt"_s, JsonFields::fromDateTime(customer.createdAt)},
    };
}

QJsonObject ApiJson::toJson(const VoucherTemplate &voucherTemplate)
{
    return voucherTemplate.toJson();
}

QJsonObject ApiJson::toJson(const Application &application)
{
    return {
        {u"id"_s, JsonFields::fromUuid(application.id)},
        {u"partnerId"_s, JsonFields::fromUuid(application.partnerId)},
        {u"templateId"_s, JsonFields::fromUuid(application.templateId)},
        {u"templateSnapshot"_s, application.templateSnapshot.toJson()},
        {u"customerId"_s, JsonFields::fromUuid(application.customerId)},
        {u"scenario"_s, application.scenario},
        {u"status"_s, applicationStatusToString(application.status)},
        {u"submittedAt"_s, JsonFields::fromDateTime(application.submittedAt)},
        {u"reviewDueAt"_s, JsonFields::fromDateTime(application.reviewDueAt)},
        {u"submittedBy"_s, JsonFields::fromUuid(application.submittedBy)},
        {u"reviewerId"_s, JsonFields::fromUuid(application.reviewerId)},
        {u"reviewedAt"_s, JsonFields::fromDateTime(application.reviewedAt)},
        {u"reviewComment"_s, application.reviewComment},
        {u"rejectReason"_s, application.rejectReason},
        {u"cancelledAt"_s, JsonFields::fromDateTime(application.cancelledAt)},
        {u"voucherId"_s, JsonFields::fromUuid(application.voucherId)},
        {u"version"_s, application.version},
    };
}

QJsonObject ApiJson::toJson(const Voucher &voucher, const QDateTime &now)
{
    const bool universal = voucher.kind == VoucherKind::Universal;
    return {
        {u"id"_s, JsonFields::fromUuid(voucher.id)},
        {u"code"_s, voucher.code},
        {u"applicationId"_s, JsonFields::fromUuid(voucher.applicationId)},
        {u"partnerId"_s, JsonFields::fromUuid(voucher.partnerId)},
        {u"customerId"_s, JsonFields::fromUuid(voucher.customerId)},
        {u"kind"_s, voucherKindToString(voucher.kind)},
        {u"payMode"_s, payModeToString(voucher.payMode)},
        {u"currency"_s, voucher.currency},
        {u"faceValueMinor"_s, voucher.faceValueMinor},
        {u"balanceMinor"_s, voucher.balanceMinor},
        {u"minSpendMinor"_s, voucher.minSpendMinor},
        {u"effectiveAt"_s, JsonFields::fromDateTime(voucher.effectiveAt)},
        {u"expiresAt"_s, JsonFields::fromDateTime(voucher.expiresAt)},
        {u"productCodes"_s, QJsonArray::fromStringList(voucher.productCodes)},
        {u"blockedProductCodes"_s, QJsonArray::fromStringList(voucher.blockedProductCodes)},
        // Only a universal voucher has a blocklist snapshot.
        {u"blocklistRevision"_s,
         universal ? QJsonValue(voucher.blocklistRevision) : QJsonValue(QJsonValue::Null)},
        {u"invalidatedAt"_s, JsonFields::fromDateTime(voucher.invalidatedAt)},
        {u"status"_s, voucherStatusToString(voucher.statusAt(now))},
    };
}

QJsonObject ApiJson::toJson(const Deduction &deduction)
{
    return {
        {u"id"_s, JsonFields::fromUuid(deduction.id)},
        {u"voucherId"_s, JsonFields::fromUuid(deduction.voucherId)},
        {u"customerId"_s, JsonFields::fromUuid(deduction.customerId)},
        {u"orderId"_s, deduction.orderId},
        {u"productCode"_s, deduction.productCode},
        {u"payMode"_s, payModeToString(deduction.payMode)},
        {u"orderAmountMinor"_s, deduction.orderAmountMinor},
        {u"deductedMinor"_s, deduction.deductedMinor},
        {u"at"_s, JsonFields::fromDateTime(deduction.at)},
        {u"actorId"_s, JsonFields::fromUuid(deduction.actorId)},
    };
}

QJsonObject ApiJson::toJson(const Partner &partner)
{
    const QuotaPool pool(partner.quotaMinor, partner.issuedMinor, partner.currency);
    return {
        {u"id"_s, JsonFields::fromUuid(partner.id)},
        {u"name"_s, partner.name},
        {u"quotaMinor"_s, pool.totalMinor()},
        {u"issuedMinor"_s, pool.issuedMinor()},
        {u"remainingMinor"_s, pool.remainingMinor()},
        {u"currency"_s, pool.currency()},
        {u"createdAt"_s, JsonFields::fromDateTime(partner.createdAt)},
    };
}

QJsonObject ApiJson::toJson(const User &user)
{
    return {
        {u"id"_s, JsonFields::fromUuid(user.id)},
        {u"login"_s, user.login},
        {u"displayName"_s, user.displayName},
        {u"role"_s, roleToString(user.role)},
        {u"partnerId"_s, JsonFields::fromUuid(user.partnerId)},
        {u"active"_s, user.active},
        {u"createdAt"_s, JsonFields::fromDateTime(user.createdAt)},
    };
}

QJsonObject ApiJson::toJson(const Product &product)
{
    return {
        {u"code"_s, product.code},     {u"name"_s, product.name},
        {u"nameZh"_s, product.nameZh}, {u"category"_s, product.category},
        {u"active"_s, product.active},
    };
}

QJsonObject ApiJson::toJson(const BlocklistRevision &revision)
{
    return {
        {u"revision"_s, revision.revision},
        {u"effectiveAt"_s, JsonFields::fromDateTime(revision.effectiveAt)},
        {u"productCodes"_s, QJsonArray::fromStringList(revision.productCodes)},
    };
}

QJsonObject ApiJson::toJson(const VoucherListRow &row, const QDateTime &now)
{
    const bool issued = row.isIssued();
    return {
        {u"applicationId"_s, JsonFields::fromUuid(row.applicationId)},
        {u"partnerId"_s, JsonFields::fromUuid(row.partnerId)},
        {u"customerId"_s, JsonFields::fromUuid(row.customerId)},
        {u"customerName"_s, row.customerName},
        {u"customerUin"_s, row.customerUin},
        {u"templateName"_s, row.templateName},
        {u"kind"_s, voucherKindToString(row.kind)},
        {u"currency"_s, row.currency},
        {u"faceValueMinor"_s, row.faceValueMinor},
        // A row without a voucher has no balance yet.
        {u"balanceMinor"_s, issued ? QJsonValue(row.balanceMinor) : QJsonValue(QJsonValue::Null)},
        {u"appliedAt"_s, JsonFields::fromDateTime(row.appliedAt)},
        {u"expiresAt"_s, JsonFields::fromDateTime(row.expiresAt)},
        {u"voucherId"_s, JsonFields::fromUuid(row.voucherId)},
        {u"voucherCode"_s, issued ? QJsonValue(row.voucherCode) : QJsonValue(QJsonValue::Null)},
        {u"status"_s, voucherListStatusToString(row.statusAt(now))},
    };
}

void ApiJson::write(JsonWriter &json, const VoucherListRow &row, const QDateTime &now)
{
    // toJson's keys in QJsonObject's (sorted) order.
    const bool issued = row.isIssued();
    json.beginObject();
    json.key("applicationId"_L1);
    json.uuid(row.applicationId);
    json.key("appliedAt"_L1);
    json.dateTime(row.appliedAt);
    json.key("balanceMinor"_L1);
    if (issued)
        json.integer(row.balanceMinor);
    else
        json.null();
    json.key("currency"_L1);
    json.string(row.currency);
    json.key("customerId"_L1);
    json.uuid(row.customerId);
    json.key("customerName"_L1);
    json.string(row.customerName);
    json.key("customerUin"_L1);
    json.string(row.customerUin);
    json.key("expiresAt"_L1);
    json.dateTime(row.expiresAt);
    json.key("faceValueMinor"_L1);
    json.integer(row.faceValueMinor);
    json.key("kind"_L1);
    json.string(voucherKindToString(row.kind));
    json.key("partnerId"_L1);
    json.uuid(row.partnerId);
    json.key("status"_L1);
    json.string(voucherListStatusToString(row.statusAt(now)));
    json.key("templateName"_L1);
    json.string(row.templateName);
    json.key("voucherCode"_L1);
    if (issued)
        json.string(row.voucherCode);
    else
        json.null();
    json.key("voucherId"_L1);
    json.uuid(row.voucherId);
    json.endObject();
}

// The writers below write toJson's keys in QJsonObject's (sorted) order.

void ApiJson::write(JsonWriter &json, const Customer &customer)
{
    json.beginObject();
    json.key("createdAt"_L1);
    json.dateTime(customer.createdAt);
    json.key("eligible"_L1);
    json.boolean(customer.eligible);
    json.key("id"_L1);
    json.uuid(customer.id);
    json.key("name"_L1);
    json.string(customer.name);
    json.key("partnerId"_L1);
    json.uuid(customer.partnerId);
    json.key("uin"_L1);
    json.string(customer.uin);
    json.endObject();
}

// VoucherTemplate::toJson's fields.
void ApiJson::write(JsonWriter &json, const VoucherTemplate &voucherTemplate)
{
    json.beginObject();
    json.key("createdAt"_L1);
    json.dateTime(voucherTemplate.createdAt);
    json.key("currency"_L1);
    json.string(voucherTemplate.currency);
    json.key("faceValueMinor"_L1);
    json.integer(voucherTemplate.faceValueMinor);
    json.key("id"_L1);
    json.uuid(voucherTemplate.id);
    json.key("kind"_L1);
    json.string(voucherKindToString(voucherTemplate.kind));
    json.key("locked"_L1);
    json.boolean(voucherTemplate.locked);
    json.key("minSpendMinor"_L1);
    json.integer(voucherTemplate.minSpendMinor);
    json.key("name"_L1);
    json.string(voucherTemplate.name);
    json.key("note"_L1);
    json.string(voucherTemplate.note);
    json.key("partnerId"_L1);
    json.uuid(voucherTemplate.partnerId);
    json.key("payMode"_L1);
    json.string(payModeToString(voucherTemplate.payMode));
    json.key("productCodes"_L1);
    json.strings(voucherTemplate.productCodes);
    json.key("updatedAt"_L1);
    json.dateTime(voucherTemplate.updatedAt);
    json.key("validityDays"_L1);
    json.integer(voucherTemplate.validityDays);
    json.key("version"_L1);
    json.integer(voucherTemplate.version);
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const Application &application)
{
    json.beginObject();
    json.key("cancelledAt"_L1);
    json.dateTime(application.cancelledAt);
    json.key("customerId"_L1);
    json.uuid(application.customerId);
    json.key("id"_L1);
    json.uuid(application.id);
    json.key("partnerId"_L1);
    json.uuid(application.partnerId);
    json.key("rejectReason"_L1);
    json.string(application.rejectReason);
    json.key("reviewComment"_L1);
    json.string(application.reviewComment);
    json.key("reviewDueAt"_L1);
    json.dateTime(application.reviewDueAt);
    json.key("reviewedAt"_L1);
    json.dateTime(application.reviewedAt);
    json.key("reviewerId"_L1);
    json.uuid(application.reviewerId);
    json.key("scenario"_L1);
    json.string(application.scenario);
    json.key("status"_L1);
    json.string(applicationStatusToString(application.status));
    json.key("submittedAt"_L1);
    json.dateTime(application.submittedAt);
    json.key("submittedBy"_L1);
    json.uuid(application.submittedBy);
    json.key("templateId"_L1);
    json.uuid(application.templateId);
    json.key("templateSnapshot"_L1);
    write(json, application.templateSnapshot);
    json.key("version"_L1);
    json.integer(application.version);
    json.key("voucherId"_L1);
    json.uuid(application.voucherId);
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const Voucher &voucher, const QDateTime &now)
{
    json.beginObject();
    json.key("applicationId"_L1);
    json.uuid(voucher.applicationId);
    json.key("balanceMinor"_L1);
    json.integer(voucher.balanceMinor);
    json.key("blockedProductCodes"_L1);
    json.strings(voucher.blockedProductCodes);
    json.key("blocklistRevision"_L1);
    // Only a universal voucher has a blocklist snapshot.
    if (voucher.kind == VoucherKind::Universal)
        json.integer(voucher.blocklistRevision);
    else
        json.null();
    json.key("code"_L1);
    json.string(voucher.code);
    json.key("currency"_L1);
    json.string(voucher.currency);
    json.key("customerId"_L1);
    json.uuid(voucher.customerId);
    json.key("effectiveAt"_L1);
    json.dateTime(voucher.effectiveAt);
    json.key("expiresAt"_L1);
    json.dateTime(voucher.expiresAt);
    json.key("faceValueMinor"_L1);
    json.integer(voucher.faceValueMinor);
    json.key("id"_L1);
    json.uuid(voucher.id);
    json.key("invalidatedAt"_L1);
    json.dateTime(voucher.invalidatedAt);
    json.key("kind"_L1);
    json.string(voucherKindToString(voucher.kind));
    json.key("minSpendMinor"_L1);
    json.integer(voucher.minSpendMinor);
    json.key("partnerId"_L1);
    json.uuid(voucher.partnerId);
    json.key("payMode"_L1);
    json.string(payModeToString(voucher.payMode));
    json.key("productCodes"_L1);
    json.strings(voucher.productCodes);
    json.key("status"_L1);
    json.string(voucherStatusToString(voucher.statusAt(now)));
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const Deduction &deduction)
{
    json.beginObject();
    json.key("actorId"_L1);
    json.uuid(deduction.actorId);
    json.key("at"_L1);
    json.dateTime(deduction.at);
    json.key("customerId"_L1);
    json.uuid(deduction.customerId);
    json.key("deductedMinor"_L1);
    json.integer(deduction.deductedMinor);
    json.key("id"_L1);
    json.uuid(deduction.id);
    json.key("orderAmountMinor"_L1);
    json.integer(deduction.orderAmountMinor);
    json.key("orderId"_L1);
    json.string(deduction.orderId);
    json.key("payMode"_L1);
    json.string(payModeToString(deduction.payMode));
    json.key("productCode"_L1);
    json.string(deduction.productCode);
    json.key("voucherId"_L1);
    json.uuid(deduction.voucherId);
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const Partner &partner)
{
    const QuotaPool pool(partner.quotaMinor, partner.issuedMinor, partner.currency);
    json.beginObject();
    json.key("createdAt"_L1);
    json.dateTime(partner.createdAt);
    json.key("currency"_L1);
    json.string(pool.currency());
    json.key("id"_L1);
    json.uuid(partner.id);
    json.key("issuedMinor"_L1);
    json.integer(pool.issuedMinor());
    json.key("name"_L1);
    json.string(partner.name);
    json.key("quotaMinor"_L1);
    json.integer(pool.totalMinor());
    json.key("remainingMinor"_L1);
    json.integer(pool.remainingMinor());
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const User &user)
{
    json.beginObject();
    json.key("active"_L1);
    json.boolean(user.active);
    json.key("createdAt"_L1);
    json.dateTime(user.createdAt);
    json.key("displayName"_L1);
    json.string(user.displayName);
    json.key("id"_L1);
    json.uuid(user.id);
    json.key("login"_L1);
    json.string(user.login);
    json.key("partnerId"_L1);
    json.uuid(user.partnerId);
    json.key("role"_L1);
    json.string(roleToString(user.role));
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const Product &product)
{
    json.beginObject();
    json.key("active"_L1);
    json.boolean(product.active);
    json.key("category"_L1);
    json.string(product.category);
    json.key("code"_L1);
    json.string(product.code);
    json.key("name"_L1);
    json.string(product.name);
    json.key("nameZh"_L1);
    json.string(product.nameZh);
    json.endObject();
}

void ApiJson::write(JsonWriter &json, const BlocklistRevision &revision)
{
    json.beginObject();
    json.key("effectiveAt"_L1);
    json.dateTime(revision.effectiveAt);
    json.key("productCodes"_L1);
    json.strings(revision.productCodes);
    json.key("revision"_L1);
    json.integer(revision.revision);
    json.endObject();
}

QJsonObject ApiJson::list(const QJsonArray &items, qint64 totalCount)
{
    return {{u"items"_s, items}, {u"totalCount"_s, totalCount}};
}
