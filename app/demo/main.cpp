// voucherdesk-demo: creates a demo workspace file, optionally with benchmark-scale data
// (up to 1,000,000 vouchers). Ctrl-C cancels and leaves nothing behind.

#include "app/apptr.h"
#include "app/translationloader.h"
#include "app/workspacepaths.h"
#include "core/demo/demoworkspace.h"
#include "core/queries/workspacesummary.h"
#include "core/store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {
std::atomic<bool> g_cancelled{false};

void requestCancel(int)
{
    g_cancelled = true;
}

template<typename T>
bool parseNumber(const QString &text, T min, T max, T *value)
{
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    if (!ok || number < qlonglong(min) || number > qlonglong(max))
        return false;
    *value = T(number);
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voucherdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VD_VERSION));
    // Diagnostics stay quiet unless QT_LOGGING_RULES asks for them.
    QLoggingCategory::setFilterRules(u"voucherdesk.*.debug=false\nvoucherdesk.*.info=false"_s);
    TranslationLoader::install(app, {});

    QCommandLineParser parser;
    parser.setApplicationDescription(
        AppTr::tr("Creates a VoucherDesk demo workspace: two partners with their managers, a "
                  "reviewer and an administrator, customers, templates and three months of "
                  "applications, vouchers and payments; optionally many more vouchers for "
                  "benchmarks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        u"workspace"_s,
        AppTr::tr("The file to create (default: %1).")
            .arg(QDir::toNativeSeparators(WorkspacePaths::demoWorkspace())),
        AppTr::tr("path"));
    const QCommandLineOption seedOption(u"seed"_s,
                                        AppTr::tr("Seed of the generator (default 2026)."),
                                        AppTr::tr("number"), u"2026"_s);
    const QCommandLineOption nowOption(
        u"now"_s, AppTr::tr("End of the generated history, ISO 8601 UTC (default: this hour)."),
        AppTr::tr("time"));
    const QCommandLineOption vouchersOption(
        u"vouchers"_s, AppTr::tr("Extra applications with vouchers for benchmarks (default 0)."),
        AppTr::tr("count"), u"0"_s);
    const QCommandLineOption partnersOption(
        u"partners"_s, AppTr::tr("Partners in all, with --vouchers (default 50)."),
        AppTr::tr("count"), u"50"_s);
    const QCommandLineOption customersOption(
        u"customers"_s, AppTr::tr("Customers in all, with --vouchers (default 20000)."),
        AppTr::tr("count"), u"20000"_s);
    const QCommandLineOption replaceOption(u"replace"_s,
                                           AppTr::tr("Replace the file if it exists."));
    const QCommandLineOption fastOption(
        u"fast-passwords"_s,
        AppTr::tr("Hash the demo passwords with minimal cost (for tests; not for real use)."));
    parser.addOptions({workspaceOption, seedOption, nowOption, vouchersOption, partnersOption,
                       customersOption, replaceOption, fastOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    DemoOptions demo;
    BulkOptions bulk;
    if (!parseNumber<quint32>(parser.value(seedOption), 0, UINT32_MAX, &demo.seed)) {
        err << AppTr::tr("--seed takes a whole number from 0 to %1.").arg(UINT32_MAX) << Qt::endl;
        return 2;
    }
    if (parser.isSet(nowOption)) {
        demo.now = QDateTime::fromString(parser.value(nowOption), Qt::ISODate).toUTC();
        if (!demo.now.isValid()) {
            err << AppTr::tr("--now takes a time such as 2026-11-26T08:00:00Z.") << Qt::endl;
            return 2;
        }
    }
    if (!parseNumber<qint64>(parser.value(vouchersOption), 0, 5'000'000, &bulk.vouchers) ||
        !parseNumber<int>(parser.value(partnersOption), 2, 1000, &bulk.partners) ||
        !parseNumber<int>(parser.value(customersOption), 1, 1'000'000, &bulk.customers)) {
        err << AppTr::tr("--vouchers takes 0 to 5,000,000, --partners 2 to 1,000 and "
                         "--customers 1 to 1,000,000.")
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(fastOption))
        demo.passwordCost = PasswordHasher::Cost::Minimal;
    bulk.seed = demo.seed;

    const QString path = parser.isSet(workspaceOption) ? parser.value(workspaceOption)
                                                       : WorkspacePaths::demoWorkspace();
    std::signal(SIGINT, requestCancel);
    std::signal(SIGTERM, requestCancel);
    QElapsedTimer timer;
    timer.start();
    const QLocale locale;
    const auto progress = [&](qint64 done, qint64 total) {
        err << '\r'
            << AppTr::tr("Writing vouchers: %1 of %2 (%3%)")
                   .arg(locale.toString(done), locale.toString(total))
                   .arg(done * 100 / std::max<qint64>(total, 1))
            << Qt::flush;
        if (done == total)
            err << Qt::endl;
        return !g_cancelled.load();
    };
    const Result<void> created =
        DemoWorkspace::create(path, demo, bulk, parser.isSet(replaceOption), progress);
    if (!created) {
        err << Qt::endl << created.error().message() << Qt::endl;
        return created.error().code() == u"FailedOperation.Cancelled"_s ? 130 : 1;
    }

    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db) {
        err << error << Qt::endl;
        return 1;
    }
    const QDateTime now = demo.now.isValid() ? demo.now : QDateTime::currentDateTimeUtc();
    const Result<WorkspaceSummary> summary = WorkspaceSummary::load(*db, now);
    if (summary)
        out << summary.value().toText() << Qt::endl;
    out << AppTr::tr("Created in %1 s.").arg(locale.toString(timer.elapsed() / 1000.0, 'f', 1))
        << Qt::endl;
    return 0;
}
