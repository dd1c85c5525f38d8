#pragma once

#include <QString>

#include <optional>
#include <span>

// The API spelling of each value of a domain enum, kept in one table per enum so that the
// conversions both ways cannot drift apart.
template<typename E>
struct EnumName
{
    E value;
    const char *api;
};

template<typename E>
QString enumToApiName(std::span<const EnumName<E>> table, E value)
{
    for (const EnumName<E> &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.api);
    }
    return {};
}

template<typename E>
std::optional<E> enumFromApiName(std::span<const EnumName<E>> table, const QString &name)
{
    for (const EnumName<E> &entry : table) {
        if (name == QLatin1StringView(entry.api))
            return entry.value;
    }
    return std::nullopt;
}
