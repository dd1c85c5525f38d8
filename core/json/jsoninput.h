#pragma once

#include "core/base/commanderror.h"

#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <optional>

// Strict reading of a JSON request body. Each accessor checks one field's type and range and
// notes a FieldError naming the field when it is wrong, or missing while required; reading
// goes on, so one answer lists every bad field. A JSON null reads like an absent field.
// Strings are taken as they are: whatever they contain is data, never syntax.
//
//     JsonInput in(object);
//     const auto name = in.string("name", JsonInput::Required);
//     const auto face = in.integer("faceValueMinor", 1, cap, JsonInput::Required);
//     if (!in.ok())
//         return in.error();
class JsonInput
{
public:
    enum Presence { Optional, Required };

    // The largest magnitude a JSON number carries exactly in every client (2^53).
    static constexpr qint64 MaxSafeInteger = (qint64(1) << 53);

    explicit JsonInput(QJsonObject object);

    const QJsonObject &object() const { return m_object; }
    // Present and not null.
    bool has(const char *field) const;

    // Nullopt when the field is absent or wrong.
    std::optional<QString> string(const char *field, Presence presence = Optional);
    // A whole number in [min, max]: a fraction, a number beyond ±2^53, or another type is wrong.
    std::optional<qint64> integer(const char *field, qint64 min, qint64 max,
                                  Presence presence = Optional);
    std::optional<bool> boolean(const char *field, Presence presence = Optional);
    // A non-nil UUID in text; null when the field is absent or wrong.
    QUuid uuid(const char *field, Presence presence = Optional);
    // An array of at most maxItems strings; empty when the field is absent or wrong.
    QStringList stringList(const char *field, int maxItems, Presence presence = Optional);

    // Adds a rule the caller checks itself, reported with the others.
    void addError(const QString &field, const QString &message);

    bool ok() const { return m_errors.isEmpty(); }
    FieldErrors fieldErrors() const { return m_errors; }
    // CommandError::invalid of the errors so far: InvalidParameter.<Field> for one bad field,
    // InvalidParameter for several. Only meaningful when !ok().
    CommandError error() const;

    // A request body as a JSON object. Empty (or blank) reads as {}, so that a body whose
    // fields are all optional may be left out; malformed JSON, or JSON that is not an object,
    // sets *error to InvalidParameter.Body.
    static std::optional<QJsonObject> parseObject(const QByteArray &body, CommandError *error);

private:
    // The field's value when it is present; notes "required" when it is missing.
    std::optional<QJsonValue> present(const char *field, Presence presence);

    QJsonObject m_object;
    FieldErrors m_errors;
};
