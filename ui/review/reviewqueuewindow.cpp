#include "ui/review/reviewqueuewindow.h"

#include "core/repositories/applicationrepository.h"
#include "core/store/storeerror.h"
#include "ui/help/shortcutsdialog.h"
#include "ui/review/reviewdecisionbar.h"
#include "ui/review/reviewdetailpanel.h"
#include "ui/review/reviewfilterbar.h"
#include "ui/review/reviewqueuemodel.h"
#include "ui/widgets/badgedelegate.h"
#include "ui/widgets/columnfitter.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/itemroles.h"
#include "ui/widgets/rowselection.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QString kSettingsGroup = u"ReviewQueueWindow"_s;

QString withShortcut(const QString &text, const QAction *action)
{
    return u"%1 (%2)"_s.arg(text, action->shortcut().toString(QKeySequence::NativeText));
}
} // namespace

ReviewQueueWindow::ReviewQueueWindow(Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_model(new ReviewQueueModel(session, this))
    , m_filterBar(new ReviewFilterBar(session))
    , m_counts(new QLabel)
    , m_view(new QTableView)
    , m_emptyState(new EmptyState(m_view))
    , m_detail(new ReviewDetailPanel(session))
    , m_message(new QLabel)
    , m_decisionBar(new ReviewDecisionBar)
    , m_splitter(new QSplitter(Qt::Vertical))
{
    setObjectName(u"reviewQueueWindow"_s);
    setWindowTitle(tr("Review Queue — %1").arg(session.user().login));
    setWindowIcon(Icons::application());
    createActions();
    setUpTable();
    layOut();

    connect(m_filterBar, &ReviewFilterBar::filterChanged, this,
            [this](const ReviewQueueFilter &filter) {
                // Other conditions, another list: start at its earliest deadline.
                m_currentId = {};
                m_anchorRow = 0;
                m_reloading = true;
                m_model->setFilter(filter);
                m_reloading = false;
                restoreSelection({});
            });
    connect(m_model, &ReviewQueueModel::countsChanged, this, &ReviewQueueWindow::updateCounts);
    connect(m_model, &ReviewQueueModel::loadFailed, this,
            [this](const QString &message) { showMessage(message, Tone::Error); });
    connect(m_decisionBar, &ReviewDecisionBar::approveRequested, this, &ReviewQueueWindow::approve);
    connect(m_decisionBar, &ReviewDecisionBar::rejectRequested, this, &ReviewQueueWindow::reject);
    connect(m_decisionBar, &ReviewDecisionBar::leaveRequested, this,
            [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    connect(&m_session, &Session::changed, this, &ReviewQueueWindow::onSessionChanged);

    m_model->setFilter(m_filterBar->filter());
    restoreSelection({});
    resize(1280, 800);
    restoreLayout();
    m_view->setFocus();
}

void ReviewQueueWindow::createActions()
{
    m_nextAction = new QAction(tr("&Next Application"), this);
    m_nextAction->setShortcut(QKeySequence(Qt::Key_J));
    connect(m_nextAction, &QAction::triggered, this, &ReviewQueueWindow::next);
    m_previousAction = new QAction(tr("&Previous Application"), this);
    m_previousAction->setShortcut(QKeySequence(Qt::Key_K));
    connect(m_previousAction, &QAction::triggered, this, &ReviewQueueWindow::previous);
    m_approveAction = new QAction(Icons::get(u"apply"_s), tr("&Approve"), this);
    m_approveAction->setShortcut(QKeySequence(Qt::Key_A));
    connect(m_approveAction, &QAction::triggered, this, &ReviewQueueWindow::approve);
    m_rejectAction = new QAction(Icons::get(u"cancel"_s), tr("&Reject"), this);
    m_rejectAction->setShortcut(QKeySequence(Qt::Key_R));
    connect(m_rejectAction, &QAction::triggered, this, &ReviewQueueWindow::reject);
    m_refreshAction = new QAction(Icons::get(u"refresh"_s), tr("Re&fresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &ReviewQueueWindow::refresh);

    m_nextAction->setToolTip(withShortcut(tr("Select the next application"), m_nextAction));
    m_previousAction->setToolTip(
        withShortcut(tr("Select the previous application"), m_previousAction));
    m_approveAction->setToolTip(
        withShortcut(tr("Approve the application and issue the voucher"), m_approveAction));
    m_rejectAction->setToolTip(
        withShortcut(tr("Reject the application with the reason"), m_rejectAction));
    m_refreshAction->setToolTip(withShortcut(tr("Read the queue again"), m_refreshAction));

    // The letters act in the queue and the detail, never in the filter bar, whose combo boxes
    // take letters to find an entry; text fields take them as text (they claim the keys first).
    for (QAction *action : {m_nextAction, m_previousAction, m_approveAction, m_rejectAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_splitter->addAction(action);
    }
    addAction(m_refreshAction);

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    review->addAction(m_nextAction);
    review->addAction(m_previousAction);
    review->addSeparator();
    review->addAction(m_approveAction);
    review->addAction(m_rejectAction);
    review->addSeparator();
    review->addAction(m_refreshAction);
    review->addSeparator();
    QAction *close = review->addAction(tr("&Close"));
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog({this}, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void ReviewQueueWindow::setUpTable()
{
    m_view->setObjectName(u"reviewTable"_s);
    m_emptyState->setObjectName(u"queueEmptyState"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new BadgeDelegate(m_view));
    m_view->setAccessibleName(tr("Pending applications"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(28);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);

    const std::pair<int, int> widths[] = {
        {ReviewQueueModel::DueColumn, 135},      {ReviewQueueModel::PartnerColumn, 170},
        {ReviewQueueModel::CustomerColumn, 220}, {ReviewQueueModel::TemplateColumn, 220},
        {ReviewQueueModel::FaceColumn, 115},     {ReviewQueueModel::SubmittedColumn, 150},
    };
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    // The names take the window's spare width, never less than their own.
    new ColumnFitter(
        m_view, {{ReviewQueueModel::CustomerColumn, 180}, {ReviewQueueModel::TemplateColumn, 180}});
    m_selection = new RowSelection(m_view);
    connect(m_selection, &RowSelection::changed, this, &ReviewQueueWindow::onSelectedRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewQueueWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ReviewQueueWindow::updateEmptyState);
}

void ReviewQueueWindow::layOut()
{
    m_counts->setObjectName(u"counts"_s);
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterBar, 1);
    top->addWidget(m_counts, 0, Qt::AlignRight | Qt::AlignTop);

    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 6, 0, 0);
    bottomLayout->addWidget(m_detail, 1);
    bottomLayout->addWidget(m_message);
    bottomLayout->addWidget(m_decisionBar);

    m_splitter->setObjectName(u"reviewSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_emptyState);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({330, 420});

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    setTabOrder(m_filterBar, m_view);
    setTabOrder(m_view, m_decisionBar);
}

QString ReviewQueueWindow::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ReviewQueueWindow::onSessionChanged(Session::Changes changes)
{
    if (changes & Session::Change::Partner)
        m_filterBar->reloadPartners();
    const Session::Changes relevant = Session::Change::Applications | Session::Change::Partner |
                                      Session::Change::Vouchers | Session::Change::Customers |
                                      Session::Change::Templates;
    if (changes & relevant)
        refresh();
}

void ReviewQueueWindow::refresh()
{
    if (const int row = currentRow(); row >= 0)
        m_anchorRow = row;
    // The reset clears the selection, and with it what the detail shows: keep it to select again.
    const QUuid shown = m_currentId;
    if (m_session.isReplica()) {
        // Decisions still in the outbox; a refused one leaves it, and its row is free again.
        m_sent.clear();
        for (const QString &id : m_session.pendingIds())
            m_sent.insert(QUuid::fromString(id));
        m_model->setSent(m_sent);
        // The server has answered the decision the message is waiting for (a refusal goes to
        // Sync Problems, and the detail shows what stands).
        if (!m_awaited.id.isNull() && !m_sent.contains(m_awaited.id)) {
            std::optional<Application> decided;
            try {
                decided = ApplicationRepository(m_session.db()).find(m_awaited.id);
            } catch (const StoreError &) {
            }
            const bool mine = decided && decided->reviewerId == m_session.user().id;
            if (mine && decided->status == ApplicationStatus::Approved) {
                showMessage(tr("The server approved the application of %1 (%2).")
                                .arg(m_awaited.customer, m_awaited.partner),
                            Tone::Success);
            } else if (mine && decided->status == ApplicationStatus::Rejected) {
                showMessage(tr("The server rejected the application of %1 (%2).")
                                .arg(m_awaited.customer, m_awaited.partner),
                            Tone::Success);
            } else {
                showMessage(tr("The server refused your decision on %1 (%2): see Sync › Sync "
                               "Problems.")
                                .arg(m_awaited.customer, m_awaited.partner),
                            Tone::Error);
            }
            m_awaited = {};
        }
    }
    m_reloading = true;
    m_model->refresh();
    m_reloading = false;
    const QUuid target = m_selectAfterRefresh.isNull() ? shown : m_selectAfterRefresh;
    m_selectAfterRefresh = {};
    restoreSelection(target);
}

int ReviewQueueWindow::currentRow() const
{
    return m_selection->row();
}

// After the list was read again: `target` (the application shown before, or the one a decision
// moved on to) if it is still pending; with none, the earliest deadline. An application that
// left the list stays in the detail, showing what became of it, and cannot be decided.
void ReviewQueueWindow::restoreSelection(const QUuid &target)
{
    int row = m_model->rowOf(target);
    if (row < 0 && target.isNull() && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0) {
        selectRow(row);
        return;
    }
    m_view->selectionModel()->clear();
    m_currentId = target;
    showCurrent();
}

void ReviewQueueWindow::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const bool alreadySelected = m_selection->index() == index;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    // Selecting the row that was already selected changes nothing: show it anyway (re-read).
    if (alreadySelected)
        showCurrent();
}

void ReviewQueueWindow::onSelectedRowChanged(int row)
{
    // While the list is read again its reset drops the selection; restoreSelection() follows.
    if (m_reloading)
        return;
    if (row < 0) {
        // Nothing selected (a click below the rows, Ctrl+click on the row): nothing to decide.
        m_currentId = {};
    } else {
        m_currentId = m_model->rowAt(row).applicationId;
        m_anchorRow = row;
    }
    showCurrent();
}

void ReviewQueueWindow::showCurrent()
{
    if (m_currentId != m_typedFor) {
        // A comment or reason belongs to the application it was typed for.
        m_decisionBar->clear();
        m_typedFor = m_currentId;
    }
    m_detail->showApplication(m_currentId, m_sent.contains(m_currentId));
    updateDecisionState();
}

void ReviewQueueWindow::selectApplication(const QUuid &applicationId)
{
    const int row = m_model->rowOf(applicationId);
    if (row >= 0) {
        selectRow(row);
        return;
    }
    m_view->selectionModel()->clear();
    m_currentId = applicationId;
    showCurrent();
}

void ReviewQueueWindow::next()
{
    const int row = currentRow();
    const int target = row >= 0 ? row + 1 : m_anchorRow;
    if (target >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (target < m_model->rowCount())
        selectRow(target);
}

void ReviewQueueWindow::previous()
{
    const int row = currentRow();
    const int target = (row >= 0 ? row : m_anchorRow) - 1;
    if (target >= 0 && target < m_model->rowCount())
        selectRow(target);
}

void ReviewQueueWindow::updateDecisionState()
{
    QString why;
    const auto &detail = m_detail->detail();
    if (!m_session.actor().isReviewer())
        why = tr("Only a vendor reviewer can approve or reject applications.");
    else if (!detail)
        why = tr("Select an application to approve or reject it.");
    else if (m_sent.contains(detail->application.id))
        why = tr("Decision sent — waiting for the server");
    else if (detail->application.status != ApplicationStatus::PendingReview)
        why = tr("Already decided: %1").arg(ReviewDetailPanel::decisionText(*detail));
    else if (m_selection->row() < 0)
        why = tr("Select an application to approve or reject it.");
    const bool decidable = why.isEmpty();
    m_decisionBar->setDecidable(decidable, why);
    m_approveAction->setEnabled(decidable);
    m_rejectAction->setEnabled(decidable);
}

void ReviewQueueWindow::updateCounts()
{
    const ReviewQueueCounts counts = m_model->counts();
    //: The review queue's size; %2 is how many of them are past their review deadline.
    m_counts->setText(
        tr("%1 pending · %2 overdue")
            .arg(DisplayFormat::count(counts.pending), DisplayFormat::count(counts.overdue)));
    m_counts->setAccessibleName(m_counts->text());
    m_counts->setStyleSheet(counts.overdue > 0
                                ? u"color: %1;"_s.arg(ReviewQueueModel::overdueColor().name())
                                : QString());
}

void ReviewQueueWindow::updateEmptyState()
{
    const bool filtered = m_filterBar->filter() != ReviewQueueFilter{};
    m_emptyState->setMessage(tr("No applications waiting for review"),
                             filtered ? tr("No pending application matches the filters. Choose "
                                           "all partners, all kinds or another amount to see "
                                           "the others.")
                                      : tr("Applications appear here as partners submit them."));
    m_emptyState->setEmpty(m_model->rowCount() == 0 && m_model->errorMessage().isEmpty());
}

void ReviewQueueWindow::approve()
{
    decide(true);
}

void ReviewQueueWindow::reject()
{
    decide(false);
}

void ReviewQueueWindow::decide(bool approve)
{
    if (!m_decisionBar->isDecidable() || !m_detail->isDecidable())
        return;
    const ReviewQueueDetail detail = *m_detail->detail();
    const QString reason = m_decisionBar->reason();
    if (!approve && reason.isEmpty()) {
        m_decisionBar->showReasonMessage(
            tr("Pick or type the reason for the rejection; the partner will see it. Then press "
               "Enter."));
        m_decisionBar->focusReason();
        return;
    }
    confirmDecision(approve, detail, approve ? m_decisionBar->comment() : reason);
}

// A decision cannot be taken back: say which application it is about before taking it.
void ReviewQueueWindow::confirmDecision(bool approve, const ReviewQueueDetail &detail,
                                        const QString &text)
{
    const VoucherTemplate &snapshot = detail.application.templateSnapshot;
    const QString face = DisplayFormat::money(snapshot.faceValueMinor, snapshot.currency);
    auto *box = new QMessageBox(this);
    box->setObjectName(approve ? u"confirmApprove"_s : u"confirmReject"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(approve ? tr("Approve Application") : tr("Reject Application"));
    box->setTextFormat(Qt::PlainText);
    //: %1 is the face value, %2 the template, %3 the customer, %4 the partner.
    box->setText(approve
                     ? tr("Approve %1 from “%2” for %3 (%4)?")
                           .arg(face, snapshot.name, detail.customer.name, detail.partner.name)
                     : tr("Reject %1 from “%2” for %3 (%4)?")
                           .arg(face, snapshot.name, detail.customer.name, detail.partner.name));
    QStringList details{tr("Customer: %1 (UIN %2)").arg(detail.customer.name, detail.customer.uin),
                        tr("Template: %1").arg(snapshot.name), tr("Face value: %1").arg(face)};
    if (approve) {
        details.append(tr("A voucher of %1 is issued at once from the partner's quota.").arg(face));
        if (!text.isEmpty())
            details.append(tr("Comment: %1").arg(text));
    } else {
        details.append(tr("Reason: %1").arg(text));
    }
    box->setInformativeText(details.join(u'\n'));
    QPushButton *confirm =
        box->addButton(approve ? tr("&Approve") : tr("&Reject"), QMessageBox::AcceptRole);
    confirm->setObjectName(u"confirm"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancel"_s);
    box->setDefaultButton(confirm);
    box->setEscapeButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, approve, detail, text, confirm](QAbstractButton *clicked) {
                if (clicked == confirm)
                    runDecision(approve, detail, text);
                else
                    m_view->setFocus(Qt::OtherFocusReason);
            });
    box->open();
}

void ReviewQueueWindow::runDecision(bool approve, const ReviewQueueDetail &detail,
                                    const QString &text)
{
    const QUuid id = detail.application.id;
    const int version = detail.application.version;
    clearMessage();
    CommandGateway &commands = m_session.commands();
    const Result<Application> result =
        approve ? commands.approve(id, text, version) : commands.reject(id, text, version);
    if (!result) {
        showRefusal(id, result.error());
        return;
    }
    const QUuid next = neighbourOf(id);
    m_decisionBar->clear();
    m_view->setFocus(Qt::OtherFocusReason);
    if (commands.defersDecisions()) {
        // The replica still has it pending: the row stays, marked, until the server answers.
        m_sent.insert(id);
        m_model->setSent(m_sent);
        showMessage(tr("Decision sent — waiting for the server: %1 (%2).")
                        .arg(detail.customer.name, detail.partner.name),
                    Tone::Info);
        m_awaited = {id, detail.customer.name, detail.partner.name};
        selectApplication(next.isNull() ? id : next);
        return;
    }
    showMessage(approve ? tr("Approved the application of %1 (%2); the voucher was issued.")
                              .arg(detail.customer.name, detail.partner.name)
                        : tr("Rejected the application of %1 (%2).")
                              .arg(detail.customer.name, detail.partner.name),
                Tone::Success);
    m_selectAfterRefresh = next;
    m_session.notifyChanged(approve ? Session::Change::Applications | Session::Change::Vouchers |
                                          Session::Change::Partner
                                    : Session::Changes(Session::Change::Applications));
}

// The application a decision moves on to: the next in the list, else the previous one.
QUuid ReviewQueueWindow::neighbourOf(const QUuid &applicationId) const
{
    int row = m_model->rowOf(applicationId);
    if (row < 0)
        row = m_anchorRow - 1;
    if (row + 1 < m_model->rowCount())
        return m_model->rowAt(row + 1).applicationId;
    if (row - 1 >= 0 && row - 1 < m_model->rowCount())
        return m_model->rowAt(row - 1).applicationId;
    return {};
}

void ReviewQueueWindow::showRefusal(const QUuid &applicationId, const CommandError &error)
{
    if (error.code() == u"FailedOperation.ApplicationNotPending"_s ||
        error.code() == u"FailedOperation.VersionConflict"_s) {
        // Someone decided meanwhile: say who and what, and show it (never overwrite it).
        std::optional<ReviewQueueDetail> current;
        try {
            current = ReviewQueueQuery(m_session.db()).detail(applicationId, m_session.now());
        } catch (const StoreError &) {
            current.reset();
        }
        const QString decision = current ? ReviewDetailPanel::decisionText(*current) : QString();
        showMessage(decision.isEmpty() ? error.message() : tr("Already decided: %1").arg(decision),
                    Tone::Error);
        m_session.notifyChanged(Session::Change::Applications | Session::Change::Vouchers |
                                Session::Change::Partner);
        return;
    }
    bool shownAtField = false;
    for (const FieldError &field : error.fieldErrors()) {
        if (field.field == u"comment"_s) {
            m_decisionBar->showCommentMessage(field.message);
            m_decisionBar->focusComment();
            shownAtField = true;
        } else if (field.field == u"reason"_s) {
            m_decisionBar->showReasonMessage(field.message);
            m_decisionBar->focusReason();
            shownAtField = true;
        }
    }
    if (!shownAtField)
        showMessage(error.message(), Tone::Error);
}

void ReviewQueueWindow::showMessage(const QString &message, Tone tone)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    switch (tone) {
    case Tone::Error:
        m_message->setStyleSheet(FieldMessage::errorStyleSheet());
        break;
    case Tone::Success:
        m_message->setStyleSheet(u"color: #15803d;"_s);
        break;
    case Tone::Info:
        m_message->setStyleSheet(u"color: palette(text);"_s);
        break;
    }
    m_message->show();
}

void ReviewQueueWindow::clearMessage()
{
    m_message->clear();
    m_message->setAccessibleName({});
    m_message->hide();
}

void ReviewQueueWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    if (const QByteArray geometry = settings.value(u"geometry"_s).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(u"splitter"_s).toByteArray(); !state.isEmpty())
        m_splitter->restoreState(state);
    settings.endGroup();
}

void ReviewQueueWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.endGroup();
}

void ReviewQueueWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}
