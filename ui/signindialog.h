#pragma once

#include "user.h"

#include <QDialog>
#include <QFuture>

#include <memory>

class Database;
class FieldMessage;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// Sign-in to a local workspace: the workspace file (with a demo workspace one click away), a
// login and its password, and the language. The password check (Argon2id) and the creation of a
// demo workspace run off the UI thread.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // `demoPath` is where "Create demo workspace" puts the demo.
    explicit SignInDialog(const QString &demoPath, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setWorkspacePath(const QString &path);
    QString workspacePath() const;
    void setLogin(const QString &login);
    void setLanguage(const QString &language); // "en" or "zh_CN"
    QString language() const;

    // After acceptance: the opened workspace and the signed-in user.
    std::unique_ptr<Database> takeDatabase();
    User user() const { return m_user; }

    // Creates the demo workspace at the demo path and selects it.
    void createDemoWorkspace();
    void signIn();
    bool isBusy() const { return m_working; }

    // Closing waits for a running sign-in or demo creation: they use the dialog's workspace.
    void reject() override;

signals:
    // The user picked another language: the caller reinstalls translations and asks again.
    void languageChanged(const QString &language);
    // Sign-in finished one way or the other (for tests and the busy state).
    void signInFinished(bool ok);
    void demoWorkspaceFinished(bool ok);

private:
    void setBusy(bool busy, const QString &what = {});
    void showError(const QString &message);
    void browse();

    QString m_demoPath;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_createDemo;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QComboBox *m_language;
    FieldMessage *m_pathMessage;
    FieldMessage *m_loginMessage;
    FieldMessage *m_passwordMessage;
    QLabel *m_demoHint;
    QLabel *m_error;
    QProgressBar *m_busy;
    QPushButton *m_signIn;
    QPushButton *m_quit;
    std::unique_ptr<Database> m_db;
    User m_user;
    bool m_working = false;
    // The sign-in or demo creation running on a worker thread; it uses m_db.
    QFuture<void> m_work;
};
