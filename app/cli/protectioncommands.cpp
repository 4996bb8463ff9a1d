// Protection verbs: backup and restore.
#include "bank/bank.h"
#include "clicommand.h"
#include "clisupport.h"
#include "protection/backupjob.h"
#include "rebuildoptions.h"
#include "protection/leftoversweep.h"
#include "protection/restorejob.h"
#include "protection/sweepjob.h"
#include "protection/testrestorejob.h"
#include "protection/volumeselection.h"
#include "util/appsettings.h"

#include <QCoreApplication>

namespace cli {
namespace {

void backup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Back up a server. With --include-data (the default, setting protection/enable_server_snapshot) a "
        "snapshot of the server is taken first, so data written since it booted is included, and so are its "
        "attached volumes (--volumes); with --no-include-data only its original image is saved, no volume."));
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("The saved cloud."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The server's name or id."), QStringLiteral("server")});
    QString settingProblem;
    const bool settingDefault = sv::AppSettings::instance()->enableServerSnapshot(&settingProblem);
    parser.addOption({QStringLiteral("include-data"),
                      QStringLiteral("Snapshot the server first (default: %1).")
                          .arg(!settingProblem.isEmpty() ? QStringLiteral("unreadable setting")
                                   : settingDefault      ? QStringLiteral("on")
                                                         : QStringLiteral("off"))});
    parser.addOption({QStringLiteral("no-include-data"), QStringLiteral("Back up the original image only.")});
    QString volumesProblem;
    const sv::VolumeSelection volumesDefault = sv::AppSettings::instance()->backUpVolumes(&volumesProblem);
    parser.addOption({QStringLiteral("volumes"),
                      QStringLiteral("Attached volumes to back up with the server's data: all, none, or names or ids "
                                     "separated by commas; a boot-from-volume server's boot volume is always saved "
                                     "(default: %1, setting protection/back_up_volumes).")
                          .arg(volumesProblem.isEmpty() ? volumesDefault.toString() : QStringLiteral("unreadable setting")),
                      QStringLiteral("which")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("backup"), arguments))
        return;
    if (!parser.isSet(QStringLiteral("cloud")) || !parser.isSet(QStringLiteral("server"))) {
        err() << "stackvault-cli backup: --cloud and --server are required\n";
        return CliCommand::finish(ExitUsage);
    }
    if (parser.isSet(QStringLiteral("include-data")) && parser.isSet(QStringLiteral("no-include-data"))) {
        err() << "stackvault-cli backup: --include-data and --no-include-data exclude each other\n";
        return CliCommand::finish(ExitUsage);
    }
    const bool explicitChoice = parser.isSet(QStringLiteral("include-data")) || parser.isSet(QStringLiteral("no-include-data"));
    if (!explicitChoice && !settingProblem.isEmpty()) {
        // A backup must not silently do what the administrator did not configure.
        err() << settingProblem << "\nOr choose for this backup with --include-data or --no-include-data." << Qt::endl;
        return CliCommand::finish(ExitFailure);
    }
    sv::BackupRequest request;
    if (parser.isSet(QStringLiteral("volumes"))) {
        QString why;
        const std::optional<sv::VolumeSelection> volumes = sv::VolumeSelection::parse(parser.value(QStringLiteral("volumes")), &why);
        if (!volumes) {
            err() << "stackvault-cli backup: --volumes: " << why << Qt::endl;
            return CliCommand::finish(ExitUsage);
        }
        request.volumes = *volumes;
    } else if (!volumesProblem.isEmpty()) {
        err() << volumesProblem << "\nOr choose for this backup with --volumes all, none or NAME,..." << Qt::endl;
        return CliCommand::finish(ExitFailure);
    } else {
        request.volumes = volumesDefault;
    }
    request.server = parser.value(QStringLiteral("server"));
    request.enableServerSnapshot = explicitChoice ? parser.isSet(QStringLiteral("include-data")) : settingDefault;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString cloud = parser.value(QStringLiteral("cloud"));
    // The backup storage opens (for an encrypted one that runs the KDF, ~0.25 s of one core) while the
    // cloud's token is fetched: both are needed before anything else, and neither waits for the other.
    struct Ready
    {
        sv::BackupRequest request;
        int pending = 2;
    };
    auto ready = std::make_shared<Ready>();
    ready->request = std::move(request);
    const auto arrived = [ready, json] {
        if (--ready->pending > 0)
            return;
        // What an interrupted backup or restore left on this cloud goes first (one line says what).
        const sv::BackupRequest prepared = ready->request;
        sweepCloudThen(prepared.bank, prepared.session, json, [prepared, json] {
            runJob(new sv::BackupJob(prepared), json);
        });
    };
    withSession(cloud, [ready, arrived](std::shared_ptr<sv::openstack::Session> session) {
        ready->request.session = session;
        authenticateThen(session, arrived);
    });
    withBank(parser, [ready, arrived](std::shared_ptr<sv::Bank> bank) {
        ready->request.bank = std::move(bank);
        arrived();
    });
}

// Where a restored server goes and how it is made: the options `restore` and `test-restore` share.
void addServerTargetOptions(QCommandLineParser &parser, const QString &zoneHelp)
{
    parser.addOption({QStringLiteral("flavor"), QStringLiteral("Flavor name or id (default: the saved one)."),
                      QStringLiteral("flavor")});
    parser.addOption({QStringLiteral("network"),
                      QStringLiteral("Network name or id; repeat for several; 'auto' or 'none' (default: the saved ones)."),
                      QStringLiteral("network")});
    parser.addOption({QStringLiteral("key"), QStringLiteral("Key pair name (default: the saved one)."), QStringLiteral("key")});
    parser.addOption({QStringLiteral("security-group"), QStringLiteral("Security group; repeat for several."),
                      QStringLiteral("group")});
    parser.addOption({QStringLiteral("availability-zone"), zoneHelp, QStringLiteral("zone")});
}

void readServerTargetOptions(const QCommandLineParser &parser, sv::RestoreRequest *request)
{
    request->flavor = parser.value(QStringLiteral("flavor"));
    request->networks = parser.values(QStringLiteral("network"));
    request->keyName = parser.value(QStringLiteral("key"));
    request->securityGroups = parser.values(QStringLiteral("security-group"));
    request->availabilityZone = parser.value(QStringLiteral("availability-zone"));
}

// --volume-type SAVED=TARGET, repeated; false after saying what is wrong (usage).
bool readVolumeTypes(const QCommandLineParser &parser, const char *verb, sv::RestoreRequest *request)
{
    for (const QString &mapping : parser.values(QStringLiteral("volume-type"))) {
        const qsizetype equals = mapping.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == mapping.size() - 1) {
            err() << "stackvault-cli " << verb << ": --volume-type wants SAVED=TARGET, got \"" << mapping << "\"\n";
            CliCommand::finish(ExitUsage);
            return false;
        }
        request->volumeTypes.insert(mapping.left(equals), mapping.mid(equals + 1));
    }
    return true;
}

void restore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Restore a backup as a new server in any saved cloud (the same or another): its image, or for a server "
        "that booted from a volume its root volume, and every saved volume, attached in the saved device order. "
        "With --volumes-only only the saved volumes are restored; with --image-only only the saved image, into "
        "Glance with its saved properties (no server, no volume). The server comes back as it was: each NIC as a "
        "port on the network of the same name with its fixed IP (a new one, with a warning, when the address is "
        "taken) and its security groups, the key pair, zone, server group, tags, metadata, description, config "
        "drive and user data (the options below leave them out or change them)."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    parser.addOption({QStringLiteral("to-cloud"), QStringLiteral("The target cloud."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("The new server's name (default: the saved one)."),
                      QStringLiteral("name")});
    addServerTargetOptions(parser, QStringLiteral("Availability zone of the server (with --volumes-only: of the volumes; "
                                                  "default: the saved zone when the target has it)."));
    addRebuildOptions(parser);
    parser.addOption({QStringLiteral("volumes-only"),
                      QStringLiteral("Restore only the saved volumes: no server and no image.")});
    parser.addOption({QStringLiteral("image-only"),
                      QStringLiteral("Restore only the saved image into the target's Glance, with its saved properties: "
                                     "no server and no volume. --name names the image (default: SERVER-restored-ID).")});
    parser.addOption({QStringLiteral("volume-type"),
                      QStringLiteral("Give the restored volumes of saved type SAVED the target's type TARGET; repeat "
                                     "for several (default: the same name where the target has it, else the "
                                     "target's default type, with a warning)."),
                      QStringLiteral("SAVED=TARGET")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("restore"), arguments))
        return;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("to-cloud"))) {
        err() << "stackvault-cli restore: give one backup id and --to-cloud\n";
        return CliCommand::finish(ExitUsage);
    }
    sv::RestoreRequest request;
    if (!readVolumeTypes(parser, "restore", &request))
        return;
    request.restoreServer = !parser.isSet(QStringLiteral("volumes-only"));
    request.imageOnly = parser.isSet(QStringLiteral("image-only"));
    if (request.imageOnly) {
        if (!request.restoreServer) {
            err() << "stackvault-cli restore: --image-only and --volumes-only exclude each other\n";
            return CliCommand::finish(ExitUsage);
        }
        QStringList serverOptions{QStringLiteral("flavor"), QStringLiteral("network"), QStringLiteral("key"),
                                  QStringLiteral("security-group"), QStringLiteral("availability-zone"),
                                  QStringLiteral("volume-type")};
        serverOptions += rebuildOptionNames();
        for (const QString &serverOption : std::as_const(serverOptions)) {
            if (parser.isSet(serverOption)) {
                err() << "stackvault-cli restore: --" << serverOption << " is for a server or its volumes; --image-only "
                      << "restores only the image\n";
                return CliCommand::finish(ExitUsage);
            }
        }
    }
    if (!request.restoreServer) {
        QStringList serverOptions{QStringLiteral("name"), QStringLiteral("flavor"), QStringLiteral("network"),
                                  QStringLiteral("key"), QStringLiteral("security-group")};
        serverOptions += rebuildOptionNames();
        for (const QString &serverOption : std::as_const(serverOptions)) {
            if (parser.isSet(serverOption)) {
                err() << "stackvault-cli restore: --" << serverOption << " is for the server; --volumes-only restores no server\n";
                return CliCommand::finish(ExitUsage);
            }
        }
    }
    request.checkpointId = parser.positionalArguments().constFirst();
    request.serverName = parser.value(QStringLiteral("name"));
    readServerTargetOptions(parser, &request);
    if (!readRebuildOptions(parser, &request))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString cloud = parser.value(QStringLiteral("to-cloud"));
    withBank(parser, [request, json, cloud](std::shared_ptr<sv::Bank> bank) mutable {
        request.bank = std::move(bank);
        withSession(cloud, [request, json](auto session) mutable {
            request.session = std::move(session);
            sweepCloudThen(request.bank, request.session, json, [request, json] {
                runJob(new sv::RestoreJob(request), json);
            });
        });
    });
}

void testRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prove that a backup boots: restore it in a saved cloud under a scratch name (stackvault-restore-test-...), "
        "wait until the server is ACTIVE and, with --marker, until its console log shows the marker; then delete "
        "everything the test made, whatever happened, and record the result and date in the backup (shown by "
        "`checkpoints` and `show`). Exits 0 when the test passed, 1 when it failed."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The backup (checkpoint) id."));
    parser.addOption({QStringLiteral("to-cloud"), QStringLiteral("The cloud to test in."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("marker"),
                      QStringLiteral("Text the console log must show, e.g. \"login:\" (default: ACTIVE is enough)."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("marker-timeout"),
                      QStringLiteral("Seconds to wait for the marker once the server is ACTIVE (default: 600)."),
                      QStringLiteral("seconds")});
    addServerTargetOptions(parser, QStringLiteral("Availability zone of the server."));
    parser.addOption({QStringLiteral("volume-type"),
                      QStringLiteral("Give the restored volumes of saved type SAVED the target's type TARGET; repeat "
                                     "for several."),
                      QStringLiteral("SAVED=TARGET")});
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("test-restore"), arguments))
        return;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("to-cloud"))) {
        err() << "stackvault-cli test-restore: give one backup id and --to-cloud\n";
        return CliCommand::finish(ExitUsage);
    }
    sv::TestRestoreRequest request;
    if (parser.isSet(QStringLiteral("marker-timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("marker-timeout")).toInt(&ok);
        if (!ok || seconds < 1) {
            err() << "stackvault-cli test-restore: --marker-timeout wants a number of seconds (at least 1), got \""
                  << parser.value(QStringLiteral("marker-timeout")) << "\"\n";
            return CliCommand::finish(ExitUsage);
        }
        if (!parser.isSet(QStringLiteral("marker"))) {
            err() << "stackvault-cli test-restore: --marker-timeout needs --marker\n";
            return CliCommand::finish(ExitUsage);
        }
        request.markerTimeout = std::chrono::seconds(seconds);
    }
    if (parser.isSet(QStringLiteral("marker")) && parser.value(QStringLiteral("marker")).isEmpty()) {
        err() << "stackvault-cli test-restore: --marker wants some text, e.g. --marker login:\n";
        return CliCommand::finish(ExitUsage);
    }
    if (!readVolumeTypes(parser, "test-restore", &request.restore))
        return;
    request.marker = parser.value(QStringLiteral("marker"));
    request.restore.checkpointId = parser.positionalArguments().constFirst();
    readServerTargetOptions(parser, &request.restore);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString cloud = parser.value(QStringLiteral("to-cloud"));
    withBank(parser, [request, json, cloud](std::shared_ptr<sv::Bank> bank) mutable {
        request.restore.bank = std::move(bank);
        withSession(cloud, [request, json](auto session) mutable {
            request.restore.session = std::move(session);
            sweepCloudThen(request.restore.bank, request.restore.session, json, [request, json] {
                runJob(new sv::TestRestoreJob(request), json);
            });
        });
    });
}

const CliCommandRegistration backupVerb{
    {QStringLiteral("backup"), QStringLiteral("back up a server (with its data by default)"), backup}};
const CliCommandRegistration restoreVerb{
    {QStringLiteral("restore"), QStringLiteral("restore a backup as a new server in any saved cloud"), restore}};
const CliCommandRegistration testRestoreVerb{
    {QStringLiteral("test-restore"), QStringLiteral("prove a backup boots: restore it, wait, remove it, record it"), testRestore}};

} // namespace
} // namespace cli

namespace cli {
namespace {

// Deletes temporary snapshots left by backups whose process died (the bank's journal names them).
void sweep(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Delete temporary snapshots left in the clouds by backups that were interrupted (crash, power loss)."));
    addBankOption(parser);
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("sweep"), arguments))
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    withBank(parser, [json](std::shared_ptr<sv::Bank> bank) {
        // Every cloud the journal names, and only those, is signed in to.
        sv::LeftoverSweep::prepare(bank, cloudSessions(), {}, QCoreApplication::instance(),
                                   [bank, json](sv::SweepJob *job, const QStringList &problems) {
                                       for (const QString &problem : problems)
                                           err() << problem << Qt::endl;
                                       runJob(job ? job : new sv::SweepJob(bank, {}), json);
                                   });
    });
}

const CliCommandRegistration sweepVerb{
    {QStringLiteral("sweep"), QStringLiteral("delete temporary snapshots left by interrupted backups"), sweep}};

} // namespace
} // namespace cli
