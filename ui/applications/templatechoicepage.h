#pragma once

#include "vouchertemplate.h"

#include <QWizardPage>

#include <optional>

class EmptyState;
class QTableView;
class SearchField;
class Session;
class TemplateTableModel;

// Step 1 of the application wizard: the partner's templates, searched by name. Locked ones can
// be chosen too: a lock forbids editing, not applying again.
class TemplateChoicePage : public QWizardPage
{
    Q_OBJECT

public:
    TemplateChoicePage(Session &session, const QUuid &preselectedId, QWidget *parent = nullptr);

    std::optional<VoucherTemplate> selectedTemplate() const;
    bool isComplete() const override;
    // Applies a search still waiting for the pause in typing: Next chooses what is shown.
    bool validatePage() override;

    // How long typing pauses before the search runs (as on the Customers page).
    static constexpr int SearchDelayMs = 250;

private:
    void applySearch();
    void select(const QUuid &id);
    void updateEmptyState();

    Session &m_session;
    TemplateTableModel *m_model;
    SearchField *m_search;
    QTableView *m_view;
    EmptyState *m_emptyState;
};
