#pragma once

#include "core/repositories/templaterepository.h"
#include "ui/templates/productscope.h"

#include <QAbstractTableModel>
#include <QSet>

class Database;

// The voucher templates that match a filter, newest first, read a page at a time as the view
// scrolls (canFetchMore/fetchMore).
class TemplateTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Kind, FaceValue, Validity, Scope, State, Created, ColumnCount };

    static constexpr int PageSize = 50;
    // How many rows a search for one template may load before it gives up.
    static constexpr int SearchRows = 10 * PageSize;

    explicit TemplateTableModel(const Database &db, QObject *parent = nullptr);

    // Reads afresh from the first page; offset and limit of the filter are the model's own.
    void setFilter(const TemplateFilter &filter);
    TemplateFilter filter() const { return m_filter; }
    // Names of the products and the blocklist shown in the Scope column.
    void setProductScope(const ProductScope &scope);
    // Re-reads with the same filter, keeping at least as many rows loaded as before.
    void reload();
    // Reads again which templates wait to be sent to the server (a server workspace) and
    // repaints their marker; the rows, the scroll position and the selection stay.
    void refreshPending();
    bool isPending(const QUuid &id) const { return m_pending.contains(id); }

    // Matching templates in the store, not only the loaded ones.
    qint64 totalCount() const { return m_total; }
    // Why the last read failed; empty after a good one.
    QString errorMessage() const { return m_error; }
    const VoucherTemplate *templateAt(int row) const;
    // The row of the template among the rows loaded so far; -1 if none of them is it.
    int loadedRow(const QUuid &id) const;
    // The row of the template, loading further pages while fewer than `maxRows` rows are loaded;
    // -1 if not found within them. The bound keeps one lookup from reading a whole large store.
    int fetchUntil(const QUuid &id, int maxRows);
    // fetchUntil() within the first SearchRows rows.
    int rowOf(const QUuid &id) { return fetchUntil(id, SearchRows); }

    static QString lockedReason();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadFailed(const QString &message);

private:
    QList<VoucherTemplate> readPage(int offset, int limit);
    QVariant display(const VoucherTemplate &t, int column) const;
    static QString readFailure(const std::exception &error);
    QSet<QUuid> readPending() const;

    const Database &m_db;
    TemplateFilter m_filter;
    ProductScope m_scope;
    QList<VoucherTemplate> m_rows;
    QSet<QUuid> m_pending; // read with the rows, not at every data() call
    qint64 m_total = 0;
    QString m_error;
    bool m_busy = false; // inside a reset or an insertion
};
