#pragma once

#include <QJsonObject>
#include <QString>

namespace sv::openstack {

struct Flavor
{
    QString id;
    QString name;
    int ram = 0;  // MiB
    int vcpus = 0;
    int disk = 0; // GiB; 0 means "the image's size" (and is refused for image boots by newer policies)
    int ephemeral = 0;
    int swap = 0;
    bool isPublic = true;
    QJsonObject extraSpecs;
    QJsonObject raw;

    static Flavor fromJson(const QJsonObject &json);
};

} // namespace sv::openstack
