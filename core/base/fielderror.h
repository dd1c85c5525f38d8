#pragma once

#include <QList>
#include <QString>

// One violated rule on one input field: the field's API name and a translated message.
struct FieldError
{
    QString field;
    QString message;

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;
