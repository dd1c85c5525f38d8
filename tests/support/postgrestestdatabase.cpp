#include "tests/support/postgrestestdatabase.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

PostgresTestDatabase::PostgresTestDatabase()
{
    const QString urlFile = qEnvironmentVariable("VD_TEST_POSTGRES_URL_FILE");
    QFile file(urlFile);
    if (urlFile.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_error = u"no PostgreSQL test cluster: run the suite through ctest, which starts one "
                  u"(VD_TEST_POSTGRES_URL_FILE=%1)"_s.arg(urlFile);
        return;
    }
    m_clusterUrl = QString::fromUtf8(file.readAll()).trimmed();
    m_name = u"vdtest_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!runAdmin(u"CREATE DATABASE "_s + m_name))
        return;
    QUrl url(m_clusterUrl);
    url.setPath(u"/"_s + m_name);
    m_url = url.toString();
}

PostgresTestDatabase::~PostgresTestDatabase()
{
    if (isValid())
        runAdmin(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
}

bool PostgresTestDatabase::runAdmin(const QString &sql)
{
    const QUrl url(m_clusterUrl);
    const QString connection = u"vd-pg-admin-"_s + m_name;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            m_error = u"cannot reach the PostgreSQL test cluster at %1: %2"_s.arg(
                m_clusterUrl, db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                m_error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}
