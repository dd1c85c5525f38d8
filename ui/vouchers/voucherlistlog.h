#pragma once

#include <QLoggingCategory>

// The one logging category of the Vendor Voucher List (model, page, filter bar, export), so
// that QT_LOGGING_RULES="voucherdesk.ui.voucherlist.debug=true" turns all of it on at once.
Q_DECLARE_LOGGING_CATEGORY(lcVoucherList)
