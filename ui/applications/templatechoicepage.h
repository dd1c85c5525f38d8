#pragma once

#include "core/domain/vouchertemplate.h"
#include "ui/applications/choicepage.h"

#include <optional>

class Session;
class TemplateTableModel;

// Step 1 of the application wizard: the partner's templates, searched by name. Locked ones can
// be chosen too: a lock forbids editing, not applying again.
class TemplateChoicePage : public ChoicePage
{
    Q_OBJECT

public:
    TemplateChoicePage(Session &session, const QUuid &preselectedId, QWidget *parent = nullptr);

    std::optional<VoucherTemplate> selectedTemplate() const;

private:
    void applySearch() override;
    void select(const QUuid &id);
    void updateEmptyState();

    Session &m_session;
    TemplateTableModel *m_model;
};
