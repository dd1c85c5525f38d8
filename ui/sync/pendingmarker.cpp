#include "ui/sync/pendingmarker.h"

#include "ui/widgets/icons.h"

using namespace Qt::StringLiterals;

QSet<QUuid> PendingMarker::ids(const QSet<QString> &pendingIds)
{
    QSet<QUuid> ids;
    ids.reserve(pendingIds.size());
    for (const QString &id : pendingIds)
        ids.insert(QUuid::fromString(id));
    return ids;
}

QIcon PendingMarker::icon()
{
    return Icons::get(u"pending"_s);
}

QString PendingMarker::toolTip()
{
    return tr("Waiting to be sent to the server");
}

QString PendingMarker::accessibleText(const QString &text)
{
    //: A list's cell of a row changed here that the server has not received yet.
    return tr("%1, waiting to be sent to the server").arg(text);
}
