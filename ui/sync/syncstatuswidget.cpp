#include "ui/sync/syncstatuswidget.h"

#include "core/sync/synccontroller.h"
#include "ui/sync/syncproblemspanel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
const QColor kOnline(0x16, 0xa3, 0x4a);
const QColor kOffline(0xb4, 0x53, 0x09);
const QColor kSignedOut(0xdc, 0x26, 0x26);
const QColor kWarning(0xb4, 0x53, 0x09);

void setTextColor(QWidget *widget, QPalette::ColorRole role, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(role, color);
    widget->setPalette(palette);
}
} // namespace

SyncStatusWidget::SyncStatusWidget(SyncController &sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_dot(new QLabel(u"●"_s))
    , m_connection(new QLabel)
    , m_pending(new QLabel)
    , m_lastSync(new QLabel)
    , m_progress(new QProgressBar)
    , m_receiving(new QLabel)
    , m_problems(new QToolButton)
    , m_syncNow(new QToolButton)
{
    setAccessibleName(tr("Sync status"));
    m_dot->setAccessibleName(tr("Connection state"));
    m_connection->setAccessibleName(tr("Server connection"));
    m_pending->setAccessibleName(tr("Changes waiting to be sent"));
    m_pending->setToolTip(tr("Changes made here that the server has not received yet. They are "
                             "kept in the workspace and sent in order."));
    m_lastSync->setAccessibleName(tr("Last sync"));

    // Busy: a pull does not know how many changes are coming.
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(80);
    m_progress->setMaximumHeight(12);
    m_progress->setAccessibleName(tr("Receiving changes"));
    m_receiving->setAccessibleName(tr("Changes received"));

    m_problems->setIcon(Icons::get(u"warning"_s));
    m_problems->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problems->setAutoRaise(true);
    m_problems->setToolTip(tr("Changes the server refused: see why"));
    setTextColor(m_problems, QPalette::ButtonText, kWarning);
    QFont bold = m_problems->font();
    bold.setBold(true);
    m_problems->setFont(bold);
    connect(m_problems, &QToolButton::clicked, this, &SyncStatusWidget::openProblems);

    m_syncNow->setIcon(Icons::get(u"refresh"_s));
    m_syncNow->setText(tr("Sync Now"));
    m_syncNow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_syncNow->setAutoRaise(true);
    m_syncNow->setAccessibleName(tr("Sync Now"));
    m_syncNow->setToolTip(tr("Send the waiting changes and receive the server's changes now"));
    connect(m_syncNow, &QToolButton::clicked, &m_sync, &SyncController::syncNow);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_connection);
    layout->addSpacing(6);
    layout->addWidget(m_pending);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_progress);
    layout->addWidget(m_receiving);
    layout->addWidget(m_problems);
    layout->addWidget(m_syncNow);

    connect(&m_sync, &SyncController::statusChanged, this, &SyncStatusWidget::showStatus);
    showStatus(m_sync.status());
}

void SyncStatusWidget::showStatus(const SyncStatus &status)
{
    showConnection(status);

    m_pending->setText(tr("%n waiting to be sent", nullptr, status.pending));
    m_pending->setVisible(status.pending > 0);

    showLastSync(status);

    m_progress->setVisible(status.pulling);
    m_receiving->setVisible(status.pulling);
    m_receiving->setText(tr("Receiving changes… %1").arg(DisplayFormat::count(status.received)));
    m_progress->setAccessibleDescription(m_receiving->text());

    m_problems->setText(tr("Sync Problems (%n)", nullptr, status.problems));
    m_problems->setAccessibleName(m_problems->text());
    m_problems->setVisible(status.problems > 0);

    // Signed out, nothing is sent until the user signs in again.
    m_syncNow->setEnabled(status.connection != SyncStatus::Connection::SignedOut);
}

void SyncStatusWidget::showConnection(const SyncStatus &status)
{
    QString text;
    QString toolTip;
    QColor color;
    switch (status.connection) {
    case SyncStatus::Connection::Connecting:
        text = tr("Connecting…");
        toolTip = tr("Waiting for the first answer from %1").arg(m_sync.server().toDisplayString());
        break;
    case SyncStatus::Connection::Online:
        if (!status.lastError.isEmpty()) {
            // The server answers, but its changes could not be taken in: say so, not "Online".
            text = tr("Online — sync failed, retrying");
            toolTip = tr("%1 answers, but the last sync failed: %2")
                          .arg(m_sync.server().toDisplayString(), status.lastError);
            color = kOffline;
            break;
        }
        text = tr("Online");
        toolTip = tr("Connected to %1").arg(m_sync.server().toDisplayString());
        color = kOnline;
        break;
    case SyncStatus::Connection::Offline:
        text = tr("Offline — changes are kept and sent when the server is back");
        toolTip = status.lastError.isEmpty()
                      ? tr("%1 cannot be reached.").arg(m_sync.server().toDisplayString())
                      : tr("%1 cannot be reached: %2")
                            .arg(m_sync.server().toDisplayString(), status.lastError);
        color = kOffline;
        break;
    case SyncStatus::Connection::SignedOut:
        text = tr("Signed out by the server — sign in again");
        toolTip = status.lastError.isEmpty()
                      ? tr("The server no longer accepts this sign-in.")
                      : tr("The server no longer accepts this sign-in: %1").arg(status.lastError);
        color = kSignedOut;
        break;
    }
    m_connection->setText(text);
    m_connection->setToolTip(toolTip);
    m_connection->setAccessibleDescription(toolTip);
    m_dot->setVisible(color.isValid());
    m_dot->setToolTip(toolTip);
    if (color.isValid())
        setTextColor(m_dot, QPalette::WindowText, color);
}

void SyncStatusWidget::showLastSync(const SyncStatus &status)
{
    m_lastSync->setVisible(status.lastSyncAt.isValid());
    if (!status.lastSyncAt.isValid())
        return;
    const QDateTime local = status.lastSyncAt.toLocalTime();
    // Today's time alone; an older sync says its day, so that it does not pass for today's.
    //: Time of day format (QTime::toString).
    const QString timeFormat = tr("HH:mm");
    const QString when = local.date() == QDate::currentDate()
                             ? QLocale().toString(local.time(), timeFormat)
                             : DisplayFormat::dateTime(status.lastSyncAt);
    m_lastSync->setText(tr("Last sync %1").arg(when));
    m_lastSync->setToolTip(
        tr("The last complete sync ended %1").arg(DisplayFormat::dateTime(status.lastSyncAt)));
}

SyncProblemsPanel *SyncStatusWidget::openProblems()
{
    if (!m_panel) {
        m_panel = new SyncProblemsPanel(m_sync, this);
        m_panel->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_panel->show();
    m_panel->raise();
    m_panel->activateWindow();
    return m_panel;
}
