#include "core/store/database.h"

#include "core/base/coretr.h"
#include "core/store/catalogue.h"
#include "core/store/migrations.h"
#include "core/store/postgresdialect.h"
#include "core/store/sqlitedialect.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "voucherdesk.store")

using namespace Qt::StringLiterals;

namespace {

constexpr int kSqliteBusyTimeoutMs = 10000;

QString sqliteOpenError(const QString &path, const QString &detail)
{
    return CoreTr::tr("Cannot open the workspace %1: %2")
        .arg(QDir::toNativeSeparators(path), detail);
}

} // namespace

Database::Database(QString location, std::unique_ptr<SqlDialect> dialect, QSqlDatabase prototype)
    : m_location(std::move(location))
    , m_dialect(std::move(dialect))
    , m_connectionPrefix(u"vd-"_s + QUuid::createUuid().toString(QUuid::Id128) + u"-"_s)
{
    // The prototype is cloned once per thread in connection().
    const QString name = m_connectionPrefix + u"prototype"_s;
    QSqlDatabase::cloneDatabase(prototype, name);
    m_connections.insert(name, nullptr);
}

Database::~Database()
{
    QMutexLocker locker(&m_connectionsMutex);
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        // Only the owning thread may touch a connection; others' are just unregistered.
        if (it.value() == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(it.key(), false);
            db.close();
        }
        QSqlDatabase::removeDatabase(it.key());
    }
}

bool Database::isPostgresLocation(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

std::unique_ptr<Database> Database::open(const QString &location, QString *errorMessage,
                                         Durability durability)
{
    auto setError = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
    };

    std::unique_ptr<SqlDialect> dialect;
    QSqlDatabase prototype;
    const QString protoName = u"vd-proto-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QString canonical;
    if (isPostgresLocation(location)) {
        dialect = std::make_unique<PostgresDialect>();
        const QUrl url(location);
        const QString dbName = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty()) {
            setError(
                CoreTr::tr("Write the database as postgresql://user:password@host:port/name."));
            return nullptr;
        }
        prototype = QSqlDatabase::addDatabase(dialect->driverName(), protoName);
        prototype.setHostName(url.host());
        prototype.setPort(url.port(5432));
        prototype.setUserName(url.userName());
        prototype.setPassword(url.password());
        prototype.setDatabaseName(dbName);
        QUrl redacted = url;
        redacted.setPassword({});
        canonical = redacted.toString();
    } else {
        dialect = std::make_unique<SqliteDialect>(durability == Durability::PowerLoss);
        const QFileInfo info(location);
        canonical = info.absoluteFilePath();
        if (location.trimmed().isEmpty()) {
            setError(CoreTr::tr("Choose a file for the workspace."));
            return nullptr;
        }
        if (info.isDir()) {
            setError(sqliteOpenError(canonical, CoreTr::tr("it is a folder.")));
            return nullptr;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            setError(sqliteOpenError(canonical, CoreTr::tr("its folder cannot be created.")));
            return nullptr;
        }
        prototype = QSqlDatabase::addDatabase(dialect->driverName(), protoName);
        prototype.setDatabaseName(canonical);
        prototype.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kSqliteBusyTimeoutMs));
    }

    if (!prototype.isValid()) {
        prototype = {};
        QSqlDatabase::removeDatabase(protoName);
        setError(CoreTr::tr("The Qt SQL driver %1 is not installed.").arg(dialect->driverName()));
        return nullptr;
    }

    std::unique_ptr<Database> db(new Database(canonical, std::move(dialect), prototype));
    prototype = {};
    QSqlDatabase::removeDatabase(protoName);

    try {
        db->initialise();
    } catch (const StoreError &error) {
        const QString detail = QString::fromUtf8(error.what());
        qCWarning(lcStore).noquote() << "opening" << canonical << "failed:" << detail;
        if (db->isPostgres())
            setError(CoreTr::tr("Cannot open the database %1: %2").arg(canonical, detail));
        else if (detail.contains(u"not a database"_s))
            setError(sqliteOpenError(canonical, CoreTr::tr("it is not a VoucherDesk workspace.")));
        else
            setError(sqliteOpenError(canonical, detail));
        return nullptr;
    }
    return db;
}

bool Database::inWriteTransaction() const
{
    return SqlTransaction::isOpen(*this);
}

bool Database::isPostgres() const
{
    return m_dialect->name() == u"postgresql"_s;
}

void Database::initialise()
{
    connection(); // opens and sets up this thread's connection, or throws
    const QList<int> applied = Migrations::apply(*this);
    if (!applied.isEmpty())
        qCInfo(lcStore) << "migrated" << m_location << "to schema" << applied.constLast();
    Catalogue::shipped().installIfEmpty(*this);
}

QSqlDatabase Database::connection() const
{
    const QString name =
        m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    {
        QMutexLocker locker(&m_connectionsMutex);
        if (m_connections.value(name) == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
        }
    }

    QMutexLocker locker(&m_connectionsMutex);
    // A name left by an ended thread whose id the system reused.
    if (m_connections.remove(name))
        QSqlDatabase::removeDatabase(name);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connectionPrefix + u"prototype"_s, name);
    auto discard = [&db, &name] {
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(name);
    };
    if (!db.open()) {
        const QString detail = db.lastError().text();
        discard();
        throw StoreError(StoreError::Kind::Failed, detail);
    }
    for (const QString &statement : m_dialect->connectionSetupSql()) {
        QSqlQuery setup(db);
        if (!setup.exec(statement)) {
            // A connection without its set-up (foreign keys, WAL) must never be handed out.
            const QSqlError error = setup.lastError();
            setup = QSqlQuery();
            discard();
            throw StoreError(m_dialect->classify(error), error.text());
        }
    }
    m_connections.insert(name, QThread::currentThread());
    return db;
}

SqlStatement Database::prepare(const QString &sql) const
{
    return SqlStatement(connection(), *m_dialect, sql);
}

void Database::execute(const QString &sql) const
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        const QSqlError error = query.lastError();
        const StoreError::Kind kind = m_dialect->classify(error);
        if (kind == StoreError::Kind::Failed)
            qCWarning(lcStore).noquote() << "execute failed:" << error.text() << "in" << sql;
        throw StoreError(kind, error.text());
    }
}

qint64 Database::nextRev() const
{
    return reserveRevs(1);
}

qint64 Database::reserveRevs(qint64 count) const
{
    SqlStatement query =
        prepare(u"UPDATE change_counter SET rev = rev + :count WHERE id = 1 RETURNING rev"_s);
    query.bind(u":count"_s, count).exec();
    if (!query.next())
        throw StoreError(StoreError::Kind::Failed, u"change counter is missing"_s);
    return query.int64(0) - count + 1;
}

QString Database::setting(const QString &key, const QString &fallback) const
{
    SqlStatement query = prepare(u"SELECT value FROM settings WHERE key = :key"_s);
    query.bind(u":key"_s, key).exec();
    return query.next() ? query.text(0) : fallback;
}

void Database::setSetting(const QString &key, const QString &value) const
{
    prepare(u"INSERT INTO settings (key, value) VALUES (:key, :value) "
            u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s)
        .bind(u":key"_s, key)
        .bind(u":value"_s, value)
        .exec();
}

QMutex *Database::writerTurn() const
{
    return isPostgres() ? nullptr : &m_writerMutex;
}

void Database::backOff(int attempt)
{
    // Spread racing writers apart; the wait grows with each attempt.
    const int maxMs = 2 << std::min(attempt, 7);
    QThread::msleep(QRandomGenerator::global()->bounded(1, maxMs + 1));
}
