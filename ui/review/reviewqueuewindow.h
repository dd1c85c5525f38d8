#pragma once

#include "core/base/commanderror.h"
#include "core/commands/session.h"

#include <QMainWindow>
#include <QSet>
#include <QUuid>

class EmptyState;
class QAction;
class QLabel;
class QSplitter;
class QTableView;
class ReviewDecisionBar;
class ReviewDetailPanel;
class ReviewFilterBar;
class ReviewQueueModel;
class RowSelection;
struct ReviewQueueDetail;

// The vendor reviewer's own window: every partner's pending applications, the earliest review
// deadline first, the detail of the selected one, and its decision.
//
// Keyboard: J and K (or Down and Up in the table) move to the next and previous application;
// A approves with the comment typed, if any; R rejects with the reason picked or typed — with no
// reason yet, R puts the focus into the reason field and says what is missing, and Enter (or
// Ctrl+Enter) there, R again from the queue, or the Reject button then rejects. Enter in the
// comment field approves. Every decision asks first, naming the customer, the template and the
// face value; Enter confirms, Esc keeps the application pending. The letters act only outside the
// text fields (so typing "a" into a comment is only typing), and Esc in a field returns to the
// queue. After a decision the next pending application is selected.
//
// The detail and the decision follow the one selected row (RowSelection): a click below the rows
// or a screen reader's selection changes what is shown; with no row selected nothing can be
// decided.
//
// A decision someone else made meanwhile shows in the detail once the window refreshes (at every
// change the session announces): the application stays shown with that outcome and cannot be
// decided again. With a server workspace a decision is only sent: its row stays, marked, until
// the server's answer arrives with a sync.
class ReviewQueueWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ReviewQueueWindow(Session &session, QWidget *parent = nullptr);

    ReviewQueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ReviewDetailPanel *detailPanel() const { return m_detail; }
    ReviewDecisionBar *decisionBar() const { return m_decisionBar; }
    // The application the detail shows; null when none.
    QUuid currentApplicationId() const { return m_currentId; }
    QString messageText() const;

    void refresh();
    void selectApplication(const QUuid &applicationId);
    void next();
    void previous();
    void approve();
    void reject();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void setUpTable();
    void layOut();
    void onSessionChanged(Session::Changes changes);
    void onSelectedRowChanged(int row);
    void selectRow(int row);
    int currentRow() const;
    void restoreSelection(const QUuid &target);
    void showCurrent();
    void updateDecisionState();
    void updateCounts();
    void updateEmptyState();
    void decide(bool approve);
    void confirmDecision(bool approve, const ReviewQueueDetail &detail, const QString &text);
    void runDecision(bool approve, const ReviewQueueDetail &detail, const QString &text);
    QUuid neighbourOf(const QUuid &applicationId) const;
    void showRefusal(const QUuid &applicationId, const CommandError &error);
    enum class Tone { Success, Info, Error };
    void showMessage(const QString &message, Tone tone);
    void clearMessage();
    void restoreLayout();
    void saveLayout() const;

    Session &m_session;
    ReviewQueueModel *m_model;
    ReviewFilterBar *m_filterBar;
    QLabel *m_counts;
    QTableView *m_view;
    RowSelection *m_selection = nullptr;
    EmptyState *m_emptyState;
    ReviewDetailPanel *m_detail;
    QLabel *m_message;
    ReviewDecisionBar *m_decisionBar;
    QSplitter *m_splitter;
    QAction *m_nextAction;
    QAction *m_previousAction;
    QAction *m_approveAction;
    QAction *m_rejectAction;
    QAction *m_refreshAction;

    QUuid m_currentId;
    QUuid m_typedFor; // the application the decision bar's comment and reason were typed for
    bool m_reloading = false;
    int m_anchorRow = 0; // where the shown application was in the list, when it left the list
    QUuid m_selectAfterRefresh;
    QSet<QUuid> m_sent;
    // The sent decision the message line waits for.
    struct Awaited
    {
        QUuid id;
        QString customer;
        QString partner;
    } m_awaited;
};
