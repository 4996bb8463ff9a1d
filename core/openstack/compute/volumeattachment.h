#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

struct VolumeAttachment
{
    QString id; // up to 2.88 the attachment "id" (= volume id); 2.89+: attachment_id
    QString volumeId;
    QString serverId;
    QString device; // /dev/vdb
    QString tag;
    bool deleteOnTermination = false; // 2.79+

    static VolumeAttachment fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
