#pragma once

#include <QDialog>

class EmptyState;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;
class SyncController;
class SyncProblemModel;
struct SyncStatus;

// The commands the server refused, newest first, with the server's own words, the error code
// and the request id for support. Non-modal: the user may look at the rows while reading.
// Dismissing one only removes it from this list: its rows are already back at the server's
// state.
class SyncProblemsPanel : public QDialog
{
    Q_OBJECT

public:
    explicit SyncProblemsPanel(SyncController &sync, QWidget *parent = nullptr);

    SyncProblemModel *model() const { return m_model; }
    // Reads the problems again, keeping the selected one selected.
    void reload();

private:
    void statusChanged(const SyncStatus &status);
    void showSelected();
    void dismissSelected();
    void dismissAll();
    qint64 selectedId() const;
    void select(int row);

    SyncController &m_sync;
    SyncProblemModel *m_model;
    QTableView *m_view;
    EmptyState *m_emptyState;
    QLabel *m_what;
    QLabel *m_message;
    QLabel *m_reference;
    QPushButton *m_dismiss;
    QPushButton *m_dismissAll;
    QDialogButtonBox *m_buttons;
};
