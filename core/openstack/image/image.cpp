#include "openstack/image/image.h"

namespace sv::openstack {

Image Image::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    const auto number = [&json](const char *key) {
        const QJsonValue value = json.value(QLatin1String(key));
        return value.isDouble() ? qint64(value.toDouble()) : qint64(-1);
    };
    Image image;
    image.id = text("id");
    image.name = text("name");
    image.status = text("status");
    image.size = number("size");
    image.virtualSize = number("virtual_size");
    image.checksum = text("checksum").toLower();
    image.osHashAlgo = text("os_hash_algo");
    image.osHashValue = text("os_hash_value").toLower();
    image.diskFormat = text("disk_format");
    image.containerFormat = text("container_format");
    image.minDisk = json.value(QLatin1String("min_disk")).toInt();
    image.minRam = json.value(QLatin1String("min_ram")).toInt();
    image.visibility = text("visibility");
    image.raw = json;
    return image;
}

} // namespace sv::openstack
