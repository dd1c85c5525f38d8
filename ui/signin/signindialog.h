#pragma once

#include "core/domain/user.h"
#include "core/sync/serversignin.h"

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
class QRadioButton;

// Sign-in to a local workspace — the workspace file (with a demo workspace one click away) — or
// to a server (its address; the replica lives in the data folder), then a login, its password
// and the language. The password check (Argon2id), the server's answer and the creation of a
// demo workspace come off the UI thread. A server certificate this computer does not trust is
// shown with its fingerprint, and trusted only when the user says so.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // `demoPath` is where "Create demo workspace" puts the demo.
    explicit SignInDialog(const QString &demoPath, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setWorkspacePath(const QString &path);
    QString workspacePath() const;
    // Server mode: the address as typed, e.g. https://vouchers.example.com.
    void setServerMode(bool server);
    bool isServerMode() const;
    void setServerAddress(const QString &address);
    QString serverAddress() const;
    // Where server replicas are kept (<folder>/servers/...).
    void setDataFolder(const QString &folder) { m_dataFolder = folder; }
    void setOfflinePasswordCost(PasswordHasher::Cost cost) { m_offlineCost = cost; }
    void setLogin(const QString &login);
    void setLanguage(const QString &language); // "en" or "zh_CN"
    QString language() const;

    // After acceptance: the opened workspace and the signed-in user.
    std::unique_ptr<Database> takeDatabase();
    User user() const { return m_user; }
    // After a server sign-in: the replica, the token, the server and its trusted certificate.
    const ServerSignIn::Outcome &serverOutcome() const { return m_server; }
    QUrl serverUrl() const;
    QSslCertificate trustedCertificate() const;

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
    void updateMode();
    void signInToServer();
    bool checkCredentials();
    void serverSignedIn(const ServerSignIn::Outcome &outcome);
    void askToTrust(const ServerSignIn::Outcome &outcome);
    void showError(const QString &message);
    void browse();

    QString m_demoPath;
    QString m_dataFolder;
    PasswordHasher::Cost m_offlineCost = PasswordHasher::Cost::Interactive;
    QRadioButton *m_localMode;
    QRadioButton *m_serverMode;
    QLineEdit *m_serverAddress;
    FieldMessage *m_serverMessage;
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
    ServerSignIn::Outcome m_server;
    bool m_working = false;
    // The sign-in or demo creation running on a worker thread; it uses m_db.
    QFuture<void> m_work;
    // Cancels the server sign-in under way.
    std::shared_ptr<std::atomic_bool> m_cancelSignIn;
};
