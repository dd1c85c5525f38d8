// voucherdesk-server: the REST API of VoucherDesk for a team (DESIGN.md section 4).

#include "server/servercli.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voucherdesk-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VD_VERSION));
    // One access-log line per request on standard error; store diagnostics stay quiet.
    QLoggingCategory::setFilterRules(
        u"voucherdesk.*.debug=false\nvoucherdesk.*.info=false\nvoucherdesk.access.info=true"_s);
    // The API speaks English; its catalogue gives the plural forms ("1 second", "50 seconds").
    QTranslator english;
    if (english.load(u":/i18n/voucherdesk_en.qm"_s))
        QCoreApplication::installTranslator(&english);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ServerCli(app, out, err).run(QCoreApplication::arguments());
}
