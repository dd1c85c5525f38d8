#include "ui/vouchers/voucherlistlog.h"

Q_LOGGING_CATEGORY(lcVoucherList, "voucherdesk.ui.voucherlist")
