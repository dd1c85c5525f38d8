#include "ui/applications/templatechoicepage.h"

#include "core/commands/session.h"
#include "ui/templates/templatetablemodel.h"
#include "ui/widgets/badgedelegate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/searchfield.h"

#include <QTableView>

using namespace Qt::StringLiterals;

TemplateChoicePage::TemplateChoicePage(Session &session, const QUuid &preselectedId,
                                       QWidget *parent)
    : ChoicePage(tr("Search template name…"), tr("Search templates by name"), parent)
    , m_session(session)
    , m_model(new TemplateTableModel(session.db(), this))
{
    setTitle(tr("Template"));
    setSubTitle(tr("Choose the voucher template to apply with. Locked templates can be applied "
                   "with again; only editing them is locked."));
    setModel(m_model, tr("Templates"));
    view()->setItemDelegate(new BadgeDelegate(view()));
    for (int column :
         {TemplateTableModel::Validity, TemplateTableModel::Scope, TemplateTableModel::Created})
        view()->hideColumn(column);
    view()->setColumnWidth(TemplateTableModel::Name, 240);
    view()->setColumnWidth(TemplateTableModel::Kind, 100);
    view()->setColumnWidth(TemplateTableModel::FaceValue, 130);

    applySearch();
    if (!preselectedId.isNull())
        select(preselectedId);
}

std::optional<VoucherTemplate> TemplateChoicePage::selectedTemplate() const
{
    const int row = selectedRow();
    if (const VoucherTemplate *tmpl = row < 0 ? nullptr : m_model->templateAt(row))
        return *tmpl;
    return std::nullopt;
}

void TemplateChoicePage::applySearch()
{
    const std::optional<VoucherTemplate> selected = selectedTemplate();
    TemplateFilter filter;
    filter.partnerId = m_session.actor().partnerId;
    filter.nameContains = search()->text().trimmed();
    m_model->setFilter(filter);
    // Only among the loaded rows: looking further would read every page on each keystroke.
    if (selected) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->templateAt(row)->id == selected->id)
                selectRow(row);
        }
    }
    updateEmptyState();
    emit completeChanged();
}

void TemplateChoicePage::select(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    selectRow(row, true);
}

void TemplateChoicePage::updateEmptyState()
{
    if (!m_model->errorMessage().isEmpty())
        emptyState()->setMessage(tr("Templates unavailable"), m_model->errorMessage());
    else if (m_model->filter().nameContains.isEmpty())
        emptyState()->setMessage(tr("No templates yet"),
                                 tr("Create a template on the Vendor Voucher Application page "
                                    "first, then apply with it."));
    else
        emptyState()->setMessage(tr("No template matches “%1”").arg(m_model->filter().nameContains),
                                 tr("Search by part of the template's name."));
    emptyState()->setEmpty(m_model->rowCount() == 0);
}
