// `stackvault-cli clouds list|add|import|remove|test`: manage saved cloud profiles from a terminal.
// Secrets come only from standard input (never argv, which other users can read in /proc) and go only
// to the keyring.
#include "clicommand.h"
#include "clisupport.h"
#include "openstack/session.h"
#include "profiles/cloudconfigimporter.h"
#include "profiles/cloudsessions.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <functional>
#include <memory>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <unistd.h>

namespace cli {
namespace {

using sv::CloudProfile;
using sv::ProfileStore;
using sv::SecretResult;
using sv::SecretStore;

const char *const usageText = R"(Usage: stackvault-cli clouds <action> [options]

Actions:
  list [--json]                 show the saved clouds (never a password)
  add NAME --auth-url URL ... --password-stdin
                                save a cloud; the password (or application credential secret) is read
                                from standard input and kept in the desktop keyring
  import [--file clouds.yaml] [--cloud NAME] [--env] [--name NEW] [--password-stdin]
                                save clouds from clouds.yaml (+ secure.yaml), searched like the
                                openstack CLI does, or from OS_* variables (--env)
  remove NAME                   delete a saved cloud and its password
  test NAME                     log in to the cloud and report what it offers

Options of add:
  --auth-url URL                Keystone URL, e.g. https://keystone.example.com:5000/v3 (required)
  --user NAME | --user-id ID    the user (password authentication)
  --project NAME | --project-id ID
  --user-domain NAME | --user-domain-id ID
  --project-domain NAME | --project-domain-id ID
  --region NAME                 region (default: any)
  --interface public|internal|admin
  --cacert FILE                 CA bundle for a private certificate authority
  --insecure                    do not verify the TLS certificate
  --auth-type password|v3applicationcredential
  --application-credential-id ID | --application-credential-name NAME
  --password-stdin              read the secret from standard input (required)
  --no-verify                   save without signing in first (by default a cloud that refuses the
                                password or cannot be reached is not saved)

Options of every action:
  --verbose                     also print StackVault's log: warnings and notes (retries,
                                re-authentication)
  --debug                       print every log line, including each HTTP request (secrets redacted)

Exit codes: 0 success, 1 failure, 2 usage error.
)";

// Objects shared by the asynchronous steps of one action; parented to the application so that they
// live until the event loop ends.
struct Context
{
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
};

void usageError(const QString &message)
{
    err() << "stackvault-cli clouds: " << message << "\n"
          << "Run `stackvault-cli clouds --help` for the options.\n";
    CliCommand::finish(ExitUsage);
}

void failure(const QString &message)
{
    err() << "stackvault-cli clouds: " << message << "\n";
    CliCommand::finish(ExitFailure);
}

// Loads the profile store; on failure reports it and ends with exit code 1.
bool openStores(Context *context)
{
    context->profiles = new ProfileStore(QString(), qApp);
    context->secrets = new SecretStore(qApp);
    context->profiles->setSecretStore(context->secrets);
    QString error;
    if (!context->profiles->load(&error)) {
        failure(error);
        return false;
    }
    return true;
}

// The parser's first argument is taken as the program name.
bool parse(QCommandLineParser &parser, const QString &action, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addLogOptions(parser);
    if (!parser.parse(QStringList { QStringLiteral("stackvault-cli clouds ") + action } + arguments)) {
        QString message = parser.errorText();
        if (arguments.contains(QLatin1String("--password")) || arguments.contains(QLatin1String("-p")))
            message
                = QStringLiteral("a password is never accepted on the command line (other users could read "
                                 "it); pipe it in with --password-stdin");
        usageError(message);
        return false;
    }
    applyLogOptions(parser);
    return true;
}

QString describeAuth(const CloudProfile &profile)
{
    if (profile.authType == sv::AuthType::ApplicationCredential)
        return QStringLiteral("application credential");
    return QStringLiteral("password");
}

// Signs in to the cloud's Keystone with the secret on a throw-away session, as the GUI's Test Connection
// does; `done` gets the signed-in session, or why not (a sentence).
void signIn(const Context &context, const CloudProfile &profile, const QString &secret,
    std::function<void(const sv::CloudSessions::SignInResult &)> done)
{
    auto *sessions = new sv::CloudSessions(context.profiles, context.secrets, qApp);
    sessions->trySignIn(profile, secret, qApp, std::move(done));
}

// ---- list -----------------------------------------------------------------------------------------

void listClouds(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output") });
    if (!parse(parser, QStringLiteral("list"), arguments))
        return;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("list takes no arguments"));
    Context context;
    if (!openStores(&context))
        return;
    const QList<CloudProfile> profiles = context.profiles->profiles();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CloudProfile &profile : profiles)
            array.append(profile.toJson());
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return CliCommand::finish(ExitOk);
    }
    if (profiles.isEmpty()) {
        out() << "No clouds are saved. Add one with `stackvault-cli clouds add` or `stackvault-cli clouds "
                 "import`.\n";
        return CliCommand::finish(ExitOk);
    }
    QList<QStringList> rows { { QStringLiteral("NAME"), QStringLiteral("AUTH URL"), QStringLiteral("PROJECT"),
        QStringLiteral("USER"), QStringLiteral("REGION"), QStringLiteral("AUTH") } };
    for (const CloudProfile &p : profiles) {
        const QString user = p.authType == sv::AuthType::ApplicationCredential
            ? (p.applicationCredentialId.isEmpty() ? p.applicationCredentialName : p.applicationCredentialId)
            : (p.userName.isEmpty() ? p.userId : p.userName);
        rows.append({ p.name, p.authUrl.toString(), p.projectName.isEmpty() ? p.projectId : p.projectName,
            user, p.regionName.isEmpty() ? QStringLiteral("-") : p.regionName, describeAuth(p) });
    }
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        out() << line << "\n";
    }
    CliCommand::finish(ExitOk);
}

// ---- add ------------------------------------------------------------------------------------------

void addCloud(const QStringList &arguments)
{
    QCommandLineParser parser;
    const auto value = [&parser](const char *name, const char *description, const char *valueName) {
        parser.addOption({ QLatin1String(name), QLatin1String(description), QLatin1String(valueName) });
    };
    value("auth-url", "Keystone URL", "URL");
    value("user", "user name", "NAME");
    value("user-id", "user id", "ID");
    value("project", "project name", "NAME");
    value("project-id", "project id", "ID");
    value("user-domain", "user domain name", "NAME");
    value("user-domain-id", "user domain id", "ID");
    value("project-domain", "project domain name", "NAME");
    value("project-domain-id", "project domain id", "ID");
    value("region", "region", "NAME");
    value("interface", "public, internal or admin", "INTERFACE");
    value("cacert", "CA bundle", "FILE");
    value("auth-type", "password or v3applicationcredential", "TYPE");
    value("application-credential-id", "application credential id", "ID");
    value("application-credential-name", "application credential name", "NAME");
    parser.addOption({ QStringLiteral("insecure"), QStringLiteral("do not verify TLS certificates") });
    parser.addOption(
        { QStringLiteral("password-stdin"), QStringLiteral("read the secret from standard input") });
    parser.addOption({ QStringLiteral("no-verify"), QStringLiteral("save without signing in first") });
    if (!parse(parser, QStringLiteral("add"), arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("add needs exactly one cloud name"));
    if (!parser.isSet(QStringLiteral("auth-url")))
        return usageError(QStringLiteral("add needs --auth-url"));
    if (!parser.isSet(QStringLiteral("password-stdin")))
        return usageError(
            QStringLiteral("add needs --password-stdin: the password (or application credential "
                           "secret) is read from standard input, never from the command line"));

    CloudProfile profile;
    profile.name = positional.constFirst();
    profile.authUrl = QUrl(parser.value(QStringLiteral("auth-url")), QUrl::StrictMode);
    const QString authType = parser.value(QStringLiteral("auth-type"));
    if (authType == QLatin1String("v3applicationcredential"))
        profile.authType = sv::AuthType::ApplicationCredential;
    else if (!authType.isEmpty() && authType != QLatin1String("password"))
        return usageError(QStringLiteral("--auth-type must be password or v3applicationcredential"));
    profile.userName = parser.value(QStringLiteral("user"));
    profile.userId = parser.value(QStringLiteral("user-id"));
    profile.projectName = parser.value(QStringLiteral("project"));
    profile.projectId = parser.value(QStringLiteral("project-id"));
    profile.userDomainName = parser.value(QStringLiteral("user-domain"));
    profile.userDomainId = parser.value(QStringLiteral("user-domain-id"));
    profile.projectDomainName = parser.value(QStringLiteral("project-domain"));
    profile.projectDomainId = parser.value(QStringLiteral("project-domain-id"));
    profile.applicationCredentialId = parser.value(QStringLiteral("application-credential-id"));
    profile.applicationCredentialName = parser.value(QStringLiteral("application-credential-name"));
    profile.regionName = parser.value(QStringLiteral("region"));
    if (parser.isSet(QStringLiteral("interface")))
        profile.interface = parser.value(QStringLiteral("interface"));
    profile.verifyTls = !parser.isSet(QStringLiteral("insecure"));
    if (parser.isSet(QStringLiteral("cacert"))) {
        const QFileInfo caFile(parser.value(QStringLiteral("cacert")));
        if (!caFile.isFile())
            return usageError(QStringLiteral("the CA bundle %1 does not exist").arg(caFile.filePath()));
        profile.caBundlePath = caFile.absoluteFilePath();
    }
    // Password users outside the default domain are the exception; Keystone needs some domain.
    if (profile.authType == sv::AuthType::Password && profile.userId.isEmpty()
        && profile.userDomainName.isEmpty() && profile.userDomainId.isEmpty())
        profile.userDomainId = QStringLiteral("default");
    if (!profile.projectName.isEmpty() && profile.projectDomainName.isEmpty()
        && profile.projectDomainId.isEmpty())
        profile.projectDomainId = QStringLiteral("default");
    if (const QString invalid = profile.validationError(); !invalid.isEmpty())
        return usageError(invalid);

    Context context;
    if (!openStores(&context))
        return;
    if (context.profiles->findByName(profile.name))
        return failure(
            QStringLiteral("a cloud named \"%1\" already exists; remove it first or choose another name")
                .arg(profile.name));
    const QString secret = readSecretFromStdin(QStringLiteral("Password for %1: ").arg(profile.name));
    if (secret.isEmpty())
        return usageError(QStringLiteral("no password was given on standard input"));

    profile.id = CloudProfile::generateId();
    const bool verify = !parser.isSet(QStringLiteral("no-verify"));
    // The secret goes first: a profile whose secret could not be kept would fail at every use.
    const auto save = [context, profile, secret, verify] {
        context.secrets->write(
            profile.id, secret, qApp, [context, profile, verify](const SecretResult &result) mutable {
                if (!result.ok())
                    return failure(keyringProblem(result));
                QString error;
                if (!context.profiles->add(profile, &error)) {
                    context.secrets->remove(
                        profile.id, qApp, [error](const SecretResult &) { failure(error); });
                    return;
                }
                out() << "Saved cloud \"" << profile.name << "\"; its " << describeAuth(profile)
                      << " secret is in the keyring.\n";
                if (!verify)
                    out() << "It was not checked (--no-verify): `stackvault-cli clouds test " << profile.name
                          << "` signs in to it.\n";
                CliCommand::finish(ExitOk);
            });
    };
    if (!verify)
        return save();
    // A wrong password or an unreachable Keystone is said now, not at the first backup; nothing is saved.
    signIn(context, profile, secret, [profile, save](const sv::CloudSessions::SignInResult &result) {
        if (!result.session)
            return failure(
                QStringLiteral("cloud \"%1\" was not saved: %2 (To save it without signing in, add "
                               "--no-verify.)")
                    .arg(profile.name, result.error));
        save();
    });
}

// ---- import ---------------------------------------------------------------------------------------

struct ImportRun
{
    Context context;
    QList<sv::ImportedCloud> clouds;
    qsizetype next = 0;
    int exitCode = ExitOk;
    int saved = 0;
};

void importNext(const std::shared_ptr<ImportRun> &run);

void saveImportedProfile(const std::shared_ptr<ImportRun> &run, CloudProfile profile, bool secretStored)
{
    QString error;
    const bool existing = run->context.profiles->findById(profile.id).has_value();
    const bool ok = existing ? run->context.profiles->update(profile, &error)
                             : run->context.profiles->add(profile, &error);
    if (!ok) {
        err() << "Cloud \"" << profile.name << "\": " << error << "\n";
        run->exitCode = ExitFailure;
    } else {
        ++run->saved;
        out() << (existing ? "Updated" : "Imported") << " cloud \"" << profile.name << "\""
              << (secretStored ? "; its secret is in the keyring" : "") << ".\n";
    }
    importNext(run);
}

void importNext(const std::shared_ptr<ImportRun> &run)
{
    if (run->next >= run->clouds.size()) {
        if (run->saved == 0 && run->exitCode == ExitOk)
            run->exitCode = ExitFailure;
        return CliCommand::finish(run->exitCode);
    }
    const sv::ImportedCloud cloud = run->clouds.at(run->next++);
    for (const QString &note : cloud.notes)
        err() << "Note: " << note << "\n";
    CloudProfile profile = cloud.profile;
    // Importing again refreshes a cloud of the same name and keeps its id (and so its keyring entry).
    if (const auto existing = run->context.profiles->findByName(profile.name))
        profile.id = existing->id;
    else
        profile.id = CloudProfile::generateId();

    if (cloud.secret.isEmpty()) {
        if (!run->context.profiles->findById(profile.id))
            err() << "Note: no password for \"" << profile.name
                  << "\" was found; import it again with --password-stdin (or OS_PASSWORD set) before using "
                     "it.\n";
        return saveImportedProfile(run, profile, false);
    }
    run->context.secrets->write(profile.id, cloud.secret, qApp, [run, profile](const SecretResult &result) {
        if (!result.ok()) {
            err() << "Cloud \"" << profile.name << "\" was not imported: " << keyringProblem(result) << "\n";
            run->exitCode = ExitFailure;
            return importNext(run);
        }
        saveImportedProfile(run, profile, true);
    });
}

void importClouds(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("file"), QStringLiteral("clouds.yaml to read"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("cloud"), QStringLiteral("only this cloud"), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("env"), QStringLiteral("from OS_* environment variables") });
    parser.addOption(
        { QStringLiteral("name"), QStringLiteral("save under this name"), QStringLiteral("NAME") });
    parser.addOption(
        { QStringLiteral("password-stdin"), QStringLiteral("read the secret from standard input") });
    if (!parse(parser, QStringLiteral("import"), arguments))
        return;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("import takes options only (did you mean --cloud %1?)")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(QStringLiteral("env")) && parser.isSet(QStringLiteral("file")))
        return usageError(QStringLiteral("--env and --file exclude each other"));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString currentDirectory = QDir::currentPath();
    const QString onlyCloud = parser.value(QStringLiteral("cloud"));
    sv::CloudImportResult result;
    if (parser.isSet(QStringLiteral("env"))) {
        if (!onlyCloud.isEmpty())
            environment.insert(QStringLiteral("OS_CLOUD"), onlyCloud);
        result = sv::CloudConfigImporter::importEnvironment(environment, currentDirectory);
    } else if (parser.isSet(QStringLiteral("file"))) {
        const QFileInfo file(parser.value(QStringLiteral("file")));
        // A secure.yaml beside the given file belongs to it; otherwise the usual search applies.
        QString secure;
        for (const char *name : { "secure.yaml", "secure.yml", "secure.json" }) {
            if (QFileInfo(file.dir().filePath(QLatin1String(name))).isFile()) {
                secure = file.dir().filePath(QLatin1String(name));
                break;
            }
        }
        if (secure.isEmpty())
            secure = sv::CloudConfigImporter::findSecureFile(environment, currentDirectory);
        result = sv::CloudConfigImporter::importFiles(file.filePath(), secure, onlyCloud);
    } else {
        result = sv::CloudConfigImporter::importDefault(environment, currentDirectory, onlyCloud);
    }

    for (const QString &error : result.errors)
        err() << error << "\n";
    if (result.clouds.isEmpty())
        return CliCommand::finish(ExitFailure);
    if (!result.cloudsFile.isEmpty())
        out() << "Reading " << result.cloudsFile
              << (result.secureFile.isEmpty() ? QString() : QStringLiteral(" and ") + result.secureFile)
              << "\n";

    const bool rename = parser.isSet(QStringLiteral("name"));
    const bool secretFromStdin = parser.isSet(QStringLiteral("password-stdin"));
    if ((rename || secretFromStdin) && result.clouds.size() != 1)
        return usageError(
            QStringLiteral("--name and --password-stdin need exactly one cloud; choose it with --cloud"));
    if (rename)
        result.clouds.first().profile.name = parser.value(QStringLiteral("name"));
    if (secretFromStdin) {
        const QString secret = readSecretFromStdin(
            QStringLiteral("Password for %1: ").arg(result.clouds.constFirst().profile.name));
        if (secret.isEmpty())
            return usageError(QStringLiteral("no password was given on standard input"));
        result.clouds.first().secret = secret;
    }

    auto run = std::make_shared<ImportRun>();
    if (!openStores(&run->context))
        return;
    run->clouds = result.clouds;
    run->exitCode = result.ok() ? ExitOk : ExitFailure;
    importNext(run);
}

// ---- remove ---------------------------------------------------------------------------------------

// For the actions that take exactly one saved cloud's name: parses, loads the stores and finds the
// profile; on any failure reports it (exit code 2 or 1) and returns nothing.
std::optional<CloudProfile> namedCloud(const QString &action, const QStringList &arguments, Context *context)
{
    QCommandLineParser parser;
    if (!parse(parser, action, arguments))
        return std::nullopt;
    if (parser.positionalArguments().size() != 1) {
        usageError(QStringLiteral("%1 needs exactly one cloud name").arg(action));
        return std::nullopt;
    }
    const QString name = parser.positionalArguments().constFirst();
    if (!openStores(context))
        return std::nullopt;
    auto profile = context->profiles->findByName(name);
    if (!profile)
        failure(QStringLiteral("no saved cloud is named \"%1\"").arg(name));
    return profile;
}

void removeCloud(const QStringList &arguments)
{
    Context context;
    const auto profile = namedCloud(QStringLiteral("remove"), arguments, &context);
    if (!profile)
        return;
    const QString name = profile->name;
    QObject::connect(context.profiles, &ProfileStore::secretRemoved, qApp,
        [name](const QString &, const SecretResult &result) {
            if (result.ok() || result.status == SecretResult::Status::NoKeyring) {
                // Without a keyring nothing can have been stored in one.
                out() << "Removed cloud \"" << name << "\".\n";
                return CliCommand::finish(ExitOk);
            }
            failure(QStringLiteral("removed cloud \"%1\", but its secret is still in the keyring: %2")
                        .arg(name, keyringProblem(result)));
        });
    QString error;
    if (!context.profiles->remove(profile->id, &error))
        return failure(error);
}

// ---- test -----------------------------------------------------------------------------------------

void testCloud(const QStringList &arguments)
{
    Context context;
    const auto profile = namedCloud(QStringLiteral("test"), arguments, &context);
    if (!profile)
        return;

    context.secrets->read(profile->id, qApp, [context, profile = *profile](const SecretResult &secret) {
        if (!secret.ok())
            return failure(QStringLiteral("cloud \"%1\": %2").arg(profile.name, keyringProblem(secret)));
        signIn(context, profile, secret.secret, [profile](const sv::CloudSessions::SignInResult &result) {
            if (!result.session)
                return failure(QStringLiteral("cloud \"%1\": %2").arg(profile.name, result.error));
            const sv::openstack::AuthState state = result.session->authState();
            QStringList services;
            for (const auto &service : state.catalog.services())
                services.append(service.type);
            services.sort();
            const qint64 minutes = state.obtainedAt.secsTo(state.expiresAt) / 60;
            out() << "Logged in to \"" << profile.name << "\" ("
                  << (state.projectName.isEmpty() ? QStringLiteral("no project scope")
                                                  : QStringLiteral("project ") + state.projectName)
                  << "); the token is valid for " << minutes << " minutes.\n"
                  << "Services: "
                  << (services.isEmpty() ? QStringLiteral("none") : services.join(QLatin1String(", ")))
                  << "\n";
            CliCommand::finish(ExitOk);
        });
    });
}

void runClouds(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError(QStringLiteral("which action? list, add, import, remove or test"));
    const QString action = arguments.constFirst();
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("--help") || action == QLatin1String("-h") || action == QLatin1String("help")
        || rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        out() << usageText;
        return CliCommand::finish(ExitOk);
    }
    if (action == QLatin1String("list"))
        return listClouds(rest);
    if (action == QLatin1String("add"))
        return addCloud(rest);
    if (action == QLatin1String("import"))
        return importClouds(rest);
    if (action == QLatin1String("remove"))
        return removeCloud(rest);
    if (action == QLatin1String("test"))
        return testCloud(rest);
    usageError(QStringLiteral("unknown action \"%1\"; use list, add, import, remove or test").arg(action));
}

const CliCommandRegistration registration { CliCommand {
    QStringLiteral("clouds"), QStringLiteral("list, add, import, remove or test saved clouds"), runClouds } };

} // namespace
} // namespace cli
