#include "app/workspacepaths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString WorkspacePaths::dataFolder()
{
    // Named explicitly: the organisation name (for QSettings) must not move the workspaces.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(u"voucherdesk"_s);
}

QString WorkspacePaths::defaultWorkspace()
{
    return QDir(dataFolder()).filePath(u"workspace.db"_s);
}

QString WorkspacePaths::demoWorkspace()
{
    return QDir(dataFolder()).filePath(u"demo-workspace.db"_s);
}
