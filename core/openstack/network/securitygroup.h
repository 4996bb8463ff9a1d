#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

// A Neutron security group, as the restore wizard offers it for the new server (Nova takes names).
struct SecurityGroup
{
    QString id;
    QString name;
    QString description;
    QString projectId;

    static SecurityGroup fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
