#include "ui/review/reviewqueuemodel.h"

#include "core/commands/session.h"
#include "core/store/storeerror.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/itemroles.h"

#include <QFont>
#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcReview, "voucherdesk.ui.review")
} // namespace

ReviewQueueModel::ReviewQueueModel(Session &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

// The store's own words stay in the log: they may name tables and files.
QString ReviewQueueModel::readFailure(const std::exception &error)
{
    qCWarning(lcReview) << "reading the review queue failed:" << error.what();
    return tr("The review queue could not be read from the workspace. Try Refresh; if it keeps "
              "failing, reopen the workspace.");
}

void ReviewQueueModel::setFilter(const ReviewQueueFilter &filter)
{
    m_filter = filter;
    reload(PageSize);
}

void ReviewQueueModel::refresh()
{
    reload(std::max(PageSize, int(m_rows.size())));
}

void ReviewQueueModel::reload(int rows)
{
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    m_counts = {};
    m_atEnd = true;
    m_now = m_session.now();
    try {
        const ReviewQueueQuery query(m_session.db(), m_filter);
        m_rows = query.firstPage(rows);
        m_atEnd = m_rows.size() < rows;
        m_counts = query.counts(m_now);
    } catch (const StoreError &error) {
        m_rows.clear();
        m_error = readFailure(error);
    }
    // Listeners of modelReset may ask for more rows; they get them after the reset is over.
    m_busy = true;
    endResetModel();
    m_busy = false;
    emit countsChanged(m_counts);
    if (!m_error.isEmpty())
        emit loadFailed(m_error);
}

int ReviewQueueModel::rowOf(const QUuid &applicationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).applicationId == applicationId)
            return row;
    }
    return -1;
}

void ReviewQueueModel::setSent(const QSet<QUuid> &applicationIds)
{
    m_sent = applicationIds;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString ReviewQueueModel::dueText(const QDateTime &dueAt, const QDateTime &now)
{
    const QDate dueDay = dueAt.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (dueAt < now) {
        const qint64 days = dueDay.daysTo(today);
        if (days < 1) {
            //: %1 is a local time, e.g. 17:00.
            return tr("⚠ overdue since %1")
                .arg(QLocale().toString(dueAt.toLocalTime().time(), QLocale::ShortFormat));
        }
        //: Days past the review deadline; "d" abbreviates days.
        return tr("⚠ overdue %nd", nullptr, int(days));
    }
    const qint64 days = today.daysTo(dueDay);
    if (days < 1)
        return tr("due today");
    //: Days until the review deadline; "d" abbreviates days.
    return tr("due in %nd", nullptr, int(days));
}

QColor ReviewQueueModel::overdueColor()
{
    return QColor(0xb4, 0x53, 0x09); // the amber of warnings, dark enough to read on white
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::display(const ReviewQueueRow &row, int column) const
{
    switch (column) {
    case DueColumn:
        return isSent(row.applicationId) ? tr("Decision sent") : dueText(row.reviewDueAt, m_now);
    case PartnerColumn:
        return row.partnerName;
    case CustomerColumn:
        return row.customerName;
    case TemplateColumn:
        return row.templateName;
    case FaceColumn:
        return DisplayFormat::money(row.faceValueMinor, row.currency);
    case SubmittedColumn:
        return DisplayFormat::dateTime(row.submittedAt);
    }
    return {};
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewQueueRow &row = m_rows.at(index.row());
    const int column = index.column();
    const bool sent = isSent(row.applicationId);
    const bool overdue = !sent && row.isOverdueAt(m_now);
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (sent)
            return tr("Decision sent — waiting for the server");
        if (column == DueColumn)
            return tr("Review due by %1").arg(DisplayFormat::dateTime(row.reviewDueAt));
        if (column == CustomerColumn)
            return tr("UIN %1").arg(row.customerUin);
        if (column == TemplateColumn)
            return voucherKindDisplayName(row.kind);
        return {};
    case Qt::ForegroundRole:
        if (sent)
            return QColor(Qt::gray);
        if (overdue && column == DueColumn)
            return overdueColor();
        return {};
    case Qt::FontRole:
        if (sent) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == FaceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::Id:
        return row.applicationId;
    case ItemRoles::BadgeColor:
        if (overdue && column == DueColumn)
            return overdueColor();
        return {};
    case ItemRoles::SortValue:
        switch (column) {
        case DueColumn:
            return row.reviewDueAt;
        case FaceColumn:
            return row.faceValueMinor;
        case SubmittedColumn:
            return row.submittedAt;
        default:
            return display(row, column);
        }
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DueColumn:
        return tr("Due");
    case PartnerColumn:
        return tr("Partner");
    case CustomerColumn:
        return tr("Customer");
    case TemplateColumn:
        return tr("Template");
    case FaceColumn:
        return tr("Face");
    case SubmittedColumn:
        return tr("Submitted");
    }
    return {};
}

bool ReviewQueueModel::canFetchMore(const QModelIndex &parent) const
{
    // After a failed read, offering more would retry it at every scroll: Refresh reads again.
    return !parent.isValid() && !m_busy && !m_atEnd && m_error.isEmpty() && !m_rows.isEmpty();
}

void ReviewQueueModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QList<ReviewQueueRow> page;
    try {
        page = ReviewQueueQuery(m_session.db(), m_filter).pageAfter(m_rows.constLast(), PageSize);
    } catch (const StoreError &error) {
        m_error = readFailure(error);
        emit loadFailed(m_error);
        return;
    }
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty())
        return;
    // Listeners of the insertion signals may ask for more rows again: not before this page is in.
    m_busy = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_busy = false;
}
