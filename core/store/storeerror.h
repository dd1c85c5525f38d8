#pragma once

#include <QString>

#include <stdexcept>

// A failure of the SQL store. Thrown inside the store and caught at the command boundary
// (Database::write), where it becomes a rollback and a CommandError.
class StoreError : public std::runtime_error
{
public:
    enum class Kind {
        Failed,          // anything else: reported as an internal error
        UniqueViolation, // a racing insert of the same key: the command is retried
        Retryable,       // busy, serialization failure or deadlock: the command is retried
    };

    StoreError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {}

    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};
