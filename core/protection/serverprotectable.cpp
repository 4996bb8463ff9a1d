#include "protection/serverprotectable.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace sv::ServerProtectable {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sv::ServerProtectable", text);
}

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QString serverLabel(const QJsonObject &server)
{
    const QString name = text(server, "name");
    return name.isEmpty() ? text(server, "id") : name;
}
} // namespace

QString bootImageId(const QJsonObject &server)
{
    // Nova writes `"image": ""` for a server booted from a volume, an object otherwise.
    return server.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
}

bool isBootFromVolume(const QJsonObject &server)
{
    return bootImageId(server).isEmpty();
}

QStringList attachedVolumeIds(const QJsonObject &server)
{
    QJsonArray attached = server.value(QLatin1String("os-extended-volumes:volumes_attached")).toArray();
    if (attached.isEmpty())
        attached = server.value(QLatin1String("volumes_attached")).toArray();
    QStringList ids;
    for (const QJsonValue &volume : std::as_const(attached))
        ids.append(volume.toObject().value(QLatin1String("id")).toString());
    return ids;
}

QString deviceOf(const openstack::Volume &volume, const QString &serverId)
{
    for (const openstack::Volume::Attachment &attachment : volume.attachments) {
        if (attachment.serverId == serverId)
            return attachment.device;
    }
    return {};
}

int bootIndexOf(const QJsonObject &server, const openstack::Volume &volume, const QList<openstack::Volume> &volumes)
{
    if (!isBootFromVolume(server))
        return -1;
    const QString serverId = text(server, "id");
    const QStringList ids = attachedVolumeIds(server);
    const QString rootDevice = text(server, "OS-EXT-SRV-ATTR:root_device_name");
    QString root;
    if (!rootDevice.isEmpty()) {
        for (const openstack::Volume &candidate : volumes) {
            if (ids.contains(candidate.id) && deviceOf(candidate, serverId) == rootDevice)
                root = candidate.id;
        }
    }
    if (root.isEmpty()) {
        QString firstDevice;
        for (const openstack::Volume &candidate : volumes) {
            const QString device = deviceOf(candidate, serverId);
            if (candidate.bootable && ids.contains(candidate.id) && (root.isEmpty() || device < firstDevice)) {
                root = candidate.id;
                firstDevice = device;
            }
        }
    }
    if (root.isEmpty() && !ids.isEmpty())
        root = ids.constFirst();
    return volume.id == root ? 0 : -1;
}

Resource resourceGraph(const QJsonObject &server, const QList<openstack::Volume> &volumes)
{
    Resource root;
    root.type = QLatin1String(ServerResourceType);
    root.id = text(server, "id");
    root.name = text(server, "name");
    if (const QString imageId = bootImageId(server); !imageId.isEmpty()) {
        Resource image;
        image.type = QLatin1String(ImageResourceType);
        image.id = imageId;
        image.name = server.value(QLatin1String("image")).toObject().value(QLatin1String("name")).toString();
        image.extraInfo.insert(QLatin1String(CheckpointKey::ServerId), root.id);
        root.children.append(image);
    }
    QList<Resource> attached;
    const QStringList ids = attachedVolumeIds(server);
    for (const QString &volumeId : ids) {
        openstack::Volume known;
        known.id = volumeId;
        for (const openstack::Volume &candidate : volumes) {
            if (candidate.id == volumeId)
                known = candidate;
        }
        Resource volume;
        volume.type = QLatin1String(VolumeResourceType);
        volume.id = volumeId;
        volume.name = known.name;
        volume.extraInfo.insert(QLatin1String(CheckpointKey::ServerId), root.id);
        volume.extraInfo.insert(QLatin1String(CheckpointKey::Device), deviceOf(known, root.id));
        volume.extraInfo.insert(QLatin1String(CheckpointKey::BootIndex), bootIndexOf(server, known, volumes));
        attached.append(volume);
    }
    // The boot volume first, then in device order (what a restore attaches in turn); unknown devices last.
    std::stable_sort(attached.begin(), attached.end(), [](const Resource &a, const Resource &b) {
        const auto key = [](const Resource &r) {
            const QString device = r.extraInfo.value(QLatin1String(CheckpointKey::Device)).toString();
            const bool boot = r.extraInfo.value(QLatin1String(CheckpointKey::BootIndex)).toInt() == 0;
            return std::make_tuple(!boot, device.isEmpty(), device.size(), device);
        };
        return key(a) < key(b);
    });
    root.children.append(attached);
    return root;
}

bool isProtectableStatus(const QString &status)
{
    // The statuses Nova's API really returns (not Karbor's STOPPED/BUILDING/RESCUED).
    static const QStringList accepted{QStringLiteral("ACTIVE"), QStringLiteral("SHUTOFF"), QStringLiteral("PAUSED"),
                                      QStringLiteral("SUSPENDED")};
    return accepted.contains(status);
}

QString precheckError(const QJsonObject &server, bool includeData)
{
    const QString label = serverLabel(server);
    if (isBootFromVolume(server) && !includeData) {
        const QStringList volumes = attachedVolumeIds(server);
        return tr("Server %1 boots from a volume (%2), and without its data (\"Include server data\" off) only an "
                  "original image could be saved, which a volume does not have; nothing was backed up. Include "
                  "the server's data to back up its volumes.")
            .arg(label, volumes.isEmpty() ? tr("no volume listed") : volumes.join(QStringLiteral(", ")));
    }
    const QString status = text(server, "status");
    if (status == QLatin1String("ERROR"))
        return tr("Server %1 is in status ERROR, so OpenStack cannot snapshot it. Repair or rebuild the server, "
                  "then back it up.")
            .arg(label);
    if (!isProtectableStatus(status))
        return tr("Server %1 is in status %2; a backup needs it ACTIVE, SHUTOFF, PAUSED or SUSPENDED. Try again "
                  "when it is.")
            .arg(label, status.isEmpty() ? tr("unknown") : status);
    const QJsonValue taskState = server.value(QLatin1String("OS-EXT-STS:task_state"));
    if (!taskState.isNull() && !taskState.isUndefined() && !taskState.toString().isEmpty())
        return tr("Server %1 is busy (task_state %2); try again when it is idle.").arg(label, taskState.toString());
    return {};
}

QJsonObject rebuildMetadata(const QJsonObject &server, const QJsonObject &flavor)
{
    QJsonObject metadata;
    metadata.insert(QLatin1String(CheckpointKey::Id), text(server, "id"));
    metadata.insert(QLatin1String(CheckpointKey::Name), text(server, "name"));
    metadata.insert(QStringLiteral("status"), text(server, "status"));

    // From 2.47 the server embeds its flavor (original_name, ram, vcpus, disk); before, only an id.
    const QJsonObject embedded = server.value(QLatin1String("flavor")).toObject();
    const QJsonObject source = flavor.isEmpty() ? embedded : flavor;
    QJsonObject flavorInfo;
    flavorInfo.insert(QLatin1String(CheckpointKey::Id), source.contains(QLatin1String("id")) ? source.value(QLatin1String("id"))
                                                                                   : embedded.value(QLatin1String("id")));
    flavorInfo.insert(QLatin1String(CheckpointKey::Name), source.contains(QLatin1String("original_name"))
                                                  ? source.value(QLatin1String("original_name"))
                                                  : source.value(QLatin1String("name")));
    for (const char *key : {"ram", "vcpus", "disk"})
        flavorInfo.insert(QLatin1String(key), source.value(QLatin1String(key)).toInt());
    metadata.insert(QLatin1String(CheckpointKey::Flavor), flavorInfo);

    QJsonArray networks;
    const QJsonObject addresses = server.value(QLatin1String("addresses")).toObject();
    for (auto it = addresses.begin(); it != addresses.end(); ++it) {
        QJsonArray fixedIps;
        const QJsonArray entries = it.value().toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject address = entry.toObject();
            if (address.value(QLatin1String("OS-EXT-IPS:type")).toString(QStringLiteral("fixed")) == QLatin1String("fixed"))
                fixedIps.append(address.value(QLatin1String("addr")));
        }
        networks.append(QJsonObject{{QLatin1String(CheckpointKey::Name), it.key()}, {QStringLiteral("fixed_ips"), fixedIps}});
    }
    metadata.insert(QLatin1String(CheckpointKey::Networks), networks);

    metadata.insert(QLatin1String(CheckpointKey::KeyName), server.value(QLatin1String("key_name")).toString());
    QJsonArray securityGroups;
    const QJsonArray groups = server.value(QLatin1String("security_groups")).toArray();
    for (const QJsonValue &group : groups) {
        const QString name = group.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty() && !securityGroups.contains(name))
            securityGroups.append(name);
    }
    metadata.insert(QLatin1String(CheckpointKey::SecurityGroups), securityGroups);
    metadata.insert(QLatin1String(CheckpointKey::AvailabilityZone), text(server, "OS-EXT-AZ:availability_zone"));
    metadata.insert(QLatin1String(CheckpointKey::ServerMetadata), server.value(QLatin1String("metadata")).toObject());
    metadata.insert(QStringLiteral("tags"), server.value(QLatin1String("tags")).toArray());
    metadata.insert(QStringLiteral("image_id"), bootImageId(server));
    return metadata;
}

} // namespace sv::ServerProtectable
