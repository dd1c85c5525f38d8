#pragma once

#include "core/repositories/templaterepository.h"
#include "ui/widgets/searchfield.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class FieldMessage;
class FlowLayout;
class QDateEdit;

// The filters over the templates table: name, kind, editable/locked, created between. A date
// range that ends before it starts is marked beside the dates and not applied.
class TemplateFilterBar : public QWidget
{
    Q_OBJECT

public:
    // The "Created between" range starts out as the 30 days up to `today` (the session's day).
    explicit TemplateFilterBar(const QDate &today, QWidget *parent = nullptr);

    // The filter for the templates of `partnerId` (null: every partner's); a reversed date range
    // is left out.
    TemplateFilter filter(const QUuid &partnerId) const;
    bool isActive() const;
    // Shows every template again; emits changed() once.
    void clear();
    QAction *clearAction() const { return m_clearAction; }
    QLineEdit *nameField() const { return m_name; }
    // Where Tab leaves the bar, for the page's tab order.
    QWidget *lastInTabOrder() const { return m_clearButton; }

signals:
    void changed();

private:
    void addCreatedFilter(FlowLayout *layout, const QDate &today);
    bool rangeReversed() const;
    // Emits changed() unless the dates need fixing first.
    void inputChanged();

    SearchField *m_name;
    QComboBox *m_kind;
    QComboBox *m_state;
    QCheckBox *m_created;
    QDateEdit *m_createdFrom;
    QDateEdit *m_createdTo;
    FieldMessage *m_dateMessage = nullptr;
    QAction *m_clearAction;
    QWidget *m_clearButton;
};
