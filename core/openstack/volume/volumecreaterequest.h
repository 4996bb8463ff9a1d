#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

// What POST /v3/{project}/volumes needs: a blank volume, or one made from a snapshot or an image.
struct VolumeCreateRequest
{
    QString name;
    QString description;
    int sizeGb = 0;           // at least the source's size
    QString volumeType;       // empty: the cloud's default type
    QString availabilityZone; // empty: the cloud's choice
    QString snapshotId;
    QString imageId;
    QJsonObject metadata;     // string values only (Cinder refuses others)

    // The {"volume": {...}} body.
    QJsonObject toJson() const;
};

} // namespace sv::openstack
