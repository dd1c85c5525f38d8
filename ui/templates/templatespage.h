#pragma once

#include "page.h"
#include "templateeditor.h"
#include "vouchertemplate.h"

#include <optional>

class EmptyState;
class QAction;
class QLabel;
class QTableView;
class Session;
class TemplateFilterBar;
class TemplateTableModel;

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
    void createActions();
    void applyFilters();
    void updateActions();
    void updateEmptyState();
    void reloadProductScope();
    QUuid selectedId() const;
    // The selected template as stored now (the row may be older).
    std::optional<VoucherTemplate> selectedTemplate();
    bool select(const QUuid &id);
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
    QTableView *m_view;
    EmptyState *m_empty;
    TemplateFilterBar *m_filters;
    QLabel *m_count;
    QLabel *m_status;
    QLabel *m_lockIcon;
    QLabel *m_lockReason;
    QAction *m_createAction;
    QAction *m_viewAction;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_deleteAction;
    QAction *m_applyAction;
    QAction *m_refreshAction;
};
