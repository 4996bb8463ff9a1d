#pragma once

#include <QString>
#include <QStringList>

namespace sv::ui {

// Everything the restore wizard collected.
struct RestoreRequest
{
    QString checkpointId;
    QString targetCloudId;
    QString projectName;
    QString region;
    QString serverName;
    QString flavorId;
    QString networkId; // empty: no network
    QString keyName;   // empty: no key pair
    QStringList securityGroups;
    QString availabilityZone;
};

} // namespace sv::ui
