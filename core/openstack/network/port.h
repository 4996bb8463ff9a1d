#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sv::openstack {

// A Neutron port (a server's NIC): its network, fixed IPs and security groups.
struct Port
{
    struct FixedIp
    {
        QString subnetId;
        QString ip;
    };
    QString id;
    QString name;
    QString networkId;
    QString macAddress;
    QString deviceId;
    QString deviceOwner;
    QString createdAt; // as Neutron writes it ("2016-03-08T20:19:41"); sorts as text
    QList<FixedIp> fixedIps;
    QStringList securityGroupIds;

    static Port fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
