// voucherdesk: the channel manager's and reviewer's desktop application. Until its window is
// built, it opens (or creates) a local workspace and prints what the workspace holds.

#include "apptr.h"
#include "database.h"
#include "demogenerator.h"
#include "demoworkspace.h"
#include "translationloader.h"
#include "workspacepaths.h"
#include "workspacesummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voucherdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VD_VERSION));
    // Diagnostics stay quiet unless QT_LOGGING_RULES asks for them.
    QLoggingCategory::setFilterRules(u"voucherdesk.*.debug=false\nvoucherdesk.*.info=false"_s);

    // The language comes first: every later message is already in it.
    QString language;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang"_s && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(u"--lang="_s))
            language = arguments.at(i).mid(7);
    }
    QTextStream err(stderr);
    if (!TranslationLoader::isSupported(language)) {
        err << AppTr::tr("Unknown language \"%1\"; use one of: %2.")
                   .arg(language, TranslationLoader::supportedLanguages().join(u", "_s))
            << Qt::endl;
        return 2;
    }
    TranslationLoader::install(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        AppTr::tr("VoucherDesk: vendor vouchers of the Tencent Cloud Partner Center."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        u"workspace"_s,
        AppTr::tr("The local workspace file (default: %1).")
            .arg(QDir::toNativeSeparators(WorkspacePaths::defaultWorkspace())),
        AppTr::tr("path"));
    const QCommandLineOption demoOption(
        u"demo"_s, AppTr::tr("Use the demo workspace (default: %1), creating it if it is missing.")
                       .arg(QDir::toNativeSeparators(WorkspacePaths::demoWorkspace())));
    const QCommandLineOption langOption(
        u"lang"_s,
        AppTr::tr("The language: %1.").arg(TranslationLoader::supportedLanguages().join(u", "_s)),
        AppTr::tr("language"));
    parser.addOptions({workspaceOption, demoOption, langOption});
    parser.process(app);

    const bool demo = parser.isSet(demoOption);
    const QString path = parser.isSet(workspaceOption) ? parser.value(workspaceOption)
                         : demo                        ? WorkspacePaths::demoWorkspace()
                                                       : WorkspacePaths::defaultWorkspace();
    QTextStream out(stdout);
    if (demo && !QFileInfo::exists(path)) {
        out << AppTr::tr("Creating the demo workspace %1 …").arg(QDir::toNativeSeparators(path))
            << Qt::endl;
        if (const Result<void> created = DemoWorkspace::create(path, DemoOptions()); !created) {
            err << created.error().message() << Qt::endl;
            return 1;
        }
    }

    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db) {
        err << error << Qt::endl;
        return 1;
    }
    const Result<WorkspaceSummary> summary =
        WorkspaceSummary::load(*db, QDateTime::currentDateTimeUtc());
    if (!summary) {
        err << summary.error().message() << Qt::endl;
        return 1;
    }
    out << summary.value().toText() << Qt::endl;
    if (demo) {
        out << AppTr::tr("Sign in as manager.a (partner manager), rev1 (reviewer) or admin; "
                         "the password of every demo account is \"%1\".")
                   .arg(QString::fromLatin1(DemoGenerator::Password))
            << Qt::endl;
    }
    return 0;
}
