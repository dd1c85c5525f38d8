#include "core/store/externalwritewatcher.h"

#include "core/store/database.h"
#include "core/store/sqlstatement.h"
#include "core/store/storeerror.h"

#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcExternalWrites, "voucherdesk.store.external")
}

ExternalWriteWatcher::ExternalWriteWatcher(const Database &db, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &ExternalWriteWatcher::check);
}

bool ExternalWriteWatcher::start()
{
    if (m_db.isPostgres())
        return false;
    m_version = readVersion();
    m_timer->start();
    return true;
}

void ExternalWriteWatcher::stop()
{
    m_timer->stop();
}

qint64 ExternalWriteWatcher::readVersion() const
{
    try {
        SqlStatement statement = m_db.prepare(u"PRAGMA data_version"_s);
        statement.exec();
        return statement.next() ? statement.value(0).toLongLong() : -1;
    } catch (const StoreError &error) {
        qCWarning(lcExternalWrites) << "reading data_version failed:" << error.what();
        return -1;
    }
}

void ExternalWriteWatcher::check()
{
    // Inside one of our own transactions the version says nothing about others.
    if (m_db.inWriteTransaction())
        return;
    const qint64 version = readVersion();
    if (version < 0 || version == m_version)
        return;
    const bool first = m_version < 0;
    m_version = version;
    if (!first) {
        qCDebug(lcExternalWrites) << "another connection wrote to" << m_db.location();
        emit changed();
    }
}
