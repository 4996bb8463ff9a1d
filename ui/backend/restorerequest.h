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
    QStringList networkIds; // in NIC order; {"none"}: no network; empty: the networks saved with the backup
    QString keyName;        // empty: no key pair
    QStringList securityGroups;
    QString availabilityZone; // empty: the cloud chooses

};

} // namespace sv::ui
