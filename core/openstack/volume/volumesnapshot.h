#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

// A Cinder volume snapshot (GET /v3/{project}/snapshots/{id}).
struct VolumeSnapshot
{
    QString id;
    QString name;
    QString status; // creating, available, deleting, error, error_deleting, ...
    QString volumeId;
    QString description;
    int sizeGb = 0;
    QJsonObject metadata;
    QJsonObject raw;

    static VolumeSnapshot fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
