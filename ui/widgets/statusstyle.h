#pragma once

#include "core/queries/voucherliststatus.h"

#include <QColor>

// The badge colour of each status in the Vendor Voucher List (UI.md): pending review grey-blue,
// unused green, partially used teal, used up dark grey, expired amber, rejected red, cancelled
// grey, invalidated purple. The text is voucherListStatusDisplayName().
class StatusStyle
{
public:
    static QColor color(VoucherListStatus status);
    static QColor lockedColor();   // a locked template
    static QColor editableColor(); // an editable template
};
