#pragma once

#include "core/base/commanderror.h"

#include <utility>
#include <variant>

// The outcome of a command: either its value or the CommandError that refused it.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(CommandError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const CommandError &error() const { return std::get<1>(m_data); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, CommandError> m_data;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(CommandError error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const CommandError &error() const { return m_error; }

private:
    CommandError m_error;
    bool m_failed = false;
};
