#pragma once

#include "core/sync/syncproblem.h"

#include <QAbstractTableModel>
#include <QList>

// The sync problems of a server workspace, newest first, for the Sync Problems panel.
class SyncProblemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, WhatColumn, MessageColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Replaces the rows; does nothing (keeping the views' selection) when they are the same.
    void setProblems(const QList<SyncProblem> &problems);
    const SyncProblem &problemAt(int row) const { return m_problems.at(row); }
    // The row of the problem; -1 when it is not listed.
    int rowOf(qint64 id) const;

    // What the refused command was, as a sentence: "Create template “Trial CVM”".
    static QString describe(const SyncProblem &problem);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SyncProblem> m_problems;
};
