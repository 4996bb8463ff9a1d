#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sv::openstack {

// A Nova server as StackVault needs it, read from any microversion we speak (2.1 .. 2.79); `raw`
// keeps the full record for the rebuild metadata.
struct Server
{
    struct Address
    {
        QString network; // the network's name (Nova keys addresses by name)
        QString ip;
        QString type; // "fixed" or "floating"
        int version = 4;
    };

    QString id;
    QString name;
    QString projectId; // tenant_id: the project the server belongs to (what an admin's all_tenants list groups by)
    QString status;    // ACTIVE, SHUTOFF, BUILD, ERROR, PAUSED, SUSPENDED, RESCUE, VERIFY_RESIZE, ...
    QString taskState; // OS-EXT-STS:task_state; empty when null
    QString vmState;
    QString imageId;   // empty when the server boots from a volume (Nova sends "image": "")
    QString flavorId;  // below 2.47 only
    QString flavorName; // 2.47+: original_name
    int flavorRam = 0;
    int flavorVcpus = 0;
    int flavorDisk = 0;
    QString keyName;
    QString availabilityZone;
    QStringList securityGroups;
    QStringList attachedVolumeIds;
    QList<Address> addresses;
    QJsonObject metadata;
    QStringList tags;
    QJsonObject raw;

    bool bootsFromVolume() const { return imageId.isEmpty(); }
    static Server fromJson(const QJsonObject &json);
};

} // namespace sv::openstack

Q_DECLARE_METATYPE(sv::openstack::Server)
