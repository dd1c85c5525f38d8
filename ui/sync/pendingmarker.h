#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QSet>
#include <QString>
#include <QUuid>

// How the lists mark a row that a command waiting in a server workspace's outbox changed: the
// same icon, tooltip and spoken text in every list.
class PendingMarker
{
    Q_DECLARE_TR_FUNCTIONS(PendingMarker)

public:
    // Session::pendingIds() as ids, converted once per reload rather than at every data() call.
    static QSet<QUuid> ids(const QSet<QString> &pendingIds);

    static QIcon icon();
    static QString toolTip();
    // What a screen reader says of the marked cell whose text is `text`.
    static QString accessibleText(const QString &text);
};
