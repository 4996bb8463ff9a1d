#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

// A Neutron network, as a restore needs it to turn saved network names into ids.
struct Network
{
    QString id;
    QString name;
    QString status;
    bool shared = false;
    bool external = false;

    static Network fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
