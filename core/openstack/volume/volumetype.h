#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

// A Cinder volume type (GET /v3/{project}/types).
struct VolumeType
{
    QString id;
    QString name;
    QString description;
    bool isPublic = true;
    QJsonObject raw;

    static VolumeType fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
