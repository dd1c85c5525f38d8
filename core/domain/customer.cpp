#include "core/domain/customer.h"

#include "core/base/coretr.h"

using namespace Qt::StringLiterals;

FieldErrors Customer::validate() const
{
    FieldErrors errors;
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        errors.append({u"name"_s, CoreTr::tr("Enter the customer's name.")});
    else if (trimmedName.size() > MaxNameLength)
        errors.append({u"name"_s, CoreTr::tr("The name is %1 characters long; use at most %2.")
                                      .arg(trimmedName.size())
                                      .arg(MaxNameLength)});

    const bool allDigits = !uin.isEmpty() && std::all_of(uin.cbegin(), uin.cend(), [](QChar c) {
        return c >= u'0' && c <= u'9';
    });
    if (uin.isEmpty())
        errors.append({u"uin"_s, CoreTr::tr("Enter the customer's UIN.")});
    else if (!allDigits)
        errors.append({u"uin"_s, CoreTr::tr("A UIN contains digits only.")});
    else if (uin.size() < MinUinLength || uin.size() > MaxUinLength)
        errors.append({u"uin"_s, CoreTr::tr("A UIN has %1 to %2 digits; this one has %3.")
                                     .arg(MinUinLength)
                                     .arg(MaxUinLength)
                                     .arg(uin.size())});
    return errors;
}
