#include "ui/widgets/statusstyle.h"

QColor StatusStyle::color(VoucherListStatus status)
{
    switch (status) {
    case VoucherListStatus::PendingReview:
        return QColor(0x5b, 0x72, 0x94);
    case VoucherListStatus::Unused:
        return QColor(0x16, 0xa3, 0x4a);
    case VoucherListStatus::PartiallyUsed:
        return QColor(0x0f, 0x76, 0x6e);
    case VoucherListStatus::UsedUp:
        return QColor(0x37, 0x41, 0x51);
    case VoucherListStatus::Expired:
        return QColor(0xb4, 0x53, 0x09);
    case VoucherListStatus::Rejected:
        return QColor(0xdc, 0x26, 0x26);
    case VoucherListStatus::Cancelled:
        return QColor(0x9c, 0xa3, 0xaf);
    case VoucherListStatus::Invalidated:
        return QColor(0x7c, 0x3a, 0xed);
    }
    return QColor(Qt::gray);
}

QColor StatusStyle::lockedColor()
{
    return QColor(0x6b, 0x72, 0x80);
}

QColor StatusStyle::editableColor()
{
    return QColor(0x25, 0x63, 0xeb);
}
