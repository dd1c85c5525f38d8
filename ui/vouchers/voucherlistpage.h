#pragma once

#include "core/queries/vouchercsvexporter.h"
#include "ui/page.h"

class ColumnFitter;
class EmptyState;
class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class RowSelection;
class Session;
class VoucherDetailPanel;
class VoucherExportController;
class VoucherFilterBar;
class VoucherListModel;
class VoucherSortMenu;

// Voucher Management › Vendor Voucher List: every application and voucher in the session's
// scope, filtered by the bar above the table and sorted by the header (or, from the keyboard, by
// the "Sort List By" menu); the record count arrives from a worker thread; the selected row's
// detail (with its actions) shows below; the filtered list exports to CSV on a worker thread
// with an inline progress bar and Cancel.
//
// A change announced while the page is hidden only marks the list out of date: it is read again
// once, when the page is shown. A refresh re-reads the rows up to the selected or last visible
// row and a page more (at most VoucherListModel::MaxRefreshRows), keeping the selection; a
// selection further down than that leaves the table but stays in the detail panel.
class VoucherListPage : public Page
{
    Q_OBJECT

public:
    explicit VoucherListPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::VoucherList; }
    QString title() const override;
    void refresh() override;
    void focusSearch() override;
    // Selects the application's row. A row already loaded is selected as it is; otherwise the
    // filters are cleared (the row may be hidden by them) and pages are loaded until it shows,
    // up to ShowItemSearchRows rows; an older row than that is found by narrowing the list to
    // its customer instead of reading thousands of pages.
    void showItem(const QUuid &id) override;
    QList<QAction *> menuActions() const override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    // Exports the filtered list to `path` (what the Export action does after its Save dialog);
    // false when an export already runs.
    bool exportTo(const QString &path);
    bool isExporting() const;

    static constexpr int ShowItemSearchRows = 5000;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void setUpTable();
    void setUpExportStatus();
    void layOut();
    void connectModel();
    int lastVisibleRow() const;
    void chooseExportFile();
    void exportFinished(const VoucherCsvExporter::Outcome &outcome);
    QString exportFolder() const;
    void applyFilter();
    void updateState();
    void updateCount();
    void sortByColumn(int column);
    void requestSort(int column, Qt::SortOrder order);
    QUuid selectedId() const;
    void select(const QUuid &id);
    void followMovedRow();

    Session &m_session;
    VoucherListModel *m_model;
    VoucherFilterBar *m_filterBar;
    QTableView *m_view;
    RowSelection *m_selection = nullptr;
    ColumnFitter *m_columnFitter = nullptr;
    EmptyState *m_emptyState;
    QLabel *m_countLabel;
    QLabel *m_statusLine;
    QProgressBar *m_exportProgress;
    QPushButton *m_cancelExport;
    QPushButton *m_openFile;   // after an export: the file it wrote
    QPushButton *m_openFolder; // and the folder it is in
    VoucherDetailPanel *m_detail;
    QSplitter *m_splitter;
    QAction *m_exportAction;
    QAction *m_applyAction;
    QAction *m_clearFiltersAction;
    VoucherSortMenu *m_sortMenu;
    VoucherExportController *m_export;
    QUuid m_keptSelection;
    QUuid m_currentId;         // the application of the current row, kept when rows move under it
    bool m_keepDetail = false; // the kept selection lies beyond what the refresh reads
    bool m_stale = false;      // changed while hidden: read again when shown
    bool m_resetting = false;  // between the model's reset signals
};
