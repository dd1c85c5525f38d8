#include "apijson.h"

#include "application.h"
#include "blocklistrevision.h"
#include "customer.h"
#include "deduction.h"
#include "jsonfields.h"
#include "jsonwriter.h"
#include "partner.h"
#include "product.h"
#include "quotapool.h"
#include "role.h"
#include "user.h"
#include "voucher.h"
#include "voucherlistrow.h"
#include "vouchertemplate.h"

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

QJsonObject ApiJson::list(const QJsonArray &items, qint64 totalCount)
{
    return {{u"items"_s, items}, {u"totalCount"_s, totalCount}};
}
