#include "protection/rebuilddata.h"

#include "protection/resource.h"

#include <QJsonArray>

#include <algorithm>

namespace sv::RebuildData {

namespace {
QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.isObject() ? item.toObject().value(key(CheckpointKey::Name)).toString() : item.toString());
    return list;
}
} // namespace

QList<openstack::Port> inNicOrder(QList<openstack::Port> ports)
{
    std::stable_sort(ports.begin(), ports.end(),
                     [](const openstack::Port &a, const openstack::Port &b) { return a.createdAt < b.createdAt; });
    return ports;
}

void capture(QJsonObject &metadata, const QJsonObject &server, const QList<openstack::Port> &ports,
             const QHash<QString, QString> &networkNames, const QHash<QString, QString> &groupNames,
             const QList<openstack::ListServerGroupsJob::Group> &serverGroups, const QString &nicsError)
{
    const QJsonValue description = server.value(QLatin1String("description"));
    metadata.insert(key(CheckpointKey::Description), description.isString() ? description.toString() : QString());
    // Nova writes "True" (or "true"/"1" in older releases) when the server has a config drive, "" when not.
    const QJsonValue configDrive = server.value(QLatin1String("config_drive"));
    const bool hasConfigDrive = configDrive.isBool() ? configDrive.toBool()
        : QStringList{QStringLiteral("true"), QStringLiteral("1")}.contains(configDrive.toString().toLower());
    metadata.insert(key(CheckpointKey::ConfigDrive), hasConfigDrive);
    // User data is shown only with the extended-attributes policy (admins by default) from 2.3.
    const QJsonValue userData = server.value(QLatin1String("OS-EXT-SRV-ATTR:user_data"));
    if (userData.isString() && !userData.toString().isEmpty()) {
        metadata.insert(key(CheckpointKey::UserData), userData.toString());
        metadata.insert(key(CheckpointKey::UserDataState), QStringLiteral("saved"));
    } else {
        metadata.insert(key(CheckpointKey::UserDataState),
                        userData.isUndefined() ? QStringLiteral("not_visible") : QStringLiteral("none"));
    }
    QJsonArray groups;
    const QJsonArray groupIds = server.value(QLatin1String("server_groups")).toArray();
    for (const QJsonValue &id : groupIds) {
        for (const auto &group : serverGroups) {
            if (group.id == id.toString())
                groups.append(QJsonObject{{key(CheckpointKey::Id), group.id},
                                          {key(CheckpointKey::Name), group.name},
                                          {key(CheckpointKey::Policy), group.policy}});
        }
    }
    metadata.insert(key(CheckpointKey::ServerGroups), groups);
    if (!nicsError.isEmpty()) {
        metadata.insert(key(CheckpointKey::NicsError), nicsError);
        return;
    }
    QJsonArray nics;
    for (const openstack::Port &port : inNicOrder(ports)) {
        QJsonArray fixedIps;
        for (const openstack::Port::FixedIp &fixed : port.fixedIps)
            fixedIps.append(QJsonObject{{key(CheckpointKey::IpAddress), fixed.ip}, {key(CheckpointKey::SubnetId), fixed.subnetId}});
        QJsonArray securityGroups;
        for (const QString &id : port.securityGroupIds)
            securityGroups.append(groupNames.value(id, id));
        nics.append(QJsonObject{{key(CheckpointKey::NetworkId), port.networkId},
                                {key(CheckpointKey::NetworkName), networkNames.value(port.networkId, port.networkId)},
                                {key(CheckpointKey::FixedIps), fixedIps},
                                {key(CheckpointKey::SecurityGroups), securityGroups},
                                {key(CheckpointKey::MacAddress), port.macAddress}});
    }
    metadata.insert(key(CheckpointKey::Nics), nics);
}

QList<SavedNic> nics(const QJsonObject &metadata)
{
    QList<SavedNic> list;
    if (metadata.contains(key(CheckpointKey::Nics))) {
        const QJsonArray saved = metadata.value(key(CheckpointKey::Nics)).toArray();
        for (const QJsonValue &value : saved) {
            const QJsonObject nic = value.toObject();
            SavedNic entry;
            entry.networkId = nic.value(key(CheckpointKey::NetworkId)).toString();
            entry.networkName = nic.value(key(CheckpointKey::NetworkName)).toString();
            const QJsonArray fixedIps = nic.value(key(CheckpointKey::FixedIps)).toArray();
            for (const QJsonValue &fixed : fixedIps)
                entry.fixedIps.append(fixed.toObject().value(key(CheckpointKey::IpAddress)).toString());
            entry.securityGroups = strings(nic.value(key(CheckpointKey::SecurityGroups)));
            entry.macAddress = nic.value(key(CheckpointKey::MacAddress)).toString();
            list.append(entry);
        }
        return list;
    }
    // Older checkpoints: Nova's addresses by network name, the server's groups on every NIC.
    const QStringList groups = strings(metadata.value(key(CheckpointKey::SecurityGroups)));
    const QJsonArray networks = metadata.value(key(CheckpointKey::Networks)).toArray();
    for (const QJsonValue &value : networks) {
        const QJsonObject network = value.toObject();
        SavedNic entry;
        entry.networkName = network.value(key(CheckpointKey::Name)).toString();
        entry.fixedIps = strings(network.value(key(CheckpointKey::FixedIps)));
        entry.securityGroups = groups;
        list.append(entry);
    }
    return list;
}

QStringList tags(const QJsonObject &metadata)
{
    return strings(metadata.value(key(CheckpointKey::Tags)));
}

QStringList serverGroupNames(const QJsonObject &metadata)
{
    return strings(metadata.value(key(CheckpointKey::ServerGroups)));
}

QString userDataState(const QJsonObject &metadata)
{
    return metadata.value(key(CheckpointKey::UserDataState)).toString();
}

QByteArray userData(const QJsonObject &metadata)
{
    return QByteArray::fromBase64(metadata.value(key(CheckpointKey::UserData)).toString().toLatin1());
}

} // namespace sv::RebuildData
