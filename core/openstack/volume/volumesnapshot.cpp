#include "openstack/volume/volumesnapshot.h"

namespace sv::openstack {

VolumeSnapshot VolumeSnapshot::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    VolumeSnapshot snapshot;
    snapshot.id = text("id");
    snapshot.name = text("name");
    snapshot.status = text("status");
    snapshot.volumeId = text("volume_id");
    snapshot.description = text("description");
    snapshot.sizeGb = json.value(QLatin1String("size")).toInt();
    snapshot.metadata = json.value(QLatin1String("metadata")).toObject();
    snapshot.raw = json;
    return snapshot;
}

} // namespace sv::openstack
