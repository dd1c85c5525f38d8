#pragma once

#include "core/domain/vouchertemplate.h"
#include "ui/page.h"
#include "ui/templates/templateeditor.h"

#include <optional>

class EmptyState;
class QToolBar;
class Session;
class TemplateActions;
class TemplateFilterBar;
class TemplateStatusRow;
class TemplateTableModel;
class TemplateTableView;

// Vendor Voucher Application: the partner's voucher templates under a filter bar, with the
// actions on them (create, view, edit while unlocked, duplicate, delete while unused, apply).
class TemplatesPage : public Page
{
    Q_OBJECT

public:
    explicit TemplatesPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::Templates; }
    QString title() const override;
    void refresh() override;
    void focusSearch() override;
    void showItem(const QUuid &id) override;
    QList<QAction *> menuActions() const override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

private:
    QToolBar *buildToolbar();
    void connectActions();
    void applyFilters();
    void updateActions();
    void updateEmptyState();
    void reloadProductScope();
    QUuid selectedId() const;
    // The selected template as stored now (the row may be older).
    std::optional<VoucherTemplate> selectedTemplate();
    // Among the loaded rows only: a lookup after every filter change must not read further.
    bool select(const QUuid &id);
    // Loads rows until the template is among them, clearing or narrowing the filters if need be.
    void reveal(const QUuid &id);
    void showStatus(const QString &message);
    void showError(const QString &title, const QString &message);

    void createTemplate();
    void viewTemplate();
    void editTemplate();
    void duplicateTemplate();
    void deleteTemplate();
    void applyTemplate();
    void openEditor(TemplateEditor::Mode mode, const VoucherTemplate &tmpl);

    Session &m_session;
    TemplateTableModel *m_model;
    TemplateTableView *m_view;
    TemplateActions *m_actions;
    TemplateFilterBar *m_filters;
    EmptyState *m_empty;
    TemplateStatusRow *m_statusRow;
};
