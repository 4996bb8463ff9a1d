// `stackvault-cli servers --cloud NAME [--json]`: the servers of a saved cloud with their status,
// boot image (or "volume" for boot-from-volume) and flavor.
#include "clicommand.h"
#include "clisupport.h"
#include "openstack/compute/listflavorsjob.h"
#include "openstack/compute/listserversjob.h"
#include "openstack/connection.h"
#include "openstack/image/listimagesjob.h"
#include "openstack/session.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace cli {
namespace {

using namespace sv::openstack;

struct Listing
{
    QList<Server> servers;
    QHash<QString, QString> imageNames;  // id -> name
    QHash<QString, QString> flavorNames; // id -> name (only below compute 2.47)
};

void fail(const Error &error)
{
    err() << error.message << Qt::endl;
    CliCommand::finish(ExitFailure);
}

void print(const Listing &listing, bool json)
{
    const auto imageText = [&](const Server &server) {
        if (server.bootsFromVolume())
            return QStringLiteral("volume");
        return listing.imageNames.value(server.imageId, server.imageId);
    };
    const auto flavorText = [&](const Server &server) {
        if (!server.flavorName.isEmpty())
            return server.flavorName;
        return listing.flavorNames.value(server.flavorId, server.flavorId);
    };
    if (json) {
        QJsonArray array;
        for (const Server &server : listing.servers) {
            array.append(QJsonObject{
                {QStringLiteral("id"), server.id},
                {QStringLiteral("name"), server.name},
                {QStringLiteral("status"), server.status},
                {QStringLiteral("task_state"), server.taskState.isEmpty() ? QJsonValue() : QJsonValue(server.taskState)},
                {QStringLiteral("boot"), server.bootsFromVolume() ? QStringLiteral("volume") : QStringLiteral("image")},
                {QStringLiteral("image_id"), server.imageId.isEmpty() ? QJsonValue() : QJsonValue(server.imageId)},
                {QStringLiteral("image"), imageText(server)},
                {QStringLiteral("flavor"), flavorText(server)},
            });
        }
        printJson(array);
        return;
    }
    if (listing.servers.isEmpty()) {
        out() << "No servers." << Qt::endl;
        return;
    }
    qsizetype nameWidth = 4, statusWidth = 6, imageWidth = 5;
    for (const Server &server : listing.servers) {
        nameWidth = std::max(nameWidth, server.name.size());
        const QString status = server.taskState.isEmpty() ? server.status
                                                          : QStringLiteral("%1 (%2)").arg(server.status, server.taskState);
        statusWidth = std::max(statusWidth, status.size());
        imageWidth = std::max(imageWidth, imageText(server).size());
    }
    out() << QStringLiteral("NAME").leftJustified(nameWidth + 2) << QStringLiteral("STATUS").leftJustified(statusWidth + 2)
          << QStringLiteral("IMAGE").leftJustified(imageWidth + 2) << "FLAVOR\n";
    for (const Server &server : listing.servers) {
        const QString status = server.taskState.isEmpty() ? server.status
                                                          : QStringLiteral("%1 (%2)").arg(server.status, server.taskState);
        out() << server.name.leftJustified(nameWidth + 2) << status.leftJustified(statusWidth + 2)
              << imageText(server).leftJustified(imageWidth + 2) << flavorText(server) << '\n';
    }
    out().flush();
}

void collectNames(Connection *connection, std::shared_ptr<Listing> listing, bool json)
{
    QSet<QString> imageIds;
    QSet<QString> flavorIds;
    for (const Server &server : std::as_const(listing->servers)) {
        if (!server.imageId.isEmpty())
            imageIds.insert(server.imageId);
        if (server.flavorName.isEmpty() && !server.flavorId.isEmpty())
            flavorIds.insert(server.flavorId);
    }
    // Flavor names are only needed below compute 2.47 (newer servers embed the flavor).
    const auto afterFlavors = [connection, listing, json, imageIds] {
        if (imageIds.isEmpty()) {
            print(*listing, json);
            CliCommand::finish(ExitOk);
            return;
        }
        auto *images = new ListImagesJob(connection);
        QStringList ids(imageIds.begin(), imageIds.end());
        ids.sort();
        images->setFilter(QStringLiteral("id"), QStringLiteral("in:") + ids.join(QLatin1Char(',')));
        QObject::connect(images, &ApiJob::finished, connection, [images, listing, json](const Error &error) {
            // Image names are a nicety: a failure (e.g. no image service) still prints the ids.
            if (error.isOk()) {
                for (const Image &image : images->images())
                    listing->imageNames.insert(image.id, image.name);
            }
            print(*listing, json);
            CliCommand::finish(ExitOk);
        });
        images->start();
    };
    if (flavorIds.isEmpty()) {
        afterFlavors();
        return;
    }
    auto *flavors = new ListFlavorsJob(connection);
    QObject::connect(flavors, &ApiJob::finished, connection, [flavors, listing, afterFlavors](const Error &error) {
        if (error.isOk()) {
            for (const Flavor &flavor : flavors->flavors())
                listing->flavorNames.insert(flavor.id, flavor.name);
        }
        afterFlavors();
    });
    flavors->start();
}

// Lists the servers of the cloud `session` signs in to and ends the process.
void listServers(std::shared_ptr<Session> session, bool json)
{
    auto *connection = new Connection(std::move(session), QCoreApplication::instance());
    auto listing = std::make_shared<Listing>();
    auto *job = new ListServersJob(connection);
    QObject::connect(job, &ApiJob::finished, connection, [connection, job, listing, json](const Error &error) {
        if (!error.isOk()) {
            fail(error);
            return;
        }
        listing->servers = job->servers();
        collectNames(connection, listing, json);
    });
    job->start();
}

void runServers(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the servers of a saved cloud: name, status, boot image (or \"volume\"), flavor."));
    parser.addOption({QStringLiteral("cloud"), QStringLiteral("The saved cloud to list (see `clouds list`)."),
                      QStringLiteral("name")});
    addJsonOption(parser);
    if (!parseArguments(parser, QStringLiteral("servers"), arguments))
        return;
    if (!parser.isSet(QStringLiteral("cloud")) || !parser.positionalArguments().isEmpty()) {
        err() << "stackvault-cli servers: give the cloud with --cloud NAME\n";
        CliCommand::finish(ExitUsage);
        return;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString name = parser.value(QStringLiteral("cloud"));

    withSession(name, [json](std::shared_ptr<Session> session) { listServers(std::move(session), json); });
}

const CliCommandRegistration registration{
    CliCommand{QStringLiteral("servers"), QStringLiteral("list the servers of a saved cloud"), runServers}};

} // namespace
} // namespace cli
