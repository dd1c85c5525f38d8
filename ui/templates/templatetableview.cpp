#include "ui/templates/templatetableview.h"

#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/badgedelegate.h"

#include <QHeaderView>
#include <QMenu>

using namespace Qt::StringLiterals;

TemplateTableView::TemplateTableView(TemplateTableModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setObjectName(u"templateTable"_s);
    setAccessibleName(tr("Voucher templates"));
    setModel(model);
    setItemDelegateForColumn(TemplateTableModel::State, new BadgeDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(28);
    QHeaderView *header = horizontalHeader();
    header->setObjectName(u"templateHeader"_s);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TemplateTableModel::Scope, QHeaderView::Stretch);
    header->resizeSection(TemplateTableModel::Name, 220);
    header->resizeSection(TemplateTableModel::Kind, 90);
    header->resizeSection(TemplateTableModel::FaceValue, 120);
    header->resizeSection(TemplateTableModel::Validity, 80);
    header->resizeSection(TemplateTableModel::State, 110);
    header->resizeSection(TemplateTableModel::Created, 110);

    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        for (QAction *action : std::as_const(m_contextActions)) {
            if (action)
                menu.addAction(action);
            else
                menu.addSeparator();
        }
        menu.exec(viewport()->mapToGlobal(pos));
    });
}

void TemplateTableView::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

const VoucherTemplate *TemplateTableView::selectedTemplate() const
{
    // The selected row, not the current one: a screen reader selects a row without moving the
    // current index, and a click below the rows clears the selection but keeps it.
    const QModelIndexList rows =
        selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    return rows.size() == 1 ? m_model->templateAt(rows.first().row()) : nullptr;
}

void TemplateTableView::selectAndReveal(int row)
{
    const QModelIndex index = m_model->index(row, TemplateTableModel::Name);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}
