#pragma once

#include "templaterepository.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

// The filters over the templates table: name, kind, editable/locked, created between.
class TemplateFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateFilterBar(QWidget *parent = nullptr);

    // The filter for the templates of `partnerId` (null: every partner's).
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
    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_state;
    QCheckBox *m_created;
    QDateEdit *m_createdFrom;
    QDateEdit *m_createdTo;
    QAction *m_clearAction;
    QWidget *m_clearButton;
};
