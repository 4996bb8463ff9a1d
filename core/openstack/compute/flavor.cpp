#include "openstack/compute/flavor.h"

namespace sv::openstack {

Flavor Flavor::fromJson(const QJsonObject &json)
{
    Flavor flavor;
    flavor.id = json.value(QLatin1String("id")).toString();
    flavor.name = json.value(QLatin1String("name")).toString();
    flavor.ram = json.value(QLatin1String("ram")).toInt();
    flavor.vcpus = json.value(QLatin1String("vcpus")).toInt();
    flavor.disk = json.value(QLatin1String("disk")).toInt();
    flavor.ephemeral = json.value(QLatin1String("OS-FLV-EXT-DATA:ephemeral")).toInt();
    // Before 2.75 an unset swap is "" instead of 0.
    flavor.swap = json.value(QLatin1String("swap")).toInt();
    flavor.isPublic = json.value(QLatin1String("os-flavor-access:is_public")).toBool(true);
    flavor.extraSpecs = json.value(QLatin1String("extra_specs")).toObject();
    flavor.raw = json;
    return flavor;
}

} // namespace sv::openstack
