// The contract and the server agree: every route the server answers is described in
// server/openapi.yaml with its method, and the document describes no route the server lacks.

#include "server/apiroutes.h"
#include "server/apiserver.h"
#include "tests/support/testworkspace.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// "METHOD /path" for every operation under `paths:` (the file's own two-space layout).
QSet<QString> documentedOperations(const QString &yaml)
{
    static const QRegularExpression path(u"^  (/\\S*):\\s*$"_s);
    static const QRegularExpression method(u"^    (get|put|post|delete|patch|head|options):"_s);
    QSet<QString> operations;
    QString current;
    bool inPaths = false;
    for (const QString &line : yaml.split(u'\n')) {
        if (!line.startsWith(u' ') && !line.isEmpty())
            inPaths = line.startsWith(u"paths:"_s);
        if (!inPaths)
            continue;
        if (const auto m = path.match(line); m.hasMatch())
            current = m.captured(1);
        else if (const auto m = method.match(line); m.hasMatch() && !current.isEmpty())
            operations.insert(m.captured(1).toUpper() + u' ' + current);
    }
    return operations;
}
} // namespace

class TestOpenApiCoverage : public QObject
{
    Q_OBJECT

private slots:
    void everyRouteIsDocumentedAndNoMore()
    {
        QFile file(QStringLiteral(VD_OPENAPI_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QSet<QString> documented = documentedOperations(QString::fromUtf8(file.readAll()));
        QVERIFY(documented.size() > 10);

        TestWorkspace ws;
        ApiServer server(ws.db());
        ApiRoutes::install(server);
        QSet<QString> served;
        for (const Router::Route &route : server.router().routes())
            served.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);

        const QStringList undocumented = QStringList((served - documented).values());
        const QStringList unserved = QStringList((documented - served).values());
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(u"served but not in openapi.yaml: "_s + undocumented.join(u", "_s)));
        QVERIFY2(unserved.isEmpty(),
                 qPrintable(u"in openapi.yaml but not served: "_s + unserved.join(u", "_s)));
    }
};

QTEST_MAIN(TestOpenApiCoverage)
#include "tst_openapicoverage.moc"
