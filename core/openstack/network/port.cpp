#include "openstack/network/port.h"

#include <QJsonArray>

namespace sv::openstack {

Port Port::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    Port port;
    port.id = text("id");
    port.name = text("name");
    port.networkId = text("network_id");
    port.macAddress = text("mac_address");
    port.deviceId = text("device_id");
    port.deviceOwner = text("device_owner");
    port.createdAt = text("created_at");
    const QJsonArray fixedIps = json.value(QLatin1String("fixed_ips")).toArray();
    for (const QJsonValue &value : fixedIps) {
        const QJsonObject fixed = value.toObject();
        port.fixedIps.append(FixedIp{fixed.value(QLatin1String("subnet_id")).toString(),
                                     fixed.value(QLatin1String("ip_address")).toString()});
    }
    const QJsonArray groups = json.value(QLatin1String("security_groups")).toArray();
    for (const QJsonValue &value : groups)
        port.securityGroupIds.append(value.toString());
    return port;
}

} // namespace sv::openstack
