// voucherdesk: the channel manager's desktop application. Signs in to a local workspace or a
// server (working on a synced replica) and opens the Partner Center main window; --summary prints
// what a workspace holds instead, and
// --screenshot saves every page and dialog as PNG files.

#include "app/apptr.h"
#include "app/translationloader.h"
#include "app/workspacepaths.h"
#include "core/commands/session.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/queries/workspacesummary.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"
#include "ui/firstpaintwatcher.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/screenshottour.h"
#include "ui/signin/signedinworkspace.h"
#include "ui/signin/signindialog.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/mnemonicnames.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang"_s && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--lang="_s))
            return arguments.at(i).mid(7);
    }
    return {};
}

// --help, --version and --summary work without a display.
bool needsWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--summary" || arg == "--help" || arg == "-h" || arg == "--help-all" ||
            arg == "--version" || arg == "-v")
            return false;
    }
    return true;
}

int printSummary(const QString &path, bool demo)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
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

// A fixed demo workspace signed in as manager.a, so the pictures are the same on every run.
int takeScreenshots(QApplication &app, const QString &dir)
{
    QTextStream err(stderr);
    QTemporaryDir workspaceDir;
    const QString path = workspaceDir.filePath(u"screenshots.db"_s);
    DemoOptions options;
    options.now = QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);
    options.passwordCost = PasswordHasher::Cost::Minimal;
    if (const Result<void> created = DemoWorkspace::create(path, options); !created) {
        err << created.error().message() << Qt::endl;
        return 1;
    }
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    const auto user = db ? UserRepository(*db).findByLogin(u"manager.a"_s) : std::nullopt;
    if (!user) {
        err << error << Qt::endl;
        return 1;
    }
    if (!QDir().mkpath(dir)) {
        err << AppTr::tr("Cannot create the folder %1.").arg(dir) << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        TranslationLoader::install(app, language);
        Session session(*db, *user);
        session.context().setClock([now = options.now] { return now; });
        const QStringList files = ScreenshotTour(session, dir, language).run();
        for (const QString &file : files)
            out << QDir::toNativeSeparators(file) << Qt::endl;
    }
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    // The language comes first, before any window system is needed: every later message is
    // already in it.
    QString language = languageArgument(rawArguments);
    if (!TranslationLoader::isSupported(language)) {
        QTextStream(stderr) << AppTr::tr("Unknown language \"%1\"; use one of: %2.")
                                   .arg(language,
                                        TranslationLoader::supportedLanguages().join(u", "_s))
                            << Qt::endl;
        return 2;
    }

    std::unique_ptr<QCoreApplication> application;
    if (needsWindow(argc, argv)) {
        application = std::make_unique<QApplication>(argc, argv);
        application->installEventFilter(new MnemonicNames(application.get()));
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(u"VoucherDesk"_s);
    QCoreApplication::setApplicationName(u"voucherdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VD_VERSION));
    // Diagnostics stay quiet unless QT_LOGGING_RULES asks for them.
    QLoggingCategory::setFilterRules(u"voucherdesk.*.debug=false\nvoucherdesk.*.info=false"_s);

    if (language.isEmpty())
        language = PreferencesDialog::savedLanguage();
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
    const QCommandLineOption summaryOption(
        u"summary"_s, AppTr::tr("Print what the workspace holds and exit, without a window."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        AppTr::tr("Save a 1280×800 PNG of every page and dialog, in English and Chinese, of a "
                  "fixed demo workspace into the folder, and exit."),
        AppTr::tr("folder"));
    const QCommandLineOption serverOption(
        u"server"_s,
        AppTr::tr("Sign in to a VoucherDesk server, e.g. https://vouchers.example.com, instead "
                  "of a local workspace."),
        AppTr::tr("url"));
    const QCommandLineOption loginOption(
        u"login"_s, AppTr::tr("The login to sign in with (you are asked for the password)."),
        AppTr::tr("login"));
    // For voucherdesk-bench: prints "painted" once the sign-in window is first painted, and
    // quits. The time from starting the process to that line is the cold start.
    QCommandLineOption startupProbeOption(u"startup-probe"_s, QString());
    startupProbeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({workspaceOption, demoOption, serverOption, loginOption, langOption,
                       summaryOption, screenshotOption, startupProbeOption});
    parser.process(app);

    const bool demo = parser.isSet(demoOption);
    QSettings settings;
    const QString path =
        parser.isSet(workspaceOption) ? parser.value(workspaceOption)
        : demo                        ? WorkspacePaths::demoWorkspace()
               : settings.value(u"lastWorkspace"_s, WorkspacePaths::defaultWorkspace()).toString();
    if (parser.isSet(summaryOption))
        return printSummary(path, demo);
    auto &gui = static_cast<QApplication &>(app);
    QApplication::setWindowIcon(Icons::application());
    if (parser.isSet(screenshotOption))
        return takeScreenshots(gui, parser.value(screenshotOption));

    QString workspace = path;
    QString login = parser.isSet(loginOption) ? parser.value(loginOption)
                    : demo                    ? u"manager.a"_s
                                              : settings.value(u"lastLogin"_s).toString();
    bool createDemo = demo && !QFileInfo::exists(path);
    QString serverAddress = parser.isSet(serverOption) ? parser.value(serverOption)
                                                       : settings.value(u"lastServer"_s).toString();
    bool serverMode =
        parser.isSet(serverOption) || (!parser.isSet(workspaceOption) && !demo &&
                                       settings.value(u"lastMode"_s).toString() == u"server"_s);
    for (;;) {
        SignInDialog signIn(WorkspacePaths::demoWorkspace());
        signIn.setDataFolder(WorkspacePaths::dataFolder());
        signIn.setWorkspacePath(workspace);
        signIn.setServerAddress(serverAddress);
        signIn.setServerMode(serverMode);
        signIn.setLogin(login);
        signIn.setLanguage(language.isEmpty() ? QLocale().name() : language);
        bool relabel = false;
        QObject::connect(&signIn, &SignInDialog::languageChanged, &signIn,
                         [&](const QString &chosen) {
                             language = chosen;
                             PreferencesDialog::saveLanguage(chosen);
                             TranslationLoader::install(app, chosen);
                             workspace = signIn.workspacePath();
                             serverAddress = signIn.serverAddress();
                             serverMode = signIn.isServerMode();
                             relabel = true;
                             signIn.done(QDialog::Rejected);
                         });
        if (createDemo) {
            createDemo = false;
            signIn.createDemoWorkspace();
        }
        if (parser.isSet(startupProbeOption)) {
            QObject::connect(new FirstPaintWatcher(&signIn), &FirstPaintWatcher::painted, &signIn,
                             [&signIn] {
                                 QTextStream(stdout) << "painted" << Qt::endl;
                                 signIn.done(QDialog::Rejected);
                             });
        }
        signIn.show();
        if (signIn.exec() != QDialog::Accepted) {
            if (relabel)
                continue; // the same dialog, in the new language
            return 0;
        }
        workspace = signIn.workspacePath();
        serverMode = signIn.isServerMode();
        serverAddress = signIn.serverAddress();
        login = signIn.user().login;
        settings.setValue(u"lastMode"_s, serverMode ? u"server"_s : u"local"_s);
        if (serverMode)
            settings.setValue(u"lastServer"_s, serverAddress);
        else
            settings.setValue(u"lastWorkspace"_s, workspace);
        settings.setValue(u"lastLogin"_s, login);

        SignedInWorkspace workspaceSession(signIn);
        MainWindow window(workspaceSession.session(), workspaceSession.description());
        window.setSync(workspaceSession.sync());
        window.restoreLayout();
        bool signOut = false;
        QObject::connect(&window, &MainWindow::signOutRequested, &window, [&] {
            signOut = true;
            window.close();
        });
        QObject::connect(&window, &MainWindow::preferencesRequested, &window, [&] {
            auto *preferences = new PreferencesDialog(&window);
            preferences->setAttribute(Qt::WA_DeleteOnClose);
            preferences->open();
        });
        window.show();
        const int status = QApplication::exec();
        if (!signOut)
            return status;
    }
}
