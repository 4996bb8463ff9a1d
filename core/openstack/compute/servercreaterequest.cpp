#include "openstack/compute/servercreaterequest.h"

#include <QJsonArray>

namespace sv::openstack {

QJsonObject ServerCreateRequest::toJson(const QVersionNumber &microversion) const
{
    QJsonObject server{{QStringLiteral("name"), name}, {QStringLiteral("flavorRef"), flavorRef}};
    if (!imageRef.isEmpty())
        server.insert(QStringLiteral("imageRef"), imageRef);
    if (!blockDevices.isEmpty()) {
        QJsonArray mappings;
        for (const BlockDevice &device : blockDevices) {
            QJsonObject mapping{{QStringLiteral("source_type"), device.sourceType},
                                {QStringLiteral("destination_type"), device.destinationType},
                                {QStringLiteral("boot_index"), device.bootIndex},
                                {QStringLiteral("delete_on_termination"), device.deleteOnTermination}};
            if (!device.uuid.isEmpty())
                mapping.insert(QStringLiteral("uuid"), device.uuid);
            if (device.volumeSizeGb > 0)
                mapping.insert(QStringLiteral("volume_size"), device.volumeSizeGb);
            if (!device.volumeType.isEmpty() && QVersionNumber::compare(microversion, QVersionNumber(2, 67)) >= 0)
                mapping.insert(QStringLiteral("volume_type"), device.volumeType);
            mappings.append(mapping);
        }
        server.insert(QStringLiteral("block_device_mapping_v2"), mappings);
    }
    const bool hasNetworkKeywords = QVersionNumber::compare(microversion, QVersionNumber(2, 37)) >= 0;
    switch (networkMode) {
    case NetworkMode::Auto:
        if (hasNetworkKeywords)
            server.insert(QStringLiteral("networks"), QStringLiteral("auto"));
        break;
    case NetworkMode::None:
        if (hasNetworkKeywords)
            server.insert(QStringLiteral("networks"), QStringLiteral("none"));
        break;
    case NetworkMode::Explicit: {
        QJsonArray list;
        for (const Network &network : networks) {
            QJsonObject entry;
            if (!network.uuid.isEmpty())
                entry.insert(QStringLiteral("uuid"), network.uuid);
            if (!network.port.isEmpty())
                entry.insert(QStringLiteral("port"), network.port);
            if (!network.fixedIp.isEmpty())
                entry.insert(QStringLiteral("fixed_ip"), network.fixedIp);
            list.append(entry);
        }
        server.insert(QStringLiteral("networks"), list);
        break;
    }
    }
    if (!keyName.isEmpty())
        server.insert(QStringLiteral("key_name"), keyName);
    if (!securityGroups.isEmpty()) {
        QJsonArray groups;
        for (const QString &group : securityGroups)
            groups.append(QJsonObject{{QStringLiteral("name"), group}});
        server.insert(QStringLiteral("security_groups"), groups);
    }
    if (!availabilityZone.isEmpty())
        server.insert(QStringLiteral("availability_zone"), availabilityZone);
    if (!metadata.isEmpty())
        server.insert(QStringLiteral("metadata"), metadata);
    if (!userData.isEmpty())
        server.insert(QStringLiteral("user_data"), QString::fromLatin1(userData.toBase64()));
    if (!tags.isEmpty() && QVersionNumber::compare(microversion, QVersionNumber(2, 52)) >= 0)
        server.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    if (!description.isEmpty() && QVersionNumber::compare(microversion, QVersionNumber(2, 19)) >= 0)
        server.insert(QStringLiteral("description"), description);
    if (configDrive)
        server.insert(QStringLiteral("config_drive"), true);
    QJsonObject body{{QStringLiteral("server"), server}};
    if (!serverGroupId.isEmpty())
        body.insert(QStringLiteral("os:scheduler_hints"), QJsonObject{{QStringLiteral("group"), serverGroupId}});
    return body;
}

} // namespace sv::openstack
