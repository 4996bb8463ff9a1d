#include "openstack/network/network.h"

namespace sv::openstack {

Network Network::fromJson(const QJsonObject &json)
{
    Network network;
    network.id = json.value(QLatin1String("id")).toString();
    network.name = json.value(QLatin1String("name")).toString();
    network.status = json.value(QLatin1String("status")).toString();
    network.shared = json.value(QLatin1String("shared")).toBool();
    network.external = json.value(QLatin1String("router:external")).toBool();
    return network;
}

} // namespace sv::openstack
