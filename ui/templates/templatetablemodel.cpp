#include "ui/templates/templatetablemodel.h"

#include "core/repositories/outbox.h"
#include "core/store/storeerror.h"
#include "ui/sync/pendingmarker.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/statusstyle.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcTemplates, "voucherdesk.ui.templates")
} // namespace

// The store's own words stay in the log: they may name tables and files.
QString TemplateTableModel::readFailure(const std::exception &error)
{
    qCWarning(lcTemplates) << "reading templates failed:" << error.what();
    return tr("The templates could not be read from the workspace. Try Refresh; if it keeps "
              "failing, reopen the workspace.");
}

TemplateTableModel::TemplateTableModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{}

void TemplateTableModel::setFilter(const TemplateFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_total = 0;
    m_error.clear();
    try {
        m_total = TemplateRepository(m_db).count(m_filter);
        m_rows = readPage(0, PageSize);
        m_pending = readPending();
    } catch (const StoreError &error) {
        m_error = readFailure(error);
        m_total = 0;
    }
    // Listeners of modelReset may ask for more rows; they get them after the reset is over.
    m_busy = true;
    endResetModel();
    m_busy = false;
    if (!m_error.isEmpty())
        emit loadFailed(m_error);
}

void TemplateTableModel::setProductScope(const ProductScope &scope)
{
    m_scope = scope;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Scope), index(int(m_rows.size()) - 1, Scope));
}

void TemplateTableModel::reload()
{
    const int loaded = int(m_rows.size());
    setFilter(m_filter);
    while (int(m_rows.size()) < loaded && canFetchMore({}))
        fetchMore({});
}

// The outbox itself rather than Session::pendingIds(): the model has the store only, and a
// local workspace's outbox is always empty.
QSet<QUuid> TemplateTableModel::readPending() const
{
    return PendingMarker::ids(Outbox(m_db).pendingIds());
}

void TemplateTableModel::refreshPending()
{
    QSet<QUuid> pending;
    try {
        pending = readPending();
    } catch (const StoreError &error) {
        qCWarning(lcTemplates) << "reading the outbox failed:" << error.what();
        return;
    }
    if (pending == m_pending)
        return;
    m_pending = pending;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, Name), index(int(m_rows.size()) - 1, Name),
                         {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    }
}

const VoucherTemplate *TemplateTableModel::templateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TemplateTableModel::loadedRow(const QUuid &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int TemplateTableModel::fetchUntil(const QUuid &id, int maxRows)
{
    int row = loadedRow(id);
    while (row < 0 && m_rows.size() < maxRows && canFetchMore({})) {
        const qsizetype before = m_rows.size();
        fetchMore({});
        for (qsizetype i = before; i < m_rows.size() && row < 0; ++i) {
            if (m_rows.at(i).id == id)
                row = int(i);
        }
    }
    return row;
}

QString TemplateTableModel::lockedReason()
{
    return tr("Locked: an application was submitted");
}

int TemplateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TemplateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplateTableModel::display(const VoucherTemplate &t, int column) const
{
    switch (column) {
    case Name:
        return t.name;
    case Kind:
        return t.kind == VoucherKind::Specific ? tr("Specific") : tr("Universal");
    case FaceValue:
        return DisplayFormat::money(t.faceValueMinor, t.currency);
    case Validity:
        return tr("%n day(s)", nullptr, t.validityDays);
    case Scope:
        return t.kind == VoucherKind::Specific ? DisplayFormat::list(m_scope.names(t.productCodes))
                                               : tr("All except blocklist");
    case State:
        return t.locked ? tr("Locked") : tr("Editable");
    case Created:
        return DisplayFormat::date(t.createdAt);
    }
    return {};
}

QVariant TemplateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VoucherTemplate &t = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(t, column);
    case Qt::ToolTipRole:
        if (column == Scope) {
            return t.kind == VoucherKind::Specific ? m_scope.names(t.productCodes).join(u"\n"_s)
                                                   : m_scope.blocklistToolTip();
        }
        if (column == Name && m_pending.contains(t.id)) {
            return t.locked ? PendingMarker::toolTip() + u'\n' + lockedReason()
                            : PendingMarker::toolTip();
        }
        if (column == State || (column == Name && t.locked))
            return t.locked ? lockedReason() : tr("Editable: no application was submitted yet");
        if (column == Kind)
            return voucherKindDisplayName(t.kind);
        if (column == Created)
            return DisplayFormat::dateTime(t.createdAt);
        return {};
    case Qt::DecorationRole:
        // In the name column: the state column's badge paints over an icon. Waiting for the
        // server says more than locked, which the State column shows anyway.
        if (column == Name && m_pending.contains(t.id))
            return PendingMarker::icon();
        if (column == Name && t.locked)
            return Icons::get(u"lock"_s);
        return {};
    case Qt::AccessibleTextRole:
        if (column == Name && m_pending.contains(t.id))
            return PendingMarker::accessibleText(t.name);
        return {};
    case Qt::TextAlignmentRole:
        if (column == FaceValue || column == Validity)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ItemRoles::Id:
        return t.id;
    case ItemRoles::BadgeColor:
        if (column == State)
            return t.locked ? StatusStyle::lockedColor() : StatusStyle::editableColor();
        return {};
    case ItemRoles::SortValue:
        switch (column) {
        case FaceValue:
            return t.faceValueMinor;
        case Validity:
            return t.validityDays;
        case State:
            return t.locked;
        case Created:
            return t.createdAt;
        default:
            return display(t, column);
        }
    }
    return {};
}

QVariant TemplateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case FaceValue:
        return tr("Face value");
    case Validity:
        return tr("Validity");
    case Scope:
        return tr("Scope");
    case State:
        return tr("State");
    case Created:
        return tr("Created");
    }
    return {};
}

bool TemplateTableModel::canFetchMore(const QModelIndex &parent) const
{
    // After a failed read, offering more would retry it at every scroll: Refresh reads again.
    return !parent.isValid() && !m_busy && m_error.isEmpty() && m_rows.size() < m_total;
}

void TemplateTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QList<VoucherTemplate> page;
    try {
        page = readPage(int(m_rows.size()), PageSize);
    } catch (const StoreError &error) {
        m_error = readFailure(error);
        emit loadFailed(m_error);
        return;
    }
    if (page.isEmpty()) {
        // Rows were deleted since counting: stop offering more.
        m_total = m_rows.size();
        return;
    }
    // Listeners of the insertion signals may ask for more rows again: not before this page is in.
    m_busy = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_busy = false;
}

QList<VoucherTemplate> TemplateTableModel::readPage(int offset, int limit)
{
    TemplateFilter filter = m_filter;
    filter.offset = offset;
    filter.limit = limit;
    return TemplateRepository(m_db).list(filter);
}
