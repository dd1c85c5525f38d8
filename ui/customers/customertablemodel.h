#pragma once

#include "core/base/commanderror.h"
#include "core/repositories/customerrepository.h"

#include <QAbstractTableModel>
#include <QSet>

class Session;

// The signed-in partner's customers, a page at a time (fetchMore), ordered by name: the
// Customers page, and the customer step of the application wizard (eligible ones only).
class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UinColumn, EligibleColumn, CreatedColumn, ColumnCount };

    explicit CustomerTableModel(Session &session, QObject *parent = nullptr);

    // Part of the name or the start of the UIN; reloads.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setEligibleOnly(bool eligibleOnly);
    // Re-reads from the first page, e.g. after a customer was added.
    void reload();
    // Reads again which customers wait to be sent to the server (a server workspace) and
    // repaints their marker; the rows, the scroll position and the selection stay.
    void refreshPending();
    bool isPending(const QUuid &id) const { return m_pending.contains(id); }

    // Every customer the filter matches, loaded or not.
    qint64 totalCount() const { return m_totalCount; }
    // Whether the partner has any customer at all, whatever the filter.
    bool hasAnyCustomer() const { return m_hasAny; }
    // The row of a loaded customer; -1 when it is not loaded (or the filter does not match it).
    int rowOf(const QUuid &id) const;
    // Fetches pages until the customer is loaded, reading at most `maxRows` rows in all (a
    // page may overshoot it); its row, or -1.
    int fetchUntil(const QUuid &id, int maxRows);
    Customer customerAt(int row) const { return m_rows.at(row); }
    // Why the last read failed; empty after a good one.
    QString errorMessage() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int PageSize = 100;

private:
    CustomerFilter filter(bool withText = true) const;
    QList<Customer> readPage(int offset);
    qint64 readCount(const CustomerFilter &filter);
    void readFailed(const CommandError &error);

    Session &m_session;
    QString m_filterText;
    bool m_eligibleOnly = false;
    QList<Customer> m_rows;
    QSet<QUuid> m_pending; // read with the rows, not at every data() call
    qint64 m_totalCount = 0;
    bool m_hasAny = false;
    QString m_error;
};
