#include "openstack/compute/server.h"

#include <QJsonArray>

namespace sv::openstack {

Server Server::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    Server server;
    server.id = text("id");
    server.name = text("name");
    server.projectId = text("tenant_id");
    server.status = text("status");
    server.taskState = text("OS-EXT-STS:task_state");
    server.vmState = text("OS-EXT-STS:vm_state");
    server.keyName = text("key_name");
    server.availabilityZone = text("OS-EXT-AZ:availability_zone");
    const QJsonValue image = json.value(QLatin1String("image"));
    if (image.isObject())
        server.imageId = image.toObject().value(QLatin1String("id")).toString();
    const QJsonObject flavor = json.value(QLatin1String("flavor")).toObject();
    server.flavorId = flavor.value(QLatin1String("id")).toString();
    server.flavorName = flavor.value(QLatin1String("original_name")).toString();
    server.flavorRam = flavor.value(QLatin1String("ram")).toInt();
    server.flavorVcpus = flavor.value(QLatin1String("vcpus")).toInt();
    server.flavorDisk = flavor.value(QLatin1String("disk")).toInt();
    const QJsonArray groups = json.value(QLatin1String("security_groups")).toArray();
    for (const QJsonValue &group : groups) {
        const QString name = group.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty() && !server.securityGroups.contains(name))
            server.securityGroups.append(name);
    }
    const QJsonArray volumes = json.value(QLatin1String("os-extended-volumes:volumes_attached")).toArray();
    for (const QJsonValue &volume : volumes)
        server.attachedVolumeIds.append(volume.toObject().value(QLatin1String("id")).toString());
    const QJsonObject addresses = json.value(QLatin1String("addresses")).toObject();
    for (auto it = addresses.begin(); it != addresses.end(); ++it) {
        const QJsonArray entries = it.value().toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject object = entry.toObject();
            server.addresses.append(Address{it.key(), object.value(QLatin1String("addr")).toString(),
                                            object.value(QLatin1String("OS-EXT-IPS:type")).toString(),
                                            object.value(QLatin1String("version")).toInt(4)});
        }
    }
    server.metadata = json.value(QLatin1String("metadata")).toObject();
    const QJsonArray tags = json.value(QLatin1String("tags")).toArray();
    for (const QJsonValue &tag : tags)
        server.tags.append(tag.toString());
    server.raw = json;
    return server;
}

} // namespace sv::openstack
