#include "openstack/volume/volumecreaterequest.h"

namespace sv::openstack {

QJsonObject VolumeCreateRequest::toJson() const
{
    QJsonObject volume{{QStringLiteral("size"), sizeGb}};
    const auto putText = [&volume](const char *key, const QString &value) {
        if (!value.isEmpty())
            volume.insert(QLatin1String(key), value);
    };
    putText("name", name);
    putText("description", description);
    putText("volume_type", volumeType);
    putText("availability_zone", availabilityZone);
    putText("snapshot_id", snapshotId);
    putText("imageRef", imageId);
    if (!metadata.isEmpty())
        volume.insert(QStringLiteral("metadata"), metadata);
    return QJsonObject{{QStringLiteral("volume"), volume}};
}

} // namespace sv::openstack
