// voucherdesk-bench: measures the budgets of DESIGN.md section 5 on a workspace of N vouchers
// and prints one JSON object (progress goes to stderr). See docs/PERFORMANCE.md.

#include "core/commands/session.h"
#include "core/repositories/userrepository.h"
#include "core/store/database.h"
#include "tests/bench/benchworkspace.h"
#include "tests/bench/coldstartbenchmark.h"
#include "tests/bench/exportbenchmark.h"
#include "tests/bench/listbenchmark.h"
#include "tests/bench/machineinfo.h"
#include "tests/bench/syncbenchmark.h"
#include "tests/bench/windowbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTextStream>

#include <exception>

using namespace Qt::StringLiterals;

namespace {
// The demo's accounts: a reviewer sees every partner, manager.a one partner.
const QString kReviewer = u"rev1"_s;
const QString kManager = u"manager.a"_s;

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int runBench(const QString &path, int runs, const QStringList &only, const QUrl &server,
             const QString &desktopBinary, QJsonObject &figures)
{
    const auto wanted = [&](const QString &group) {
        return only.isEmpty() || only.contains(group);
    };
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db) {
        err() << error << Qt::endl;
        return 1;
    }
    const UserRepository users(*db);
    const std::optional<User> reviewer = users.findByLogin(kReviewer);
    const std::optional<User> manager = users.findByLogin(kManager);
    if (!reviewer || !manager) {
        err() << "the workspace lacks the demo accounts " << kReviewer << " and " << kManager
              << Qt::endl;
        return 1;
    }
    Session reviewerSession(*db, *reviewer);
    Session managerSession(*db, *manager);
    ListBenchmark lists[] = {{reviewerSession, u"reviewer"_s, runs, figures},
                             {managerSession, u"partner"_s, runs, figures}};
    for (ListBenchmark &list : lists) {
        if (wanted(u"first_page"_s))
            list.firstPages();
        if (wanted(u"last_row"_s))
            list.lastRow();
        if (wanted(u"count"_s))
            list.counts();
    }
    if (wanted(u"scroll"_s)) {
        lists[0].scroll(20000);
        figures[u"rss/after_scroll"_s] = QJsonObject{{u"peak_rss_mb"_s, MachineInfo::peakRssMb()}};
    }
    if (wanted(u"window"_s)) {
        err() << "window_painted_ms …" << Qt::endl;
        figures[u"window_painted_ms"_s] = WindowBenchmark(path, kReviewer, runs).run();
        err() << "cold_start …" << Qt::endl;
        figures[u"cold_start/sign_in_painted"_s] =
            ColdStartBenchmark(desktopBinary, path, runs).run();
    }
    if (wanted(u"sync"_s) && server.isValid()) {
        // manager.a's share of the server's store, pulled by the desktop client's sync.
        err() << "sync …" << Qt::endl;
        const QJsonObject sync = SyncBenchmark(server, kManager, u"voucherdesk"_s, runs).run();
        if (sync.contains(u"error"_s)) {
            err() << "sync: " << sync.value(u"error"_s).toString() << Qt::endl;
            return 1;
        }
        figures[u"sync/partner/first_pull"_s] = sync.value(u"first_pull"_s);
        figures[u"sync/partner/empty_pull"_s] = sync.value(u"empty_pull"_s);
    }
    if (wanted(u"export"_s)) {
        ExportBenchmark exports(*db, runs);
        err() << "export/partner …" << Qt::endl;
        figures[u"export/partner"_s] = exports.run(manager->partnerId);
        err() << "export/all …" << Qt::endl;
        figures[u"export/all"_s] = exports.run({});
    }
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    // Headless by default: the bench measures painting without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voucherdesk-bench"_s);
    QCoreApplication::setOrganizationName(u"VoucherDesk"_s);
    QLoggingCategory::setFilterRules(u"voucherdesk.*.debug=false\nvoucherdesk.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures the budgets of DESIGN.md section 5 and prints one JSON object."_s);
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        u"workspace"_s, u"The workspace: reused if it holds vouchers, else generated."_s, u"path"_s,
        u"/tmp/bench1m.db"_s);
    const QCommandLineOption vouchersOption(
        u"vouchers"_s, u"Vouchers to generate into a new workspace (default 1000000)."_s,
        u"count"_s, u"1000000"_s);
    const QCommandLineOption partnersOption(
        u"partners"_s, u"Partners of a new workspace (default 50)."_s, u"count"_s, u"50"_s);
    const QCommandLineOption customersOption(
        u"customers"_s, u"Customers of a new workspace (default 20000)."_s, u"count"_s, u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per figure (default 7)."_s, u"count"_s,
                                        u"7"_s);
    const QCommandLineOption onlyOption(
        u"only"_s,
        u"Comma-separated groups: first_page, last_row, count, scroll, window, export, sync."_s,
        u"names"_s);
    const QCommandLineOption outputOption(u"output"_s, u"Write the JSON here (default stdout)."_s,
                                          u"file"_s);
    const QCommandLineOption serverOption(
        u"server"_s,
        u"A voucherdesk-server serving the workspace (e.g. http://127.0.0.1:8080): adds the sync "
        u"figures (manager.a's first and empty pulls into a fresh replica)."_s,
        u"url"_s);
    const QCommandLineOption desktopOption(
        u"desktop"_s, u"The voucherdesk binary whose cold start the window group times."_s,
        u"path"_s, QStringLiteral(VD_DESKTOP_BIN));
    parser.addOptions({workspaceOption, vouchersOption, partnersOption, customersOption, runsOption,
                       onlyOption, outputOption, serverOption, desktopOption});
    parser.process(app);

    bool ok = false;
    bool allOk = true;
    const qint64 vouchers = parser.value(vouchersOption).toLongLong(&ok);
    allOk &= ok && vouchers > 0;
    const int partners = parser.value(partnersOption).toInt(&ok);
    allOk &= ok && partners >= 2;
    const int customers = parser.value(customersOption).toInt(&ok);
    allOk &= ok && customers >= 1;
    const int runs = parser.value(runsOption).toInt(&ok);
    allOk &= ok && runs >= 1;
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    const QStringList groups = {u"first_page"_s, u"last_row"_s, u"count"_s, u"scroll"_s,
                                u"window"_s,     u"export"_s,   u"sync"_s};
    for (const QString &group : only) {
        if (!groups.contains(group)) {
            err() << "unknown group " << group << "; use " << groups.join(u", "_s) << Qt::endl;
            return 2;
        }
    }
    if (!allOk) {
        err() << "--vouchers, --partners (>= 2), --customers and --runs take positive numbers"
              << Qt::endl;
        return 2;
    }

    const QString path = parser.value(workspaceOption);
    QString error;
    if (!BenchWorkspace::ensure(path, vouchers, partners, customers, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    QJsonObject figures;
    try {
        const QUrl server(parser.value(serverOption));
        if (const int status =
                runBench(path, runs, only, server, parser.value(desktopOption), figures);
            status != 0)
            return status;
    } catch (const std::exception &e) {
        err() << "failed: " << e.what() << Qt::endl;
        return 1;
    }
    figures[u"rss/end"_s] = QJsonObject{{u"peak_rss_mb"_s, MachineInfo::peakRssMb()}};

    const QJsonObject report{{u"machine"_s, MachineInfo::toJson()},
                             {u"workspace"_s, BenchWorkspace::describe(path)},
                             {u"runs"_s, runs},
                             {u"figures"_s, figures}};
    const QByteArray json = QJsonDocument(report).toJson(QJsonDocument::Indented);
    if (parser.isSet(outputOption)) {
        QFile file(parser.value(outputOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) < 0) {
            err() << "cannot write " << file.fileName() << Qt::endl;
            return 1;
        }
    } else {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return 1;
        out.write(json);
    }
    return 0;
}
