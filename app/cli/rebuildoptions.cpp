#include "rebuildoptions.h"

#include "clicommand.h"
#include "clisupport.h"
#include "protection/restorejob.h"

namespace cli {

void addRebuildOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("no-fixed-ips"),
                      QStringLiteral("Give every NIC a new address instead of its saved fixed IP (default: the saved "
                                     "address where it is free in the target, else a new one with a warning).")});
    parser.addOption({QStringLiteral("map-network"),
                      QStringLiteral("Put the NICs of saved network SAVED on the target's network TARGET (name or id); "
                                     "repeat for several (default: the network of the same name)."),
                      QStringLiteral("SAVED=TARGET")});
    parser.addOption({QStringLiteral("server-group"),
                      QStringLiteral("Put the server in this server group (name or id), or 'none' (default: the saved "
                                     "group when the target has one of that name, else none with a warning)."),
                      QStringLiteral("group")});
    parser.addOption({QStringLiteral("description"), QStringLiteral("The server's description (default: the saved one)."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("no-tags"), QStringLiteral("Do not give the server its saved tags.")});
    parser.addOption({QStringLiteral("no-metadata"), QStringLiteral("Do not give the server its saved metadata.")});
    parser.addOption({QStringLiteral("no-user-data"), QStringLiteral("Do not pass the saved user data to the new server.")});
    parser.addOption({QStringLiteral("no-config-drive"), QStringLiteral("No config drive, even if the server had one.")});
}

QStringList rebuildOptionNames()
{
    return {QStringLiteral("no-fixed-ips"), QStringLiteral("map-network"), QStringLiteral("server-group"),
            QStringLiteral("description"), QStringLiteral("no-tags"), QStringLiteral("no-metadata"),
            QStringLiteral("no-user-data"), QStringLiteral("no-config-drive")};
}

bool readRebuildOptions(const QCommandLineParser &parser, sv::RestoreRequest *request)
{
    for (const QString &mapping : parser.values(QStringLiteral("map-network"))) {
        const qsizetype equals = mapping.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == mapping.size() - 1) {
            err() << "stackvault-cli restore: --map-network wants SAVED=TARGET, got \"" << mapping << "\"\n";
            CliCommand::finish(ExitUsage);
            return false;
        }
        request->networkMap.insert(mapping.left(equals), mapping.mid(equals + 1));
    }
    if (!request->networkMap.isEmpty() && !request->networks.isEmpty()) {
        err() << "stackvault-cli restore: --map-network moves the saved NICs; --network replaces them: give one\n";
        CliCommand::finish(ExitUsage);
        return false;
    }
    request->fixedIps = !parser.isSet(QStringLiteral("no-fixed-ips"));
    if (parser.isSet(QStringLiteral("server-group"))) {
        const QString group = parser.value(QStringLiteral("server-group"));
        request->serverGroup = group == QLatin1String("none") ? QString() : group;
    }
    if (parser.isSet(QStringLiteral("description")))
        request->description = parser.value(QStringLiteral("description"));
    if (parser.isSet(QStringLiteral("no-tags")))
        request->tags = QStringList();
    if (parser.isSet(QStringLiteral("no-metadata")))
        request->metadata = QJsonObject();
    request->userData = !parser.isSet(QStringLiteral("no-user-data"));
    if (parser.isSet(QStringLiteral("no-config-drive")))
        request->configDrive = false;
    return true;
}

} // namespace cli
