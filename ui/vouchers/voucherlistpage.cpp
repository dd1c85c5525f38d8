#include "ui/vouchers/voucherlistpage.h"

#include "core/commands/session.h"
#include "core/queries/voucherlistquery.h"
#include "core/store/storeerror.h"
#include "ui/vouchers/voucherdetailpanel.h"
#include "ui/vouchers/voucherexportcontroller.h"
#include "ui/vouchers/voucherfilterbar.h"
#include "ui/vouchers/voucherlistlog.h"
#include "ui/vouchers/voucherlistmodel.h"
#include "ui/vouchers/vouchersortmenu.h"
#include "ui/widgets/badgedelegate.h"
#include "ui/widgets/columnfitter.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/rowselection.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Progress bar resolution: counts above a million do not fit its int range nicely.
constexpr int kProgressSteps = 1000;
} // namespace

VoucherListPage::VoucherListPage(Session &session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_model(new VoucherListModel(session, this))
    , m_filterBar(new VoucherFilterBar(session))
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
    , m_countLabel(new QLabel)
    , m_statusLine(new QLabel)
    , m_exportProgress(new QProgressBar)
    , m_cancelExport(new QPushButton(tr("Cancel export")))
    , m_openFile(new QPushButton(tr("&Open File")))
    , m_openFolder(new QPushButton(tr("Open &Folder")))
    , m_detail(new VoucherDetailPanel(session))
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_exportAction(new QAction(Icons::get(u"export"_s), tr("Export &CSV…"), this))
    , m_applyAction(new QAction(Icons::get(u"apply"_s), tr("Vendor Voucher Application"), this))
    , m_clearFiltersAction(new QAction(tr("Clear filters"), this))
    , m_sortMenu(new VoucherSortMenu(this))
    , m_export(new VoucherExportController(this))
{
    createActions();
    setUpTable();
    setUpExportStatus();
    layOut();
    connectModel();
    updateState();
    updateCount();
}

void VoucherListPage::createActions()
{
    // Saving the list as a file: Ctrl+E is Edit on the templates page, and one key meaning two
    // things by page was a trap. Window-wide, through the Vouchers menu.
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_exportAction->setToolTip(
        tr("Export the filtered list to a CSV file (%1)")
            .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_exportAction, &QAction::triggered, this, &VoucherListPage::chooseExportFile);
    addAction(m_exportAction);
    m_filterBar->setExportAction(m_exportAction);
    m_applyAction->setToolTip(tr("Go to Vendor Voucher Application to apply from a template"));
    connect(m_applyAction, &QAction::triggered, this,
            [this] { emit showPageRequested(Page::Id::Templates, {}); });
    m_clearFiltersAction->setToolTip(tr("Show every record again"));
    connect(m_clearFiltersAction, &QAction::triggered, m_filterBar, &VoucherFilterBar::clear);
    connect(m_sortMenu, &VoucherSortMenu::sortRequested, this, &VoucherListPage::requestSort);
}

void VoucherListPage::setUpTable()
{
    m_view->setObjectName(u"voucherTable"_s);
    m_emptyState->setObjectName(u"listEmptyState"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new BadgeDelegate(m_view));
    m_view->setAccessibleName(tr("Vendor Voucher List"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab leaves the table for the detail and its actions; the arrows move between rows.
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(28);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(VoucherListModel::AppliedColumn, Qt::DescendingOrder);
    m_sortMenu->showSort(VoucherListModel::AppliedColumn, Qt::DescendingOrder);
    header->setHighlightSections(false);
    const std::pair<int, int> widths[] = {
        {VoucherListModel::CodeColumn, 125},   {VoucherListModel::KindColumn, 80},
        {VoucherListModel::FaceColumn, 100},   {VoucherListModel::BalanceColumn, 110},
        {VoucherListModel::StatusColumn, 125}, {VoucherListModel::AppliedColumn, 130},
        {VoucherListModel::ExpiresColumn, 95},
    };
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    m_view->setColumnWidth(VoucherListModel::PartnerColumn, 150);
    // The names take the window's spare width (at 1920 px it went to the last column).
    m_columnFitter = new ColumnFitter(
        m_view, {{VoucherListModel::CustomerColumn, 150}, {VoucherListModel::TemplateColumn, 110}});
    // A partner manager's rows are all its own partner's.
    m_view->setColumnHidden(VoucherListModel::PartnerColumn, m_session.actor().isPartnerManager());
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this](int column) { sortByColumn(column); });
    m_selection = new RowSelection(m_view);
}

// The line below the table: the record count, what the last export did, and a running
// export's progress with its Cancel button.
void VoucherListPage::setUpExportStatus()
{
    m_countLabel->setObjectName(u"countLabel"_s);
    m_statusLine->setObjectName(u"statusLine"_s);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine->hide(); // until an export has something to say: no empty line to land on
    m_exportProgress->setObjectName(u"exportProgress"_s);
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportProgress->setMaximumWidth(260);
    m_exportProgress->hide();
    m_cancelExport->setObjectName(u"cancelExport"_s);
    m_cancelExport->setIcon(Icons::get(u"cancel"_s));
    m_cancelExport->setAccessibleName(tr("Cancel export"));
    m_cancelExport->setToolTip(tr("Stop the export; no file is written"));
    m_cancelExport->hide();
    connect(m_cancelExport, &QPushButton::clicked, m_export, &VoucherExportController::cancel);
    m_openFile->setObjectName(u"openExportedFile"_s);
    m_openFile->setAccessibleName(tr("Open the exported file"));
    m_openFile->setToolTip(tr("Open the CSV file in the program your desktop uses for it"));
    m_openFolder->setObjectName(u"openExportFolder"_s);
    m_openFolder->setAccessibleName(tr("Open the folder of the exported file"));
    m_openFolder->setToolTip(tr("Show the folder the CSV file was written to"));
    m_openFile->hide();
    m_openFolder->hide();
    connect(m_openFile, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_export->path())); });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_export->path()).absolutePath()));
    });
    connect(m_export, &VoucherExportController::progressChanged, this,
            [this](qint64 done, qint64 total) {
                m_exportProgress->setRange(0, kProgressSteps);
                m_exportProgress->setValue(total > 0 ? int(done * kProgressSteps / total) : 0);
                m_exportProgress->setFormat(
                    tr("%1 of %2").arg(DisplayFormat::count(done), DisplayFormat::count(total)));
            });
    connect(m_export, &VoucherExportController::finished, this, &VoucherListPage::exportFinished);
}

void VoucherListPage::layOut()
{
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_countLabel);
    countRow->addSpacing(16);
    countRow->addWidget(m_statusLine, 1);
    countRow->addWidget(m_exportProgress);
    countRow->addWidget(m_cancelExport);
    countRow->addWidget(m_openFile);
    countRow->addWidget(m_openFolder);
    auto *listArea = new QWidget;
    auto *listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_emptyState, 1);
    listLayout->addLayout(countRow);
    m_splitter->setObjectName(u"voucherSplitter"_s);
    m_splitter->addWidget(listArea);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    // The main window shows the page's title above it.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
}

void VoucherListPage::connectModel()
{
    connect(m_filterBar, &VoucherFilterBar::filterChanged, this, &VoucherListPage::applyFilter);
    // A reset (filter, sort, refresh) keeps the selected row when it is still listed.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptSelection = selectedId();
        m_resetting = true;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_resetting = false;
        if (m_model->rowOf(m_keptSelection) >= 0)
            select(m_keptSelection);
        else if (m_keepDetail)
            m_detail->showApplication(m_keptSelection); // read again, though no longer loaded
        else
            m_detail->showApplication({});
        updateState();
    });
    connect(m_model, &VoucherListModel::totalCountChanged, this, &VoucherListPage::updateCount);
    connect(m_model, &VoucherListModel::pageEndsRead, this, &VoucherListPage::followMovedRow);
    // The detail (and Pay with voucher in it) follows the one selected row, and with none shows
    // none: a click below the rows or a screen reader's selection must not leave it elsewhere.
    connect(m_selection, &RowSelection::changed, this, [this] {
        const QUuid id = selectedId();
        if (id.isNull() && m_resetting)
            return; // a reset dropped the selection; its handler selects the kept row again
        m_currentId = id;
        m_detail->showApplication(m_currentId);
    });
    connect(&m_session, &Session::changed, this, [this](Session::Changes changes) {
        if (changes & (Session::Change::Applications | Session::Change::Vouchers))
            refresh();
    });
}

QString VoucherListPage::title() const
{
    return tr("Vendor Voucher List");
}

void VoucherListPage::refresh()
{
    // Hidden, the page only notes that it is out of date, however many commands run meanwhile:
    // a submit announces several changes, and nobody looks at the list while it is hidden.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const int current = m_selection->row();
    // Spanning every row, the model reads the pages around the kept row again at once: the
    // current row's when there is one (the user may have scrolled far from it).
    const int keepRow =
        m_model->spansAllRows() && current >= 0 ? current : std::max(current, lastVisibleRow());
    // A row in the last page of what is read again (or beyond it, past MaxRefreshRows) may not be
    // loaded afterwards: the user still works on it in the detail panel, so the panel keeps it.
    m_keepDetail = current >= 0 &&
                   (m_model->spansAllRows() ||
                    current >= VoucherListModel::refreshRows(keepRow) - VoucherListModel::PageSize);
    // The reset selects the kept row again, and with it the panel re-reads it.
    m_model->refresh(keepRow);
    m_keepDetail = false;
}

void VoucherListPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_stale)
        refresh();
}

int VoucherListPage::lastVisibleRow() const
{
    const int row = m_view->rowAt(m_view->viewport()->height() - 1);
    // Below the last row: every loaded row fits.
    return row >= 0 ? row : m_model->rowCount() - 1;
}

void VoucherListPage::focusSearch()
{
    m_filterBar->focusSearch();
}

void VoucherListPage::showItem(const QUuid &id)
{
    if (m_stale)
        refresh();
    if (m_model->rowOf(id) < 0) {
        std::optional<VoucherListRow> row;
        try {
            row = VoucherListQuery(m_session.db(), {}).row(id);
        } catch (const StoreError &error) {
            qCWarning(lcVoucherList) << "reading a row failed:" << error.what();
        }
        const Actor actor = m_session.actor();
        if (!row || !actor.canSee(row->partnerId))
            return;
        if (!m_filterBar->isClear())
            m_filterBar->clear();
        if (m_model->fetchUntil(id, ShowItemSearchRows) < 0) {
            Customer customer;
            customer.id = row->customerId;
            customer.name = row->customerName;
            customer.uin = row->customerUin;
            m_filterBar->setCustomer(customer);
            m_model->fetchUntil(id, std::numeric_limits<int>::max());
        }
    }
    select(id);
    m_view->setFocus();
}

QList<QAction *> VoucherListPage::menuActions() const
{
    return {m_exportAction, m_sortMenu->menuAction()};
}

void VoucherListPage::saveState(QSettings &settings) const
{
    settings.beginGroup(u"voucherList"_s);
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.endGroup();
}

void VoucherListPage::restoreState(QSettings &settings)
{
    settings.beginGroup(u"voucherList"_s);
    const QByteArray header = settings.value(u"header"_s).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header); // and with it the sort
    // The state may be another role's (one settings file for every login on this machine).
    m_view->setColumnHidden(VoucherListModel::PartnerColumn, m_session.actor().isPartnerManager());
    m_columnFitter->fit();
    const QByteArray splitter = settings.value(u"splitter"_s).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    settings.endGroup();
    sortByColumn(m_view->horizontalHeader()->sortIndicatorSection());
}

bool VoucherListPage::exportTo(const QString &path)
{
    if (m_export->isRunning())
        return false;
    m_statusLine->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_openFile->hide();
    m_openFolder->hide();
    m_statusLine->show();
    m_exportProgress->setRange(0, 0); // busy until the count is known
    m_exportProgress->show();
    m_cancelExport->show();
    m_exportAction->setEnabled(false);
    // The statuses as of the export, not as of the list's last read.
    m_export->start(m_session.db(), m_model->scopedFilter(), m_model->listSort(), m_session.now(),
                    path);
    return true;
}

bool VoucherListPage::isExporting() const
{
    return m_export->isRunning();
}

void VoucherListPage::chooseExportFile()
{
    if (m_export->isRunning())
        return;
    const QString folder = exportFolder();
    //: Default file name of an export; %1 is today's date.
    const QString name =
        tr("vouchers-%1.csv").arg(m_session.now().toLocalTime().date().toString(Qt::ISODate));
    auto *dialog = new QFileDialog(this, tr("Export Vendor Voucher List"),
                                   QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { exportTo(path); });
    dialog->open();
}

// Where the Save dialog opens: the folder of the last export, else the documents folder, else
// home (a missing folder made the dialog open in the process's working directory).
QString VoucherListPage::exportFolder() const
{
    const QStringList candidates{
        QSettings().value(u"voucherList/exportFolder"_s).toString(),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        QDir::homePath(),
    };
    for (const QString &folder : candidates) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void VoucherListPage::exportFinished(const VoucherCsvExporter::Outcome &outcome)
{
    m_exportProgress->hide();
    m_cancelExport->hide();
    m_exportAction->setEnabled(true);
    const QString file = QDir::toNativeSeparators(m_export->path());
    switch (outcome.status) {
    case VoucherCsvExporter::Outcome::Status::Written: {
        m_statusLine->setText(
            tr("Exported %Ln record(s) to %1", nullptr, int(outcome.rows)).arg(file));
        m_openFile->show();
        m_openFolder->show();
        // The next export starts where this one went.
        QSettings().setValue(u"voucherList/exportFolder"_s,
                             QFileInfo(m_export->path()).absolutePath());
        break;
    }
    case VoucherCsvExporter::Outcome::Status::Cancelled:
        m_statusLine->setText(tr("Export cancelled; no file was written."));
        break;
    case VoucherCsvExporter::Outcome::Status::Failed:
        m_statusLine->setText(tr("Export failed: %1").arg(outcome.errorMessage));
        break;
    }
    m_statusLine->setAccessibleName(m_statusLine->text());
}

void VoucherListPage::applyFilter()
{
    m_model->setFilter(m_filterBar->filter());
}

void VoucherListPage::sortByColumn(int column)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (VoucherListModel::sortKey(column))
        m_model->sort(column, header->sortIndicatorOrder());
    // The header flips its indicator on any click, also of a column the list cannot sort by:
    // put it back on the list's real order, and show that order in the menu.
    const VoucherListSort sort = m_model->listSort();
    const int sortColumn = VoucherListModel::columnOf(sort.key);
    const Qt::SortOrder order = sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (header->sortIndicatorSection() != sortColumn || header->sortIndicatorOrder() != order) {
        const QSignalBlocker blocker(header);
        header->setSortIndicator(sortColumn, order);
    }
    m_sortMenu->showSort(sortColumn, order);
}

void VoucherListPage::requestSort(int column, Qt::SortOrder order)
{
    // The menu sits in the main window's menu bar, where it is there for every page.
    emit showPageRequested(id(), {});
    // Through the header, as a click: the indicator changes and with it the list.
    m_view->horizontalHeader()->setSortIndicator(column, order);
}

void VoucherListPage::updateState()
{
    if (!m_model->errorMessage().isEmpty()) {
        m_emptyState->setMessage(tr("The Vendor Voucher List is unavailable"),
                                 m_model->errorMessage());
        m_emptyState->setAction(nullptr);
        m_emptyState->setEmpty(true);
        return;
    }
    if (m_filterBar->isClear()) {
        if (m_session.actor().isPartnerManager()) {
            m_emptyState->setMessage(tr("No vouchers yet"),
                                     tr("Apply for a voucher from Vendor Voucher Application"));
            m_emptyState->setAction(m_applyAction);
        } else {
            m_emptyState->setMessage(tr("No vouchers yet"),
                                     tr("Partners' applications show here as soon as they apply."));
            m_emptyState->setAction(nullptr);
        }
    } else {
        m_emptyState->setMessage(tr("No records match these filters"),
                                 tr("Change the filters, or clear them to see every record."));
        m_emptyState->setAction(m_clearFiltersAction);
    }
    m_emptyState->setEmpty(m_model->rowCount() == 0);
}

void VoucherListPage::updateCount()
{
    QString text;
    if (m_model->isCounting())
        text = tr("Counting…");
    else if (m_model->countFailed())
        text = tr("The records could not be counted.");
    else
        text = tr("%Ln record(s)", nullptr, int(m_model->totalCount()));
    m_countLabel->setText(text);
    m_countLabel->setAccessibleName(text);
}

QUuid VoucherListPage::selectedId() const
{
    return m_selection->index().data(ItemRoles::Id).toUuid();
}

// After a refresh the model reads where its pages end again, and rows added or removed above the
// current one shift it: the selection follows its application rather than the row number.
void VoucherListPage::followMovedRow()
{
    const QModelIndex current = m_selection->index();
    if (!current.isValid() || m_currentId.isNull() ||
        current.data(ItemRoles::Id).toUuid() == m_currentId) {
        return;
    }
    if (m_model->rowNear(m_currentId, current.row()) >= 0)
        select(m_currentId);
}

void VoucherListPage::select(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, VoucherListModel::CodeColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}
