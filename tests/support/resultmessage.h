#pragma once

#include "core/base/result.h"

#include <QByteArray>

// The failure text of a Result for QVERIFY2, which evaluates its message even on success:
// empty for an ok result, "code: message" otherwise.
template<typename T>
QByteArray resultMessage(const Result<T> &result)
{
    if (result.ok())
        return {};
    return (result.error().code() + QLatin1StringView(": ") + result.error().message()).toUtf8();
}
