#include "ui/widgets/icons.h"

using namespace Qt::StringLiterals;

QIcon Icons::get(const QString &name)
{
    return QIcon(u":/voucherdesk/icons/"_s + name + u".svg"_s);
}

QIcon Icons::application()
{
    return get(u"voucherdesk"_s);
}
