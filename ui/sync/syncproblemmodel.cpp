#include "ui/sync/syncproblemmodel.h"

#include "ui/widgets/displayformat.h"
#include "ui/widgets/icons.h"

using namespace Qt::StringLiterals;

void SyncProblemModel::setProblems(const QList<SyncProblem> &problems)
{
    const auto sameRows = [&] {
        if (problems.size() != m_problems.size())
            return false;
        for (qsizetype i = 0; i < problems.size(); ++i) {
            if (problems.at(i).id != m_problems.at(i).id)
                return false;
        }
        return true;
    };
    // A problem never changes once recorded: the same ids are the same rows.
    if (sameRows())
        return;
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

int SyncProblemModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_problems.size(); ++row) {
        if (m_problems.at(row).id == id)
            return row;
    }
    return -1;
}

QString SyncProblemModel::describe(const SyncProblem &problem)
{
    const QString &command = problem.command;
    const QString &label = problem.label;
    if (command == u"createTemplate"_s)
        return tr("Create template “%1”").arg(label);
    if (command == u"updateTemplate"_s)
        return tr("Edit template “%1”").arg(label);
    if (command == u"duplicateTemplate"_s)
        return tr("Duplicate a template as “%1”").arg(label);
    if (command == u"deleteTemplate"_s)
        return tr("Delete template “%1”").arg(label);
    if (command == u"submitApplication"_s)
        return tr("Apply with template “%1”").arg(label);
    if (command == u"cancelApplication"_s)
        return tr("Cancel application (template “%1”)").arg(label);
    if (command == u"recordDeduction"_s)
        return tr("Pay with voucher %1").arg(label);
    if (command == u"addCustomer"_s)
        return tr("Add customer “%1”").arg(label);
    if (command == u"approve"_s)
        return tr("Approve application (template “%1”)").arg(label);
    if (command == u"reject"_s)
        return tr("Reject application (template “%1”)").arg(label);
    if (command == u"setQuota"_s)
        return tr("Set the quota of %1").arg(label);
    if (command == u"invalidateVoucher"_s)
        return tr("Invalidate voucher %1").arg(label);
    // A command of a newer version: its own name still tells support what it was.
    return label.isEmpty() ? command : tr("%1 (%2)").arg(command, label);
}

int SyncProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int SyncProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncProblem &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case WhenColumn:
            return DisplayFormat::dateTime(problem.at);
        case WhatColumn:
            return describe(problem);
        case MessageColumn:
            // One line in the table; the panel shows it whole below.
            return problem.message.simplified();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return problem.message;
        return {};
    case Qt::DecorationRole:
        if (index.column() == WhenColumn)
            return Icons::get(u"warning"_s);
        return {};
    }
    return {};
}

QVariant SyncProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhatColumn:
        return tr("Change");
    case MessageColumn:
        return tr("Server's answer");
    }
    return {};
}
