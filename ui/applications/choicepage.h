#pragma once

#include <QWizardPage>

class EmptyState;
class QAbstractItemModel;
class QTableView;
class SearchField;

// A wizard step that picks one row of a searchable table (a template, a customer): the search
// field (debounced: each search reads the store), the table with its empty state, Down from the
// search into the table, a double click as Next. Subclasses bring the model and the search.
class ChoicePage : public QWizardPage
{
    Q_OBJECT

public:
    // How long typing pauses before the search runs (as on the Customers page).
    static constexpr int SearchDelayMs = 250;

    bool isComplete() const override;
    // Applies a search still waiting for the pause in typing: Next chooses what is shown.
    bool validatePage() override;

protected:
    ChoicePage(const QString &placeholder, const QString &searchName, QWidget *parent = nullptr);

    // Shows the model in the table (named `viewName` for assistive technology) and connects the
    // search to applySearch(). Call once, from the subclass's constructor.
    void setModel(QAbstractItemModel *model, const QString &viewName);
    virtual void applySearch() = 0;

    int selectedRow() const; // -1 when nothing is chosen
    void selectRow(int row, bool scroll = false);

    SearchField *search() const { return m_search; }
    QTableView *view() const { return m_view; }
    EmptyState *emptyState() const { return m_emptyState; }

private:
    SearchField *m_search;
    QTableView *m_view;
    EmptyState *m_emptyState;
};
