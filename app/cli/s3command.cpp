// `stackvault-cli s3 list|add|remove`: the saved S3 profiles that `--bank s3:PROFILE/BUCKET` names.
// The secret access key comes only from standard input and goes only to the keyring; the rest of a
// profile is saved in the settings file.
#include "clicommand.h"
#include "clisupport.h"
#include "profiles/s3profile.h"
#include "profiles/secretstore.h"
#include "util/appsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace cli {
namespace {

using sv::AppSettings;
using sv::S3Profile;
using sv::SecretResult;

const char *const usageText = R"(Usage: stackvault-cli s3 <action> [options]

Saved S3 profiles (endpoint, region, addressing, access key id), for a backup storage given as
--bank s3:PROFILE/BUCKET. The secret access key lives only in the desktop keyring.

Actions:
  list [--json]                 show the saved S3 profiles (never a secret)
  add NAME --endpoint URL --access-key-id ID --secret-stdin [--region REGION] [--virtual-host]
                                save (or replace) a profile; the secret access key is read from
                                standard input
  remove NAME                   delete a saved profile and its secret

Options of add:
  --endpoint URL                the S3 service, e.g. https://s3.example.com or http://127.0.0.1:8080
  --region REGION               the region requests are signed for (default us-east-1)
  --virtual-host                address a bucket as BUCKET.host (default: host/BUCKET, path style)
  --access-key-id ID            the access key id (for an OpenStack cloud: `openstack ec2 credentials
                                create` shows it as "access")
  --secret-stdin                read the secret access key from standard input (required)
)";

void usageError(const QString &message)
{
    err() << "stackvault-cli s3: " << message << "\n"
          << "Run `stackvault-cli s3 --help` for the options.\n";
    CliCommand::finish(ExitUsage);
}

void failure(const QString &message)
{
    err() << "stackvault-cli s3: " << message << "\n";
    CliCommand::finish(ExitFailure);
}

sv::SecretStore *secrets()
{
    static auto *store = new sv::SecretStore(QCoreApplication::instance());
    return store;
}

void listProfiles(const QStringList &arguments)
{
    QCommandLineParser parser;
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("s3 list"), arguments))
        return;
    const QList<S3Profile> profiles = AppSettings::instance()->s3Profiles();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const S3Profile &profile : profiles)
            array.append(QJsonObject{{QStringLiteral("name"), profile.name},
                                     {QStringLiteral("endpoint"), profile.endpoint.toString()},
                                     {QStringLiteral("region"), profile.region},
                                     {QStringLiteral("addressing"), profile.virtualHostStyle
                                                                        ? QStringLiteral("virtual-host")
                                                                        : QStringLiteral("path")},
                                     {QStringLiteral("access_key_id"), profile.accessKeyId}});
        printJson(array);
        return CliCommand::finish(ExitOk);
    }
    if (profiles.isEmpty())
        out() << "No S3 profiles are saved. Add one with `stackvault-cli s3 add`.\n";
    for (const S3Profile &profile : profiles)
        out() << profile.name << "  " << profile.endpoint.toString() << "  region " << profile.region << "  "
              << (profile.virtualHostStyle ? "virtual-host" : "path") << " style  access key id "
              << profile.accessKeyId << "\n";
    CliCommand::finish(ExitOk);
}

void addProfile(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("endpoint"), QStringLiteral("the S3 service's URL"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("region"), QStringLiteral("the region requests are signed for"),
                      QStringLiteral("REGION")});
    parser.addOption({QStringLiteral("access-key-id"), QStringLiteral("the access key id"), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("virtual-host"), QStringLiteral("address a bucket as BUCKET.host")});
    parser.addOption({QStringLiteral("secret-stdin"), QStringLiteral("read the secret access key from standard input")});
    if (!parseArguments(parser, QStringLiteral("s3 add"), arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("add needs exactly one profile name"));
    if (!parser.isSet(QStringLiteral("secret-stdin")))
        return usageError(QStringLiteral("add needs --secret-stdin: the secret access key is read from standard "
                                         "input, never from the command line"));
    S3Profile profile;
    profile.name = positional.constFirst();
    profile.endpoint = QUrl(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
    if (parser.isSet(QStringLiteral("region")))
        profile.region = parser.value(QStringLiteral("region"));
    profile.virtualHostStyle = parser.isSet(QStringLiteral("virtual-host"));
    profile.accessKeyId = parser.value(QStringLiteral("access-key-id"));
    if (const QString invalid = profile.validationError(); !invalid.isEmpty())
        return usageError(invalid);
    const QString secret = readSecretFromStdin(QStringLiteral("Secret access key for %1: ").arg(profile.name));
    if (secret.isEmpty())
        return usageError(QStringLiteral("no secret access key was given on standard input"));
    // The secret goes first: a profile whose secret could not be kept would fail at every use.
    secrets()->write(profile.keychainKey(), secret, qApp, [profile](const SecretResult &result) {
        if (!result.ok())
            return failure(keyringProblem(result));
        QString error;
        if (!AppSettings::instance()->setS3Profile(profile, &error))
            return failure(error);
        out() << "Saved S3 profile \"" << profile.name << "\" (" << profile.endpoint.toString()
              << "); its secret access key is in the keyring. Use it as --bank s3:" << profile.name << "/BUCKET.\n";
        CliCommand::finish(ExitOk);
    });
}

void removeProfile(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseArguments(parser, QStringLiteral("s3 remove"), arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("remove needs exactly one profile name"));
    const std::optional<S3Profile> profile = AppSettings::instance()->s3Profile(positional.constFirst());
    if (!profile)
        return failure(QStringLiteral("there is no S3 profile named \"%1\"").arg(positional.constFirst()));
    AppSettings::instance()->removeS3Profile(profile->name);
    secrets()->remove(profile->keychainKey(), qApp, [name = profile->name](const SecretResult &result) {
        if (!result.ok())
            return failure(QStringLiteral("removed S3 profile \"%1\", but its secret stays in the keyring: %2")
                               .arg(name, keyringProblem(result)));
        out() << "Removed S3 profile \"" << name << "\" and its secret.\n";
        CliCommand::finish(ExitOk);
    });
}

void runS3(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")) {
        (arguments.isEmpty() ? err() : out()) << usageText;
        return CliCommand::finish(arguments.isEmpty() ? ExitUsage : ExitOk);
    }
    const QString action = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("list"))
        return listProfiles(rest);
    if (action == QLatin1String("add"))
        return addProfile(rest);
    if (action == QLatin1String("remove"))
        return removeProfile(rest);
    usageError(QStringLiteral("unknown action \"%1\"").arg(action));
}

const CliCommandRegistration registration{
    CliCommand{QStringLiteral("s3"), QStringLiteral("list, add or remove saved S3 profiles"), runS3}};

} // namespace
} // namespace cli
