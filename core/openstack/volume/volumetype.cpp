#include "openstack/volume/volumetype.h"

namespace sv::openstack {

VolumeType VolumeType::fromJson(const QJsonObject &json)
{
    VolumeType type;
    type.id = json.value(QLatin1String("id")).toString();
    type.name = json.value(QLatin1String("name")).toString();
    type.description = json.value(QLatin1String("description")).toString();
    type.isPublic = json.value(QLatin1String("is_public")).toBool(true);
    type.raw = json;
    return type;
}

} // namespace sv::openstack
