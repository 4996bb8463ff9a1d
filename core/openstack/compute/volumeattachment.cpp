#include "openstack/compute/volumeattachment.h"

namespace sv::openstack {

VolumeAttachment VolumeAttachment::fromJson(const QJsonObject &json)
{
    VolumeAttachment attachment;
    attachment.id = json.value(QLatin1String("attachment_id")).toString(json.value(QLatin1String("id")).toString());
    attachment.volumeId = json.value(QLatin1String("volumeId")).toString();
    attachment.serverId = json.value(QLatin1String("serverId")).toString();
    attachment.device = json.value(QLatin1String("device")).toString();
    attachment.tag = json.value(QLatin1String("tag")).toString();
    attachment.deleteOnTermination = json.value(QLatin1String("delete_on_termination")).toBool();
    return attachment;
}

} // namespace sv::openstack
