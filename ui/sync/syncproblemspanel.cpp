#include "ui/sync/syncproblemspanel.h"

#include "core/sync/synccontroller.h"
#include "ui/sync/syncproblemmodel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SyncProblemsPanel::SyncProblemsPanel(SyncController &sync, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_model(new SyncProblemModel(this))
    , m_view(new QTableView)
    , m_emptyState(nullptr)
    , m_what(new QLabel)
    , m_message(new QLabel)
    , m_reference(new QLabel)
    , m_dismiss(new QPushButton(tr("&Dismiss")))
    , m_dismissAll(new QPushButton(tr("Dismiss &All")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setWindowTitle(tr("Sync Problems"));
    setAccessibleName(tr("Sync Problems"));

    auto *icon = new QLabel;
    icon->setPixmap(Icons::get(u"warning"_s).pixmap(24, 24));
    auto *intro = new QLabel(tr("The server refused these changes. Each row they changed is "
                                "back at the server's state."));
    intro->setWordWrap(true);
    intro->setAccessibleName(intro->text());
    // Hidden with the list: the empty panel has nothing that was refused.
    auto *introRow = new QHBoxLayout;
    introRow->addWidget(icon, 0, Qt::AlignTop);
    introRow->addWidget(intro, 1);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Refused changes"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(SyncProblemModel::WhenColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SyncProblemModel::WhatColumn,
                                                     QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SyncProblemModel::WhatColumn, 300);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncProblemsPanel::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SyncProblemsPanel::showSelected);

    // The server's words in full, and what support needs to find the request in its log.
    QFont bold = m_what->font();
    bold.setBold(true);
    m_what->setFont(bold);
    m_what->setTextFormat(Qt::PlainText);
    m_what->setAccessibleName(tr("Refused change"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("Server's answer"));
    m_reference->setTextFormat(Qt::PlainText);
    m_reference->setWordWrap(true);
    m_reference->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_reference->setAccessibleName(tr("Error code and request id"));
    m_reference->setToolTip(tr("Give these to support: they find the request in the server's "
                               "log."));
    QFont small = m_reference->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_reference->setFont(small);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(introRow);
    contentLayout->addWidget(m_view, 1);
    contentLayout->addWidget(m_what);
    contentLayout->addWidget(m_message);
    contentLayout->addWidget(m_reference);
    m_emptyState = new EmptyState(content);
    m_emptyState->setMessage(tr("No sync problems"),
                             tr("Changes the server refuses are listed here."));

    m_dismiss->setAccessibleName(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Remove the selected problem from this list"));
    m_dismissAll->setAccessibleName(tr("Dismiss All"));
    m_dismissAll->setToolTip(tr("Remove every problem from this list"));
    m_buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_dismissAll, QDialogButtonBox::ActionRole);
    QPushButton *close = m_buttons->button(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close"));
    close->setDefault(true);
    connect(m_dismiss, &QPushButton::clicked, this, &SyncProblemsPanel::dismissSelected);
    connect(m_dismissAll, &QPushButton::clicked, this, &SyncProblemsPanel::dismissAll);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyState, 1);
    layout->addWidget(m_buttons);
    setTabOrder(m_view, m_message);
    setTabOrder(m_message, m_reference);
    setTabOrder(m_reference, m_buttons);

    connect(&m_sync, &SyncController::statusChanged, this, &SyncProblemsPanel::statusChanged);
    reload();
    resize(760, 420);
}

void SyncProblemsPanel::reload()
{
    const qint64 selected = selectedId();
    m_model->setProblems(m_sync.problems());
    const int row = m_model->rowOf(selected);
    select(row >= 0 ? row : 0);
    m_emptyState->setEmpty(m_model->rowCount() == 0);
    m_dismissAll->setEnabled(m_model->rowCount() > 0);
    showSelected();
}

void SyncProblemsPanel::statusChanged(const SyncStatus &status)
{
    // Statuses come with every page of a pull: then the list is read only when its size moved.
    // Otherwise always, since a dismissal and a new refusal together keep the size.
    if (status.problems != m_model->rowCount() || !status.pulling)
        reload();
}

qint64 SyncProblemsPanel::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->problemAt(current.row()).id : 0;
}

void SyncProblemsPanel::select(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    if (m_view->currentIndex().row() == row)
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void SyncProblemsPanel::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    m_dismiss->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_what->clear();
        m_message->clear();
        m_reference->clear();
        return;
    }
    const SyncProblem &problem = m_model->problemAt(current.row());
    m_what->setText(SyncProblemModel::describe(problem));
    m_message->setText(problem.message);
    QStringList reference;
    if (!problem.code.isEmpty())
        reference.append(tr("Error code: %1").arg(problem.code));
    if (!problem.requestId.isEmpty())
        reference.append(tr("Request id: %1").arg(problem.requestId));
    m_reference->setText(reference.join(u"   "_s));
}

void SyncProblemsPanel::dismissSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    m_sync.dismissProblem(m_model->problemAt(row).id);
    // The controller's status has reloaded the list already, unless the write failed.
    reload();
    // The next one takes its place, so Dismiss can be pressed again.
    select(std::min(row, m_model->rowCount() - 1));
    showSelected();
}

void SyncProblemsPanel::dismissAll()
{
    m_sync.dismissAllProblems();
    reload();
}
