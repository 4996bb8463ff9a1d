#include "openstack/volume/volume.h"

#include <QJsonArray>

namespace sv::openstack {

Volume Volume::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    Volume volume;
    volume.id = text("id");
    volume.name = text("name");
    volume.status = text("status");
    volume.sizeGb = json.value(QLatin1String("size")).toInt();
    const QJsonValue bootable = json.value(QLatin1String("bootable"));
    volume.bootable = bootable.isBool() ? bootable.toBool() : bootable.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    volume.volumeType = text("volume_type");
    volume.availabilityZone = text("availability_zone");
    const QJsonArray attachments = json.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &value : attachments) {
        const QJsonObject object = value.toObject();
        volume.attachments.append(Attachment{object.value(QLatin1String("server_id")).toString(),
                                             object.value(QLatin1String("device")).toString(),
                                             object.value(QLatin1String("attachment_id")).toString()});
    }
    volume.imageMetadata = json.value(QLatin1String("volume_image_metadata")).toObject();
    volume.raw = json;
    return volume;
}

} // namespace sv::openstack
