#include "workspacepaths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString WorkspacePaths::dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString WorkspacePaths::defaultWorkspace()
{
    return QDir(dataFolder()).filePath(u"workspace.db"_s);
}

QString WorkspacePaths::demoWorkspace()
{
    return QDir(dataFolder()).filePath(u"demo-workspace.db"_s);
}
