#pragma once

#include <QString>

// Where workspaces live by default: the user's data folder
// (~/.local/share/voucherdesk on Linux).
class WorkspacePaths
{
public:
    static QString dataFolder();
    static QString defaultWorkspace(); // workspace.db
    static QString demoWorkspace();    // demo-workspace.db
};
