#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv::openstack {

// A Cinder volume.
struct Volume
{
    struct Attachment
    {
        QString serverId;
        QString device;
        QString attachmentId;
    };

    QString id;
    QString name;
    QString status; // available, in-use, creating, error, ...
    int sizeGb = 0;
    bool bootable = false; // Cinder sends the string "true"/"false"
    QString volumeType;
    QString availabilityZone;
    QList<Attachment> attachments;
    QJsonObject imageMetadata; // volume_image_metadata
    QJsonObject raw;

    static Volume fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
