#include "ui/signin/signindialog.h"

#include "core/commands/session.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/store/database.h"
#include "core/sync/serverconnection.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/icons.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

SignInDialog::SignInDialog(const QString &demoPath, QWidget *parent)
    : QDialog(parent)
    , m_demoPath(demoPath)
    , m_dataFolder(QFileInfo(demoPath).absolutePath())
    , m_localMode(new QRadioButton(tr("L&ocal workspace")))
    , m_serverMode(new QRadioButton(tr("Ser&ver")))
    , m_serverAddress(new QLineEdit)
    , m_serverMessage(new FieldMessage(m_serverAddress))
    , m_path(new QLineEdit)
    , m_browse(new QPushButton(Icons::get(u"folder"_s), tr("&Browse…")))
    , m_createDemo(new QPushButton(tr("Create &demo workspace")))
    , m_login(new QLineEdit)
    , m_password(new QLineEdit)
    , m_language(new QComboBox)
    , m_pathMessage(new FieldMessage(m_path))
    , m_loginMessage(new FieldMessage(m_login))
    , m_passwordMessage(new FieldMessage(m_password))
    , m_demoHint(new QLabel)
    , m_error(new QLabel)
    , m_busy(new QProgressBar)
    , m_signIn(new QPushButton(tr("&Sign In")))
    , m_quit(new QPushButton(tr("&Quit")))
{
    setWindowTitle(tr("Sign In — VoucherDesk"));
    setWindowIcon(Icons::application());

    auto *logo = new QLabel;
    logo->setPixmap(Icons::application().pixmap(48, 48));
    auto *name = new QLabel(tr("<b>VoucherDesk</b><br>Vendor vouchers of the Partner Center"));
    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    top->addWidget(name, 1);

    m_path->setAccessibleName(tr("Workspace file"));
    m_path->setToolTip(tr("The local workspace: a VoucherDesk database file."));
    m_path->setMinimumWidth(360);
    m_browse->setAccessibleName(tr("Browse for a workspace file"));
    m_createDemo->setAccessibleName(tr("Create demo workspace"));
    m_createDemo->setToolTip(tr("Creates a workspace with demo partners, customers, templates "
                                "and vouchers at %1.")
                                 .arg(QDir::toNativeSeparators(m_demoPath)));
    m_login->setAccessibleName(tr("Login"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    // A message is about what the field held: typing retires it.
    connect(m_login, &QLineEdit::textEdited, m_loginMessage, &FieldMessage::clearMessage);
    connect(m_password, &QLineEdit::textEdited, m_passwordMessage, &FieldMessage::clearMessage);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_createDemo);

    m_localMode->setAccessibleName(tr("Local workspace"));
    m_localMode->setToolTip(tr("Work on a VoucherDesk database file on this computer."));
    m_serverMode->setAccessibleName(tr("Server"));
    m_serverMode->setToolTip(tr("Work with a VoucherDesk server: a copy of your data stays on "
                                "this computer, so you can go on working offline."));
    m_serverAddress->setAccessibleName(tr("Server address"));
    m_serverAddress->setPlaceholderText(u"https://vouchers.example.com"_s);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_localMode);
    modes->addButton(m_serverMode);
    m_localMode->setChecked(true);

    auto *where = new QGridLayout;
    where->setContentsMargins(0, 0, 0, 0);
    where->addWidget(m_localMode, 0, 0);
    where->addLayout(pathRow, 0, 1);
    where->addWidget(m_pathMessage, 1, 1);
    where->addWidget(m_serverMode, 2, 0);
    where->addWidget(m_serverAddress, 2, 1);
    where->addWidget(m_serverMessage, 3, 1);
    where->setColumnStretch(1, 1);

    auto *form = new QFormLayout;
    auto *pathLabel = new QLabel(tr("&Workspace:"));
    pathLabel->setBuddy(m_localMode);
    form->addRow(pathLabel, where);
    m_demoHint->setText(
        tr("The demo workspace: sign in as manager.a or manager.b (partner managers), rev1 "
           "(vendor reviewer) or admin (administrator); every demo account's password is "
           "\"%1\".")
            .arg(QString::fromLatin1(DemoGenerator::Password)));
    m_demoHint->setWordWrap(true);
    m_demoHint->setStyleSheet(u"color: palette(mid);"_s);
    m_demoHint->hide();
    form->addRow(QString(), m_demoHint);
    auto *loginLabel = new QLabel(tr("&Login:"));
    loginLabel->setBuddy(m_login);
    form->addRow(loginLabel, m_login);
    form->addRow(QString(), m_loginMessage);
    auto *passwordLabel = new QLabel(tr("&Password:"));
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    form->addRow(QString(), m_passwordMessage);
    auto *languageLabel = new QLabel(tr("L&anguage:"));
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(FieldMessage::errorStyleSheet());
    m_error->hide();
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();

    auto *buttons = new QDialogButtonBox;
    m_signIn->setAccessibleName(tr("Sign in"));
    m_quit->setAccessibleName(tr("Quit"));
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_quit, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);

    // Return signs in from any field: only Sign In is a default button, and it can only become
    // one once it is inside the dialog.
    m_browse->setAutoDefault(false);
    m_createDemo->setAutoDefault(false);
    m_quit->setAutoDefault(false);
    m_signIn->setDefault(true);

    setTabOrder(m_localMode, m_path);
    setTabOrder(m_path, m_browse);
    setTabOrder(m_browse, m_createDemo);
    setTabOrder(m_createDemo, m_serverMode);
    setTabOrder(m_serverMode, m_serverAddress);
    setTabOrder(m_serverAddress, m_login);
    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_language);
    setTabOrder(m_language, m_signIn);
    setTabOrder(m_signIn, m_quit);

    connect(m_browse, &QPushButton::clicked, this, &SignInDialog::browse);
    connect(m_createDemo, &QPushButton::clicked, this, &SignInDialog::createDemoWorkspace);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_language, &QComboBox::activated, this, [this] { emit languageChanged(language()); });
    connect(m_serverMode, &QRadioButton::toggled, this, &SignInDialog::updateMode);
    updateMode();
}

SignInDialog::~SignInDialog()
{
    m_work.waitForFinished();
}

void SignInDialog::setWorkspacePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    m_demoHint->setVisible(QFileInfo(path) == QFileInfo(m_demoPath));
    m_createDemo->setVisible(!QFileInfo::exists(m_demoPath) ||
                             QFileInfo(path) != QFileInfo(m_demoPath));
}

QString SignInDialog::workspacePath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void SignInDialog::setServerMode(bool server)
{
    (server ? m_serverMode : m_localMode)->setChecked(true);
    updateMode();
}

bool SignInDialog::isServerMode() const
{
    return m_serverMode->isChecked();
}

void SignInDialog::setServerAddress(const QString &address)
{
    m_serverAddress->setText(address);
}

QString SignInDialog::serverAddress() const
{
    return m_serverAddress->text().trimmed();
}

QUrl SignInDialog::serverUrl() const
{
    return ServerConnection::normalised(serverAddress());
}

// A certificate the user chose to trust for this server, kept with the preferences.
QSslCertificate SignInDialog::trustedCertificate() const
{
    const QUrl url = serverUrl();
    if (url.isEmpty())
        return QSslCertificate();
    const QByteArray pem =
        QSettings()
            .value(u"servers/"_s + ServerConnection::serverKey(url) + u"/trustedCertificate"_s)
            .toByteArray();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem);
    return certificates.isEmpty() ? QSslCertificate() : certificates.constFirst();
}

void SignInDialog::updateMode()
{
    const bool server = isServerMode();
    for (QWidget *widget : {static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse),
                            static_cast<QWidget *>(m_createDemo)})
        widget->setEnabled(!server && !m_working);
    m_serverAddress->setEnabled(server && !m_working);
    m_demoHint->setVisible(!server && QFileInfo(workspacePath()) == QFileInfo(m_demoPath));
    if (server) {
        m_pathMessage->clearMessage();
        if (!m_working)
            m_serverAddress->setFocus();
    } else {
        m_serverMessage->clearMessage();
    }
}

void SignInDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    if (!login.isEmpty())
        m_password->setFocus();
}

void SignInDialog::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
}

QString SignInDialog::language() const
{
    return m_language->currentData().toString();
}

std::unique_ptr<Database> SignInDialog::takeDatabase()
{
    return std::move(m_db);
}

void SignInDialog::reject()
{
    // Waiting for a server: Quit (now Cancel) or Esc stops waiting.
    if (isBusy() && m_cancelSignIn) {
        *m_cancelSignIn = true;
        return;
    }
    if (!isBusy())
        QDialog::reject();
}

void SignInDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), QFileInfo(workspacePath()).absolutePath(),
        tr("VoucherDesk workspaces (*.db);;All files (*)"));
    if (!path.isEmpty())
        setWorkspacePath(path);
}

void SignInDialog::setBusy(bool busy, const QString &what)
{
    m_working = busy;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse),
          static_cast<QWidget *>(m_createDemo), static_cast<QWidget *>(m_login),
          static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_language),
          static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_quit),
          static_cast<QWidget *>(m_localMode), static_cast<QWidget *>(m_serverMode)}) {
        widget->setEnabled(!busy);
    }
    m_serverAddress->setEnabled(!busy);
    if (!busy)
        updateMode();
    m_busy->setVisible(busy);
    m_busy->setFormat(what);
    m_busy->setToolTip(what);
    if (busy)
        m_error->hide();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setAccessibleName(message);
    m_error->show();
}

void SignInDialog::createDemoWorkspace()
{
    if (QFileInfo::exists(m_demoPath)) {
        setWorkspacePath(m_demoPath);
        emit demoWorkspaceFinished(true);
        return;
    }
    setBusy(true, tr("Creating the demo workspace…"));
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const Result<void> result = watcher->result();
        if (!result) {
            showError(
                tr("The demo workspace could not be created: %1").arg(result.error().message()));
            emit demoWorkspaceFinished(false);
            return;
        }
        setWorkspacePath(m_demoPath);
        if (m_login->text().isEmpty())
            setLogin(u"manager.a"_s);
        emit demoWorkspaceFinished(true);
    });
    const QString path = m_demoPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    watcher->setFuture(QtConcurrent::run([path] { return DemoWorkspace::create(path, {}); }));
    m_work = watcher->future();
}

void SignInDialog::signIn()
{
    if (isServerMode()) {
        signInToServer();
        return;
    }
    m_pathMessage->clearMessage();
    m_loginMessage->clearMessage();
    m_passwordMessage->clearMessage();
    const QString path = workspacePath();
    bool valid = true;
    if (path.isEmpty()) {
        m_pathMessage->showMessage(tr("Choose a workspace file."));
        valid = false;
    } else if (!QFileInfo::exists(path)) {
        m_pathMessage->showMessage(
            tr("There is no workspace at this path. Choose another file, or create the demo "
               "workspace."));
        valid = false;
    }
    valid = checkCredentials() && valid;
    if (!valid) {
        emit signInFinished(false);
        return;
    }

    QString error;
    if (!m_db || m_db->location() != path)
        m_db = Database::open(path, &error);
    if (!m_db) {
        m_pathMessage->showMessage(tr("The workspace cannot be opened: %1").arg(error));
        emit signInFinished(false);
        return;
    }

    setBusy(true, tr("Signing in…"));
    auto *watcher = new QFutureWatcher<Result<User>>(this);
    connect(watcher, &QFutureWatcher<Result<User>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const Result<User> result = watcher->result();
        if (!result) {
            showError(result.error().message());
            m_password->selectAll();
            m_password->setFocus();
            emit signInFinished(false);
            return;
        }
        m_user = result.value();
        emit signInFinished(true);
        accept();
    });
    Database *db = m_db.get();
    const QString login = m_login->text().trimmed();
    const QString password = m_password->text();
    watcher->setFuture(QtConcurrent::run(
        [db, login, password] { return Session::authenticate(*db, login, password); }));
    m_work = watcher->future();
}

// Marks an empty login or password next to its field.
bool SignInDialog::checkCredentials()
{
    bool valid = true;
    if (m_login->text().trimmed().isEmpty()) {
        m_loginMessage->showMessage(tr("Enter your login."));
        valid = false;
    }
    if (m_password->text().isEmpty()) {
        m_passwordMessage->showMessage(tr("Enter your password."));
        valid = false;
    }
    return valid;
}

void SignInDialog::signInToServer()
{
    m_serverMessage->clearMessage();
    m_loginMessage->clearMessage();
    m_passwordMessage->clearMessage();
    bool valid = true;
    const QUrl url = serverUrl();
    if (url.isEmpty()) {
        m_serverMessage->showMessage(
            serverAddress().isEmpty()
                ? tr("Enter the server's address, e.g. https://vouchers.example.com.")
                : tr("This is not a server address; write it like "
                     "https://vouchers.example.com or https://10.0.0.5:8443."));
        valid = false;
    }
    valid = checkCredentials() && valid;
    if (!valid) {
        emit signInFinished(false);
        return;
    }

    setBusy(true, tr("Signing in to %1…").arg(url.host()));
    ServerSignIn::Request request;
    request.server = url;
    request.login = m_login->text().trimmed();
    request.password = m_password->text();
    request.trustedCertificate = trustedCertificate();
    request.dataFolder = m_dataFolder;
    request.offlineCost = m_offlineCost;
    m_cancelSignIn = request.cancelled;
    // The one button left enabled while the server is asked.
    m_quit->setText(tr("&Cancel"));
    m_quit->setAccessibleName(tr("Cancel sign-in"));
    m_quit->setEnabled(true);
    auto *watcher = new QFutureWatcher<ServerSignIn::Outcome>(this);
    connect(watcher, &QFutureWatcher<ServerSignIn::Outcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_cancelSignIn.reset();
        m_quit->setText(tr("&Quit"));
        m_quit->setAccessibleName(tr("Quit"));
        setBusy(false);
        serverSignedIn(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([request] { return ServerSignIn::run(request); }));
    m_work = watcher->future();
}

void SignInDialog::serverSignedIn(const ServerSignIn::Outcome &outcome)
{
    using Status = ServerSignIn::Outcome::Status;
    switch (outcome.status) {
    case Status::SignedIn:
    case Status::SignedInOffline:
        m_server = outcome;
        m_user = outcome.user;
        emit signInFinished(true);
        accept();
        return;
    case Status::UntrustedCertificate:
        askToTrust(outcome);
        return;
    case Status::Refused:
        showError(outcome.message);
        m_password->selectAll();
        m_password->setFocus();
        break;
    case Status::Unreachable:
        m_serverMessage->showMessage(outcome.message);
        m_serverAddress->setFocus();
        break;
    case Status::Failed:
        showError(tr("The server workspace cannot be opened: %1").arg(outcome.message));
        break;
    case Status::Cancelled:
        showError(outcome.message);
        break;
    }
    emit signInFinished(false);
}

// Trusting is the user's decision, made with the certificate's fingerprint in front of them:
// a self-signed certificate of their own server looks exactly like an intercepted connection.
void SignInDialog::askToTrust(const ServerSignIn::Outcome &outcome)
{
    QStringList problems;
    for (const QSslError &error : outcome.sslErrors)
        problems.append(error.errorString());
    problems.removeDuplicates();
    const QSslCertificate certificate = outcome.certificate;
    const QString fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    const QString issuedTo = certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s);

    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Untrusted Server Certificate"),
        tr("This computer does not trust the certificate of %1.").arg(serverUrl().host()),
        QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"trustCertificateBox"_s);
    box->setInformativeText(
        tr("It may be your organisation's own (self-signed) certificate — or someone "
           "intercepting the connection. Trust it only if your administrator confirms this "
           "fingerprint.\n\nIssued to: %1\nValid until: %2\nSHA-256: %3\n\nProblems: %4")
            .arg(issuedTo.isEmpty() ? tr("(no name)") : issuedTo,
                 QLocale().toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat),
                 fingerprint, problems.join(u"; "_s)));
    QPushButton *trust = box->addButton(tr("&Trust This Certificate"), QMessageBox::AcceptRole);
    trust->setAccessibleName(tr("Trust this certificate"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QString key =
        u"servers/"_s + ServerConnection::serverKey(serverUrl()) + u"/trustedCertificate"_s;
    connect(box, &QMessageBox::finished, this, [this, box, trust, certificate, key] {
        if (box->clickedButton() != trust) {
            showError(tr("Not signed in: the server's certificate was not trusted."));
            emit signInFinished(false);
            return;
        }
        QSettings().setValue(key, certificate.toPem());
        signInToServer();
    });
    box->open();
}
