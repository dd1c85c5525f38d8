#include "server/servercli.h"

#include "core/commands/commandcontext.h"
#include "core/commands/partnercommands.h"
#include "core/commands/usercommands.h"
#include "core/domain/money.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/database.h"
#include "server/apiroutes.h"
#include "server/apiserver.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTextStream>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
const Actor kOperator{QUuid(), Role::Admin, QUuid()}; // whoever runs the command line

// Parses `arguments` (without the subcommand words); false with the parser's message on error.
bool parse(QCommandLineParser &parser, const QStringList &arguments, QTextStream &err)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{u"voucherdesk-server"_s} + arguments)) {
        err << parser.errorText() << Qt::endl;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << ServerCli::tr("Unexpected argument: %1").arg(parser.positionalArguments().first())
            << Qt::endl;
        return false;
    }
    return true;
}

std::unique_ptr<Database> openOrComplain(const QString &location, QTextStream &err)
{
    if (location.isEmpty()) {
        err << ServerCli::tr("--db is required: a SQLite file or postgresql://user@host/db.")
            << Qt::endl;
        return nullptr;
    }
    QString error;
    auto db = ServerCli::openDatabase(location, &error);
    if (!db)
        err << error << Qt::endl;
    return db;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    return file.readAll();
}

// The certificate and private key (RSA or EC, PEM) for HTTPS; nullopt with a message naming the
// file at fault.
std::optional<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath,
                                         QTextStream &err)
{
    QString error;
    const std::optional<QByteArray> certPem = readFile(certPath, &error);
    if (!certPem) {
        err << ServerCli::tr("Cannot read the TLS certificate %1: %2").arg(certPath, error)
            << Qt::endl;
        return std::nullopt;
    }
    const std::optional<QByteArray> keyPem = readFile(keyPath, &error);
    if (!keyPem) {
        err << ServerCli::tr("Cannot read the TLS private key %1: %2").arg(keyPath, error)
            << Qt::endl;
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty()) {
        err << ServerCli::tr("%1 holds no PEM certificate.").arg(certPath) << Qt::endl;
        return std::nullopt;
    }
    QSslKey key(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        err << ServerCli::tr("%1 holds no unencrypted PEM private key (RSA or EC).").arg(keyPath)
            << Qt::endl;
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain); // a leaf followed by its intermediates
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients do not show certificates
    return configuration;
}
// A new record's id on out, or the refusal with each field's problem on err; the exit code.
template<typename T>
int reportAdded(const Result<T> &added, QTextStream &out, QTextStream &err)
{
    if (!added) {
        err << added.error().message() << Qt::endl;
        for (const FieldError &field : added.error().fieldErrors())
            err << "  " << field.field << ": " << field.message << Qt::endl;
        return 1;
    }
    out << added.value().id.toString(QUuid::WithoutBraces) << Qt::endl;
    return 0;
}

} // namespace

std::unique_ptr<Database> ServerCli::openDatabase(const QString &location, QString *errorMessage)
{
    // The server answers 2xx right after a commit: that commit must survive a power loss too.
    return Database::open(location, errorMessage, Database::Durability::PowerLoss);
}

ServerCli::ServerCli(QCoreApplication &app, QTextStream &out, QTextStream &err)
    : m_app(app)
    , m_out(out)
    , m_err(err)
{}

int ServerCli::usage()
{
    m_err << tr("Usage:\n"
                "  voucherdesk-server serve --db DB --listen HOST:PORT [--tls-cert FILE "
                "--tls-key FILE]\n"
                "  voucherdesk-server partner add --db DB --name NAME --quota-minor AMOUNT "
                "--currency CODE\n"
                "  voucherdesk-server user add --db DB --login LOGIN --role ROLE [--partner "
                "NAME-OR-ID] [--name DISPLAY-NAME] --password-stdin\n"
                "DB is a SQLite file or postgresql://user[:password]@host:port/dbname.")
          << Qt::endl;
    return 2;
}

int ServerCli::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return usage();
    if (args.first() == u"--version"_s) {
        m_out << "voucherdesk-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (args.first() == u"serve"_s)
        return serve(args.mid(1));
    if (args.size() >= 2 && args.at(0) == u"partner"_s && args.at(1) == u"add"_s)
        return addPartner(args.mid(2));
    if (args.size() >= 2 && args.at(0) == u"user"_s && args.at(1) == u"add"_s)
        return addUser(args.mid(2));
    m_err << tr("Unknown command: %1").arg(args.join(u' ')) << Qt::endl;
    return usage();
}

int ServerCli::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_s, tr("The database."), tr("location"));
    const QCommandLineOption listen(u"listen"_s, tr("Address and port; port 0 picks a free one."),
                                    tr("host:port"), u"127.0.0.1:8080"_s);
    const QCommandLineOption cert(u"tls-cert"_s, tr("PEM certificate for HTTPS."), tr("file"));
    const QCommandLineOption key(u"tls-key"_s, tr("PEM private key for HTTPS."), tr("file"));
    parser.addOptions({db, listen, cert, key});
    if (!parse(parser, arguments, m_err))
        return 2;

    const QString where = parser.value(listen);
    const qsizetype colon = where.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? where.mid(colon + 1).toInt(&portOk) : -1;
    QHostAddress host(colon > 0 ? where.left(colon).remove(u'[').remove(u']') : QString());
    if (where.left(colon) == u"localhost"_s)
        host = QHostAddress::LocalHost;
    if (!portOk || port < 0 || port > 65535 || host.isNull()) {
        m_err << tr("--listen takes HOST:PORT with an IP address, e.g. 127.0.0.1:8080 or "
                    "0.0.0.0:0; got \"%1\".")
                     .arg(where)
              << Qt::endl;
        return 2;
    }
    if (parser.isSet(cert) != parser.isSet(key)) {
        m_err << tr("--tls-cert and --tls-key go together.") << Qt::endl;
        return 2;
    }

    // The TLS files first: a wrong command line must not create or migrate a database.
    const bool tls = parser.isSet(cert);
    std::optional<QSslConfiguration> tlsConfiguration;
    if (tls) {
        tlsConfiguration = loadTls(parser.value(cert), parser.value(key), m_err);
        if (!tlsConfiguration)
            return 1;
    }

    const std::unique_ptr<Database> database = openOrComplain(parser.value(db), m_err);
    if (!database)
        return 1;

    ApiServer server(*database);
    ApiRoutes::install(server);
    if (tlsConfiguration)
        server.sslSetup(*tlsConfiguration);
    const quint16 bound = server.listen(host, quint16(port));
    if (bound == 0) {
        m_err << tr("Cannot listen on %1.").arg(where) << Qt::endl;
        return 1;
    }
    const QString shownHost = host.protocol() == QAbstractSocket::IPv6Protocol
                                  ? u"["_s + host.toString() + u"]"_s
                                  : host.toString();
    m_out << "listening on " << (tls ? "https://" : "http://") << shownHost << ':' << bound
          << Qt::endl;
    return QCoreApplication::exec();
}

int ServerCli::addPartner(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_s, tr("The database."), tr("location"));
    const QCommandLineOption name(u"name"_s, tr("The partner's name."), tr("name"));
    const QCommandLineOption quota(u"quota-minor"_s, tr("The quota pool in minor units."),
                                   tr("amount"));
    const QCommandLineOption currency(u"currency"_s, tr("CNY or USD."), tr("code"), u"CNY"_s);
    parser.addOptions({db, name, quota, currency});
    if (!parse(parser, arguments, m_err))
        return 2;
    bool quotaOk = false;
    const qint64 quotaMinor = parser.value(quota).toLongLong(&quotaOk);
    if (!quotaOk || quotaMinor < 0) {
        m_err << tr("--quota-minor takes a whole number of minor units (fen, cents), e.g. "
                    "100000000 for 1,000,000.00.")
              << Qt::endl;
        return 2;
    }
    const std::unique_ptr<Database> database = openOrComplain(parser.value(db), m_err);
    if (!database)
        return 1;
    const CommandContext context(*database, kOperator);
    Partner draft;
    draft.name = parser.value(name);
    draft.quotaMinor = quotaMinor;
    draft.currency = parser.value(currency);
    const Result<Partner> added = PartnerCommands(context).addPartner(draft);
    return reportAdded(added, m_out, m_err);
}

int ServerCli::addUser(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_s, tr("The database."), tr("location"));
    const QCommandLineOption login(u"login"_s, tr("The login."), tr("login"));
    const QCommandLineOption displayName(u"name"_s, tr("The name shown for the user."), tr("name"));
    const QCommandLineOption role(u"role"_s, tr("partner_manager, reviewer or admin."), tr("role"));
    const QCommandLineOption partner(u"partner"_s, tr("The partner of a partner manager."),
                                     tr("name-or-id"));
    const QCommandLineOption passwordStdin(u"password-stdin"_s,
                                           tr("Read the password from standard input."));
    parser.addOptions({db, login, displayName, role, partner, passwordStdin});
    if (!parse(parser, arguments, m_err))
        return 2;
    const auto parsedRole = roleFromString(parser.value(role));
    if (!parsedRole) {
        m_err << tr("--role takes partner_manager, reviewer or admin.") << Qt::endl;
        return 2;
    }
    if (!parser.isSet(passwordStdin)) {
        m_err << tr("Give the password on standard input with --password-stdin (never on the "
                    "command line, where other users can see it).")
              << Qt::endl;
        return 2;
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    const std::unique_ptr<Database> database = openOrComplain(parser.value(db), m_err);
    if (!database)
        return 1;

    QUuid partnerId;
    if (parser.isSet(partner)) {
        const QString wanted = parser.value(partner);
        const PartnerRepository partners(*database);
        std::optional<Partner> found = QUuid::fromString(wanted).isNull()
                                           ? partners.findByName(wanted)
                                           : partners.find(QUuid::fromString(wanted));
        if (!found) {
            m_err << tr("There is no partner \"%1\".").arg(wanted) << Qt::endl;
            return 1;
        }
        partnerId = found->id;
    }
    const CommandContext context(*database, kOperator);
    NewUser request;
    request.login = parser.value(login);
    request.displayName = parser.isSet(displayName) ? parser.value(displayName) : request.login;
    request.role = *parsedRole;
    request.partnerId = partnerId;
    request.password = password;
    const Result<User> added = UserCommands(context).addUser(request);
    return reportAdded(added, m_out, m_err);
}
