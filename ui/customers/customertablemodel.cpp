#include "ui/customers/customertablemodel.h"

#include "core/commands/session.h"
#include "core/store/database.h"
#include "ui/sync/pendingmarker.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/itemroles.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcCustomers, "voucherdesk.ui.customers")
} // namespace

CustomerTableModel::CustomerTableModel(Session &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    reload();
}

void CustomerTableModel::setFilterText(const QString &text)
{
    if (text.trimmed() == m_filterText)
        return;
    m_filterText = text.trimmed();
    reload();
}

void CustomerTableModel::setEligibleOnly(bool eligibleOnly)
{
    if (eligibleOnly == m_eligibleOnly)
        return;
    m_eligibleOnly = eligibleOnly;
    reload();
}

void CustomerTableModel::reload()
{
    beginResetModel();
    m_error.clear();
    m_totalCount = readCount(filter());
    m_hasAny = m_filterText.isEmpty() ? m_totalCount > 0 : readCount(filter(false)) > 0;
    m_rows = readPage(0);
    m_pending = PendingMarker::ids(m_session.pendingIds());
    endResetModel();
}

void CustomerTableModel::refreshPending()
{
    QSet<QUuid> pending = PendingMarker::ids(m_session.pendingIds());
    if (pending == m_pending)
        return;
    m_pending = std::move(pending);
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, NameColumn), index(int(m_rows.size()) - 1, NameColumn),
                         {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    }
}

int CustomerTableModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int CustomerTableModel::fetchUntil(const QUuid &id, int maxRows)
{
    int row = rowOf(id);
    while (row < 0 && canFetchMore({}) && m_rows.size() < maxRows) {
        const qsizetype before = m_rows.size();
        fetchMore({});
        for (qsizetype i = before; i < m_rows.size(); ++i) {
            if (m_rows.at(i).id == id)
                row = int(i);
        }
    }
    return row;
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &customer = m_rows.at(index.row());
    if (role == ItemRoles::Id)
        return customer.id;
    if (index.column() == NameColumn && m_pending.contains(customer.id)) {
        if (role == Qt::DecorationRole)
            return PendingMarker::icon();
        if (role == Qt::ToolTipRole)
            return PendingMarker::toolTip();
        if (role == Qt::AccessibleTextRole)
            return PendingMarker::accessibleText(customer.name);
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case NameColumn:
            return customer.name;
        case UinColumn:
            return customer.uin;
        case EligibleColumn:
            return customer.eligible ? tr("Eligible") : tr("Not eligible");
        case CreatedColumn:
            return DisplayFormat::date(customer.createdAt);
        }
    }
    if (role == ItemRoles::SortValue) {
        switch (index.column()) {
        case NameColumn:
            return customer.name.toLower();
        case UinColumn:
            return customer.uin;
        case EligibleColumn:
            return customer.eligible;
        case CreatedColumn:
            return customer.createdAt;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == EligibleColumn && !customer.eligible)
        return tr("Not eligible customers cannot be chosen in an application.");
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UinColumn:
        return tr("UIN");
    case EligibleColumn:
        return tr("Eligible");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

bool CustomerTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_totalCount;
}

void CustomerTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<Customer> page = readPage(int(m_rows.size()));
    if (page.isEmpty()) {
        // Rows were removed since the count: stop offering more.
        m_totalCount = m_rows.size();
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

CustomerFilter CustomerTableModel::filter(bool withText) const
{
    CustomerFilter filter;
    filter.partnerId = m_session.actor().partnerId;
    filter.text = withText ? m_filterText : QString();
    filter.eligibleOnly = m_eligibleOnly;
    return filter;
}

QList<Customer> CustomerTableModel::readPage(int offset)
{
    CustomerFilter page = filter();
    page.offset = offset;
    page.limit = PageSize;
    const Database &db = m_session.db();
    const auto rows =
        db.read([&]() -> Result<QList<Customer>> { return CustomerRepository(db).list(page); });
    if (!rows.ok()) {
        readFailed(rows.error());
        return {};
    }
    return rows.value();
}

qint64 CustomerTableModel::readCount(const CustomerFilter &filter)
{
    const Database &db = m_session.db();
    const auto count =
        db.read([&]() -> Result<qint64> { return CustomerRepository(db).count(filter); });
    if (!count.ok()) {
        readFailed(count.error());
        return 0;
    }
    return count.value();
}

void CustomerTableModel::readFailed(const CommandError &error)
{
    qCWarning(lcCustomers) << "reading customers failed:" << error.code() << error.message();
    m_error = tr("The customers could not be read from the workspace. Try Refresh; if it keeps "
                 "failing, reopen the workspace.");
}
