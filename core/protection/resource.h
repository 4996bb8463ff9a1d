#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv {

// Karbor's resource types, kept verbatim so that a checkpoint's graph reads like Karbor's.
inline constexpr auto ServerResourceType = "OS::Nova::Server";
inline constexpr auto ImageResourceType = "OS::Glance::Image";
inline constexpr auto VolumeResourceType = "OS::Cinder::Volume";

// One protectable resource. A server's boot image carries extra_info = {"server_id": <server id>}
// (the seed's contract): the image protection plugin reads it to snapshot that server.
struct Resource
{
    QString type;
    QString id;
    QString name;
    QJsonObject extraInfo;
    QList<Resource> children;

    bool isServer() const { return type == QLatin1String(ServerResourceType); }
    bool isImage() const { return type == QLatin1String(ImageResourceType); }
    bool isVolume() const { return type == QLatin1String(VolumeResourceType); }
    QString serverIdOfImage() const; // extra_info.server_id, empty when absent

    QJsonObject toJson() const;
    static Resource fromJson(const QJsonObject &json);
};

} // namespace sv
