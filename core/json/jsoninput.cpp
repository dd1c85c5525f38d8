#include "core/json/jsoninput.h"

#include "core/base/coretr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

JsonInput::JsonInput(QJsonObject object)
    : m_object(std::move(object))
{}

bool JsonInput::has(const char *field) const
{
    const QJsonValue value = m_object.value(QLatin1StringView(field));
    return !value.isUndefined() && !value.isNull();
}

std::optional<QJsonValue> JsonInput::present(const char *field, Presence presence)
{
    const QJsonValue value = m_object.value(QLatin1StringView(field));
    if (!value.isUndefined() && !value.isNull())
        return value;
    if (presence == Required)
        addError(QLatin1StringView(field),
                 CoreTr::tr("%1 is required.").arg(QLatin1StringView(field)));
    return std::nullopt;
}

std::optional<QString> JsonInput::string(const char *field, Presence presence)
{
    const auto value = present(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        addError(QLatin1StringView(field),
                 CoreTr::tr("%1 must be a string.").arg(QLatin1StringView(field)));
        return std::nullopt;
    }
    return value->toString();
}

std::optional<qint64> JsonInput::integer(const char *field, qint64 min, qint64 max,
                                         Presence presence)
{
    const auto value = present(field, presence);
    if (!value)
        return std::nullopt;
    const QString name = QLatin1StringView(field);
    if (!value->isDouble()) {
        addError(name, CoreTr::tr("%1 must be an integer.").arg(name));
        return std::nullopt;
    }
    const double number = value->toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number) {
        addError(name, CoreTr::tr("%1 must be an integer.").arg(name));
        return std::nullopt;
    }
    // Qt keeps integer literals that fit in 64 bits exactly; check those too, since a double
    // near 2^53 may round a larger integer into range.
    const qint64 exact = std::fabs(number) <= double(MaxSafeInteger) ? value->toInteger() : 0;
    if (std::fabs(number) > double(MaxSafeInteger) || exact > MaxSafeInteger ||
        exact < -MaxSafeInteger || exact < min || exact > max) {
        addError(name, CoreTr::tr("%1 must be between %2 and %3.")
                           .arg(name)
                           .arg(std::max(min, -MaxSafeInteger))
                           .arg(std::min(max, MaxSafeInteger)));
        return std::nullopt;
    }
    return exact;
}

std::optional<bool> JsonInput::boolean(const char *field, Presence presence)
{
    const auto value = present(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        addError(QLatin1StringView(field),
                 CoreTr::tr("%1 must be true or false.").arg(QLatin1StringView(field)));
        return std::nullopt;
    }
    return value->toBool();
}

QUuid JsonInput::uuid(const char *field, Presence presence)
{
    const auto value = present(field, presence);
    if (!value)
        return {};
    const QString text = value->isString() ? value->toString() : QString();
    const QUuid id = QUuid::fromString(text);
    // QUuid::fromString forgives text after the UUID and a missing closing brace.
    const bool exact = text.compare(id.toString(QUuid::WithoutBraces), Qt::CaseInsensitive) == 0 ||
                       text.compare(id.toString(), Qt::CaseInsensitive) == 0;
    if (id.isNull() || !exact) {
        addError(QLatin1StringView(field),
                 CoreTr::tr("%1 must be a UUID such as 123e4567-e89b-42d3-a456-426614174000.")
                     .arg(QLatin1StringView(field)));
        return {};
    }
    return id;
}

QStringList JsonInput::stringList(const char *field, int maxItems, Presence presence)
{
    const auto value = present(field, presence);
    if (!value)
        return {};
    const QString name = QLatin1StringView(field);
    if (!value->isArray()) {
        addError(name, CoreTr::tr("%1 must be a list of strings.").arg(name));
        return {};
    }
    const QJsonArray array = value->toArray();
    if (array.size() > maxItems) {
        addError(name, CoreTr::tr("%1 can have at most %n item(s).", nullptr, maxItems).arg(name));
        return {};
    }
    QStringList list;
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            addError(name, CoreTr::tr("%1 must be a list of strings.").arg(name));
            return {};
        }
        list.append(item.toString());
    }
    return list;
}

void JsonInput::addError(const QString &field, const QString &message)
{
    m_errors.append({field, message});
}

CommandError JsonInput::error() const
{
    Q_ASSERT(!ok());
    return CommandError::invalid(m_errors);
}

std::optional<QJsonObject> JsonInput::parseObject(const QByteArray &body, CommandError *error)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QString message;
    // Qt reads only arrays and objects at the top, so a bare string or number fails to parse;
    // what a client needs to hear then is that an object is expected.
    if (!document.isObject() && !body.trimmed().startsWith('{')) {
        message = CoreTr::tr("The request body must be a JSON object.");
    } else if (parseError.error != QJsonParseError::NoError) {
        message = CoreTr::tr("The request body is not valid JSON (%1 at byte %2).")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
    } else {
        return document.object();
    }
    if (error)
        *error = CommandError::invalidField(u"body"_s, message);
    return std::nullopt;
}
