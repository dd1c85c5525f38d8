#include "core/domain/vouchertemplate.h"

#include "core/json/jsonfields.h"

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
