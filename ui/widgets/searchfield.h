#pragma once

#include <QLineEdit>
#include <QPointer>

class QAbstractItemView;
class QTimer;

// The search box above a list: a search icon, a clear button, a placeholder and an accessible
// name. It announces the text to search for with searchChanged(): on every edit, or with a
// delay after a pause in typing (Enter then searches at once). With a result view, Down moves
// into the list below, as in a combo box's popup.
class SearchField : public QLineEdit
{
    Q_OBJECT

public:
    SearchField(const QString &placeholder, const QString &accessibleName,
                QWidget *parent = nullptr);

    // Waits this long after the last edit before announcing it; 0 (the default) announces
    // every edit at once.
    void setDelay(int milliseconds);
    int delay() const { return m_delay; }
    // True while an edit waits for the pause in typing.
    bool isPending() const;
    // Announces the current text now, ending any wait.
    void applyNow();
    // Forgets a waiting edit without announcing it.
    void cancelPending();

    // What Down does to the result view besides moving the focus into it.
    enum class ResultEntry {
        SelectFirstRow,   // a list to choose from: its first row is selected when none is
        FocusCurrentItem, // a checklist: its current item keeps the focus (the first when none)
    };
    // Down moves the focus into `view` when it has rows, after a waiting search has run: into
    // the list the typed text asks for, not the one still shown.
    void setResultView(QAbstractItemView *view, ResultEntry entry = ResultEntry::SelectFirstRow);

signals:
    void searchChanged(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void edited();
    bool enterResultView();

    QTimer *m_timer;
    int m_delay = 0;
    QPointer<QAbstractItemView> m_resultView;
    ResultEntry m_resultEntry = ResultEntry::SelectFirstRow;
};
