#pragma once

#include <QIcon>

// The application's SVG icons (resources/icons), one consistent set for every action.
class Icons
{
public:
    // "add", "edit", "view", "duplicate", "delete", "apply", "cancel", "pay", "export",
    // "refresh", "search", "customers", "template", "voucher", "lock", "info", "warning",
    // "signout", "preferences", "folder", "pending" (a row waiting to be sent to the server).
    static QIcon get(const QString &name);
    static QIcon application();
};
