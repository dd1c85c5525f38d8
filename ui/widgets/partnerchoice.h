#pragma once

#include "core/domain/partner.h"

#include <QCoreApplication>

class QComboBox;

// The partner filter of the vendor's lists: "All partners" (a null id) and each partner, keeping
// the partner chosen before when it is still there.
class PartnerChoice
{
    Q_DECLARE_TR_FUNCTIONS(PartnerChoice)

public:
    // Refills `combo` without announcing a change; the caller reads the partners (and says what
    // went wrong if it cannot).
    static void fill(QComboBox *combo, const QList<Partner> &partners);
};
