#include "vouchertemplate.h"

#include "jsonfields.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject VoucherTemplate::toJson() const
{
    return QJsonObject{
        {u"id"_s, JsonFields::fromUuid(id)},
        {u"partnerId"_s, JsonFields::fromUuid(partnerId)},
        {u"name"_s, name},
        {u"kind"_s, voucherKindToString(kind)},
        {u"faceValueMinor"_s, faceValueMinor},
        {u"currency"_s, currency},
        {u"validityDays"_s, validityDays},
        {u"minSpendMinor"_s, minSpendMinor},
        {u"payMode"_s, payModeToString(payMode)},
        {u"productCodes"_s, QJsonArray::fromStringList(productCodes)},
        {u"note"_s, note},
        {u"version"_s, version},
        {u"locked"_s, locked},
        {u"createdAt"_s, JsonFields::fromDateTime(createdAt)},
        {u"updatedAt"_s, JsonFields::fromDateTime(updatedAt)},
    };
}

std::optional<VoucherTemplate> VoucherTemplate::fromJson(const QJsonObject &json)
{
    const auto kind = voucherKindFromString(json.value(u"kind"_s).toString());
    const auto payMode = payModeFromString(json.value(u"payMode"_s).toString());
    if (!kind || !payMode)
        return std::nullopt;
    VoucherTemplate t;
    t.id = JsonFields::toUuid(json.value(u"id"_s));
    t.partnerId = JsonFields::toUuid(json.value(u"partnerId"_s));
    t.name = json.value(u"name"_s).toString();
    t.kind = *kind;
    t.faceValueMinor = json.value(u"faceValueMinor"_s).toInteger();
    t.currency = json.value(u"currency"_s).toString();
    t.validityDays = json.value(u"validityDays"_s).toInt();
    t.minSpendMinor = json.value(u"minSpendMinor"_s).toInteger();
    t.payMode = *payMode;
    t.productCodes = JsonFields::toStringList(json.value(u"productCodes"_s));
    t.note = json.value(u"note"_s).toString();
    t.version = json.value(u"version"_s).toInt(1);
    t.locked = json.value(u"locked"_s).toBool();
    t.createdAt = JsonFields::toDateTime(json.value(u"createdAt"_s));
    t.updatedAt = JsonFields::toDateTime(json.value(u"updatedAt"_s));
    return t;
}
